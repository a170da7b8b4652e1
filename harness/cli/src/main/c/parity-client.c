/*
 * parity-client: hands a `parity record|verify|compare` run to a resident Parity JVM, when asked to
 * with PARITY_DAEMON=1 (docs/daemon.md). The ./parity script execs it as
 *
 *   parity-client JAR JAVA [JVM-OPTION...] -- [PARITY-ARGUMENT...]
 *
 * and it either runs `JAVA JVM-OPTION... -jar JAR PARITY-ARGUMENT...` itself (exec, exactly what
 * the script would have run) or relays the run of a daemon whose process is indistinguishable from
 * that JVM to the programs it starts and to the run: the daemon is shared only by runs whose
 * *context* is byte for byte the one the daemon was started with. The context is everything a JVM
 * started here would inherit: user and groups, working folder, umask, nice value, CPU affinity,
 * signal mask and ignored signals, resource limits, cgroup and namespaces, capabilities,
 * no_new_privs, seccomp, OOM score, security label, scheduling policy, I/O priority, personality,
 * the JVM's command line, the identity of the jar and of the java it names, and the whole
 * environment. A run in any other context gets a daemon of its own.
 *
 * No more than PARITY_DAEMON_MAX (default 4) daemons run in the folder at once: past that, a run of
 * a new context starts none.
 *
 * The run goes to the JVM directly when the command is not one of record, verify and compare, when
 * standard input and output are both a terminal (Parity would talk to a person there), when one of
 * them or standard error is closed, when an argument may name a file of the process itself
 * (/dev/stdin, /dev/fd/N, /proc/...), when CPU time is limited (a daemon's counts all its runs),
 * when the daemon's folder is not private to this user, and whenever the daemon cannot be reached,
 * started, is busy with another run, or does not take the run within ANSWER_WAIT_MS (a daemon
 * stopped or stuck: the client says so on standard error). The daemon starts a run only on the
 * client's G after its K, so a run the client gave up on never runs twice. The daemon's reply
 * frames are relayed as they come:
 * standard output, standard error and finally the exit code. SIGINT, SIGTERM and SIGHUP are passed
 * on unless they were ignored when the client started (a JVM leaves them ignored), and the daemon
 * then ends as a JVM receiving them does (shutdown hooks, the run's process trees killed) and exits
 * 128 + the signal; a client that dies leaves the daemon to do the same. SIGQUIT is passed on too:
 * the daemon prints its thread dump to the run's standard output, and the run goes on, as in a JVM.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

#define PROTOCOL "parity-daemon 2"
#define START_WAIT_MS 30000
/*
 * How long a daemon has to take a run (its K, B or M) once connected: a daemon stopped or stuck
 * must not hang its clients. A client that waited this long runs in a JVM of its own, and the
 * daemon never starts its run, since it starts one only on the client's G after its K.
 */
#define ANSWER_WAIT_MS 5000

/*
 * A growable byte buffer; out of memory ends the client (the script's own JVM would not start
 * either).
 */
typedef struct {
  char *bytes;
  size_t length, capacity;
} buffer;

static void put(buffer *b, const void *bytes, size_t n) {
  if (b->length + n > b->capacity) {
    size_t capacity = (b->length + n) * 2 + 256;
    char *grown = realloc(b->bytes, capacity);
    if (grown == NULL) {
      fputs("parity-client: out of memory\n", stderr);
      exit(3);
    }
    b->bytes = grown;
    b->capacity = capacity;
  }
  memcpy(b->bytes + b->length, bytes, n);
  b->length += n;
}

static void puts0(buffer *b, const char *text) { put(b, text, strlen(text) + 1); }

/* A line "LABEL N...": the label and one or more numbers. */
static void putn(buffer *b, const char *label, int count, const long long *numbers) {
  char line[64];
  put(b, label, strlen(label));
  for (int i = 0; i < count; i++)
    put(b, line, (size_t)snprintf(line, sizeof line, " %lld", numbers[i]));
  put(b, "\n", 1);
}

static void put1(buffer *b, const char *label, long long n) { putn(b, label, 1, &n); }

static void put2(buffer *b, const char *label, long long n, long long m) {
  long long numbers[2] = {n, m};
  putn(b, label, 2, numbers);
}

static void put_file(buffer *b, const char *label, const char *path) {
  char text[4096];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  put(b, label, strlen(label));
  if (fd >= 0) {
    ssize_t n = read(fd, text, sizeof text);
    if (n > 0) put(b, text, (size_t)n);
    close(fd);
  }
  put(b, "\n", 1);
}

/* A file's identity (device, inode, size, times): replaced or rewritten, it is another file. */
static void put_identity(buffer *b, const char *path) {
  struct stat st;
  if (stat(path, &st) == 0) {
    long long numbers[6] = {(long long)st.st_dev, (long long)st.st_ino, (long long)st.st_size,
                            (long long)st.st_mtim.tv_sec, (long long)st.st_mtim.tv_nsec,
                            (long long)st.st_ctim.tv_nsec};
    putn(b, "file", 6, numbers);
  }
  puts0(b, path);
}

/* The file execvp runs for NAME: NAME when it holds a slash, else the first executable in PATH. */
static void resolve(const char *name, char *out, size_t size) {
  const char *path = getenv("PATH");
  if (strchr(name, '/') == NULL) {
    for (const char *dir = path != NULL ? path : "/bin:/usr/bin"; dir != NULL;) {
      const char *end = strchr(dir, ':');
      int length = end != NULL ? (int)(end - dir) : (int)strlen(dir);
      snprintf(out, size, "%.*s/%s", length > 0 ? length : 1, length > 0 ? dir : ".", name);
      if (access(out, X_OK) == 0) return;
      dir = end != NULL ? end + 1 : NULL;
    }
  }
  snprintf(out, size, "%s", name);
}

/*
 * What the programs a JVM starts inherit from it and no other line shows: from /proc/self/status
 * the capabilities, no_new_privs, seccomp and the memory nodes; the OOM score, the security label,
 * the scheduling policy, I/O priority, personality and timer slack.
 */
static void put_inherited(buffer *b) {
  static const char *kept[] = {"Cap", "NoNewPrivs:", "Seccomp", "Mems_allowed_list:",
                               "Speculation"};
  char text[16384];
  int fd = open("/proc/self/status", O_RDONLY | O_CLOEXEC);
  ssize_t n = fd >= 0 ? read(fd, text, sizeof text - 1) : -1;
  if (fd >= 0) close(fd);
  text[n > 0 ? n : 0] = '\0';
  char *save = NULL;
  for (char *line = strtok_r(text, "\n", &save); line != NULL; line = strtok_r(NULL, "\n", &save)) {
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++) {
      if (strncmp(line, kept[i], strlen(kept[i])) == 0) {
        put(b, line, strlen(line));
        put(b, "\n", 1);
      }
    }
  }
  put_file(b, "oom ", "/proc/self/oom_score_adj");
  put_file(b, "label ", "/proc/self/attr/current");
  struct sched_param param = {0};
  sched_getparam(0, &param);
  put2(b, "sched", sched_getscheduler(0), param.sched_priority);
  put1(b, "ioprio", syscall(SYS_ioprio_get, 1 /* IOPRIO_WHO_PROCESS */, 0));
  put1(b, "personality", personality(0xffffffff));
  put1(b, "timerslack", prctl(PR_GET_TIMERSLACK, 0, 0, 0, 0));
}

static void put_link(buffer *b, const char *path) {
  char target[256];
  ssize_t n = readlink(path, target, sizeof target);
  put(b, path, strlen(path));
  put(b, "=", 1);
  if (n > 0) put(b, target, (size_t)n);
  put(b, "\n", 1);
}

/* Everything a JVM started here would inherit and could act on (see the head of this file). */
static buffer context(const char *jar, char **java, int java_count) {
  buffer b = {0};
  char cwd[PATH_MAX];
  gid_t groups[NGROUPS_MAX];
  int group_count = getgroups(NGROUPS_MAX, groups);
  puts0(&b, PROTOCOL);
  put2(&b, "uid", getuid(), geteuid());
  put2(&b, "gid", getgid(), getegid());
  for (int i = 0; i < group_count; i++) put1(&b, "group", groups[i]);
  puts0(&b, getcwd(cwd, sizeof cwd) != NULL ? cwd : "(no working folder)");
  mode_t mask = umask(0);
  umask(mask);
  put1(&b, "umask", mask);
  errno = 0;
  int nice = getpriority(PRIO_PROCESS, 0);
  put2(&b, "nice", nice, errno);
  cpu_set_t cpus;
  if (sched_getaffinity(0, sizeof cpus, &cpus) == 0) {
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
      if (CPU_ISSET(cpu, &cpus)) put1(&b, "cpu", cpu);
  }
  sigset_t blocked;
  sigprocmask(SIG_BLOCK, NULL, &blocked);
  for (int sig = 1; sig < NSIG; sig++) {
    struct sigaction action;
    if (sigismember(&blocked, sig) == 1) put1(&b, "blocked", sig);
    if (sigaction(sig, NULL, &action) == 0 && action.sa_handler == SIG_IGN)
      put1(&b, "ignored", sig);
  }
  for (int resource = 0; resource < RLIM_NLIMITS; resource++) {
    struct rlimit limit;
    if (getrlimit(resource, &limit) == 0) {
      long long numbers[3] = {resource, (long long)limit.rlim_cur, (long long)limit.rlim_max};
      putn(&b, "rlimit", 3, numbers);
    }
  }
  put_file(&b, "cgroup ", "/proc/self/cgroup");
  const char *spaces[] = {"cgroup", "ipc", "mnt", "net", "pid", "time", "user", "uts"};
  for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++) {
    char path[64];
    snprintf(path, sizeof path, "/proc/self/ns/%s", spaces[i]);
    put_link(&b, path);
  }
  put_link(&b, "/proc/self/root");
  put_inherited(&b);
  char java_file[PATH_MAX];
  resolve(java[0], java_file, sizeof java_file);
  const char *files[] = {jar, "/proc/self/exe", java_file};
  for (size_t i = 0; i < sizeof files / sizeof *files; i++) put_identity(&b, files[i]);
  put1(&b, "java", java_count);
  for (int i = 0; i < java_count; i++) puts0(&b, java[i]);
  int env_count = 0;
  while (environ[env_count] != NULL) env_count++;
  put1(&b, "env", env_count);
  for (int i = 0; i < env_count; i++) puts0(&b, environ[i]);
  return b;
}

/* FNV-1a, 64 bits: names the daemon's files; the daemon compares the whole context. */
static uint64_t fnv(const buffer *b) {
  uint64_t hash = 1469598103934665603ULL;
  for (size_t i = 0; i < b->length; i++) {
    hash ^= (unsigned char)b->bytes[i];
    hash *= 1099511628211ULL;
  }
  return hash;
}

static char **direct_argv;

/* Runs the JVM as the script would have; never returns. */
static void run_directly(void) {
  execvp(direct_argv[0], direct_argv);
  fprintf(stderr, "parity: cannot run %s: %s\n", direct_argv[0], strerror(errno));
  exit(errno == ENOENT ? 127 : 126);
}

/* The daemon's folder, made private to this user; NULL when it is not (then no daemon). */
static const char *private_folder(void) {
  static char path[PATH_MAX];
  const char *given = getenv("PARITY_DAEMON_DIR");
  const char *runtime = getenv("XDG_RUNTIME_DIR");
  if (given != NULL && given[0] != '\0') {
    snprintf(path, sizeof path, "%s", given);
  } else if (runtime != NULL && runtime[0] == '/') {
    snprintf(path, sizeof path, "%s/parity-daemon", runtime);
  } else {
    snprintf(path, sizeof path, "/tmp/parity-daemon-%lld", (long long)getuid());
  }
  struct stat st;
  if (mkdir(path, 0700) != 0 && errno != EEXIST) return NULL;
  if (lstat(path, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() ||
      (st.st_mode & 077) != 0)
    return NULL;
  return path;
}

/*
 * Whether standard input, output and error are open: with one closed, the socket to the daemon
 * would take its descriptor, and what the run prints there would go back to the daemon.
 */
static int standard_streams_open(void) {
  for (int fd = 0; fd <= 2; fd++)
    if (fcntl(fd, F_GETFD) < 0) return 0;
  return 1;
}

/*
 * Whether an argument may name a file of the process itself (/dev/stdin, the /dev/fd/63 of a
 * process substitution, /proc/self/...): in the daemon it would name the daemon's own.
 */
static int names_own_files(char **args, int count) {
  const char *own[] = {"dev/std", "dev/fd", "proc/"};
  for (int i = 0; i < count; i++)
    for (size_t j = 0; j < sizeof own / sizeof *own; j++)
      if (strstr(args[i], own[j]) != NULL) return 1;
  return 0;
}

/*
 * Whether the CPU time of a process is limited: a daemon's counts all its runs, and would reach a
 * limit that a JVM of each run's own never reaches.
 */
static int cpu_time_limited(void) {
  struct rlimit limit;
  return getrlimit(RLIMIT_CPU, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY;
}

static int write_all(int fd, const void *bytes, size_t n) {
  const char *p = bytes;
  while (n > 0) {
    ssize_t w = write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int read_all(int fd, void *bytes, size_t n) {
  char *p = bytes;
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

static long long now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Waits until fd has one of events (or an error or hang-up): 0, or -2 once deadline passed. */
static int ready_by(int fd, short events, long long deadline) {
  for (;;) {
    long long left = deadline - now_ms();
    if (left <= 0) return -2;
    struct pollfd watched = {.fd = fd, .events = events};
    int r = poll(&watched, 1, left > 60000 ? 60000 : (int)left);
    if (r > 0) return 0;
    if (r < 0 && errno != EINTR) return -1;
  }
}

/*
 * The handshake's I/O, on a socket that does not block: n bytes sent or read whole, -1 when the
 * daemon is gone (the end of its stream, an error), -2 when it did not take or give them by
 * deadline.
 */
static int send_by(int fd, const void *bytes, size_t n, long long deadline) {
  const char *p = bytes;
  while (n > 0) {
    ssize_t w = send(fd, p, n, MSG_NOSIGNAL);
    if (w < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      int ready = ready_by(fd, POLLOUT, deadline);
      if (ready != 0) return ready;
      continue;
    }
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    p += w;
    n -= (size_t)w;
  }
  return 0;
}

static int read_by(int fd, void *bytes, size_t n, long long deadline) {
  char *p = bytes;
  while (n > 0) {
    ssize_t r = read(fd, p, n);
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      int ready = ready_by(fd, POLLIN, deadline);
      if (ready != 0) return ready;
      continue;
    }
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return -1;
    p += r;
    n -= (size_t)r;
  }
  return 0;
}

/* A frame: its type, the payload's length (4 bytes, big-endian), the payload; as send_by. */
static int send_frame(int fd, char type, const void *payload, uint32_t n, long long deadline) {
  unsigned char head[5] = {(unsigned char)type, n >> 24, n >> 16, n >> 8, n};
  int sent = send_by(fd, head, 5, deadline);
  return sent != 0 ? sent : send_by(fd, payload, n, deadline);
}

/*
 * A connection to the daemon's socket that does not block: a daemon stopped or stuck with its
 * backlog full of connections it never took makes connect fail at once (EAGAIN) instead of
 * waiting for it.
 */
static int try_connect(const struct sockaddr_un *address) {
  int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  if (connect(fd, (const struct sockaddr *)address, sizeof *address) == 0) return fd;
  close(fd);
  return -1;
}

static void pause_ms(long ms) {
  struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&t, &t) != 0 && errno == EINTR) {
  }
}

/* Whether process pid is there and not a zombie. */
static int alive(pid_t pid) {
  char path[64], stat_line[512];
  snprintf(path, sizeof path, "/proc/%lld/stat", (long long)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, stat_line, sizeof stat_line - 1);
  close(fd);
  if (n <= 0) return 0;
  stat_line[n] = '\0';
  char *end = strrchr(stat_line, ')');
  return end != NULL && end[1] == ' ' && end[2] != 'Z' && end[2] != 'X';
}

/*
 * Starts the daemon (JAVA JVM-OPTION... -Dparity.daemon=SOCKET -cp JAR
 * dev.parity.cli.daemon.ParityDaemon) in a session of its own, with the context written to
 * BASE.context for it to compare clients against, and waits until it accepts; -1 when it did not
 * come up.
 */
static int start_daemon(const char *base, const struct sockaddr_un *address, const buffer *ctx,
                        const char *jar, char **java, int java_count) {
  char context_file[PATH_MAX + 16], temporary[PATH_MAX + 16], log[PATH_MAX + 16];
  char property[PATH_MAX + 32];
  snprintf(context_file, sizeof context_file, "%s.context", base);
  snprintf(temporary, sizeof temporary, "%s.context.%lld", base, (long long)getpid());
  snprintf(log, sizeof log, "%s.log", base);
  snprintf(property, sizeof property, "-Dparity.daemon=%s", address->sun_path);
  int fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  int written = write_all(fd, ctx->bytes, ctx->length);
  close(fd);
  if (written != 0 || rename(temporary, context_file) != 0) {
    unlink(temporary);
    return -1;
  }
  unlink(address->sun_path);
  char **argv = calloc((size_t)java_count + 5, sizeof *argv);
  if (argv == NULL) return -1;
  for (int i = 0; i < java_count; i++) argv[i] = java[i];
  argv[java_count] = property;
  argv[java_count + 1] = "-cp";
  argv[java_count + 2] = (char *)jar;
  argv[java_count + 3] = "dev.parity.cli.daemon.ParityDaemon";
  int report[2];
  if (pipe2(report, O_CLOEXEC) != 0) return -1;
  pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    /* The daemon must not be in the client's session, process group or terminal. */
    setsid();
    pid_t daemon = fork();
    if (daemon == 0) {
      int null = open("/dev/null", O_RDONLY);
      int out = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, 0600);
      if (null < 0 || out < 0) _exit(126);
      dup2(null, 0);
      dup2(out, 1);
      dup2(out, 2);
      execvp(argv[0], argv);
      _exit(127);
    }
    write_all(report[1], &daemon, sizeof daemon);
    _exit(0);
  }
  close(report[1]);
  pid_t daemon = -1;
  if (read_all(report[0], &daemon, sizeof daemon) != 0) daemon = -1;
  close(report[0]);
  waitpid(child, NULL, 0);
  free(argv);
  if (daemon <= 0) return -1;
  for (long waited = 0; waited < START_WAIT_MS && alive(daemon); waited += 5) {
    int connected = try_connect(address);
    if (connected >= 0) return connected;
    pause_ms(5);
  }
  return -1;
}

/*
 * How many daemons may run in the folder at once: PARITY_DAEMON_MAX, default 4; -1 when it is set
 * to anything but a whole number from 0 up.
 */
static long daemon_cap(void) {
  const char *given = getenv("PARITY_DAEMON_MAX");
  if (given == NULL || given[0] == '\0') return 4;
  char *end;
  errno = 0;
  long cap = strtol(given, &end, 10);
  return *end != '\0' || errno != 0 || cap < 0 || given[0] == '-' || given[0] == '+' ? -1 : cap;
}

/*
 * Whether the folder holds as many live daemons as it may: sockets that accept a connection (a
 * daemon then sees a client that says nothing, and forgets it). Contexts that change at every run
 * (a tool that adds a random variable, a CI step id) would otherwise leave a daemon per run, each
 * idling for minutes.
 */
static int daemons_at_cap(const char *folder) {
  long cap = daemon_cap(), live = 0;
  DIR *dir = opendir(folder);
  if (dir == NULL) return 1;
  struct dirent *entry;
  while (live < cap && (entry = readdir(dir)) != NULL) {
    size_t n = strlen(entry->d_name);
    struct sockaddr_un address = {.sun_family = AF_UNIX};
    if (n < 5 || strcmp(entry->d_name + n - 5, ".sock") != 0 ||
        strlen(folder) + 1 + n >= sizeof address.sun_path)
      continue;
    snprintf(address.sun_path, sizeof address.sun_path, "%s/%s", folder, entry->d_name);
    int fd = try_connect(&address);
    if (fd >= 0) {
      live++;
      close(fd);
    }
  }
  closedir(dir);
  return live >= cap;
}

static volatile sig_atomic_t signalled;
static int daemon_socket = -1;

static void pass_on(int sig) {
  unsigned char frame[9] = {'S', 0, 0, 0, 4, 0, 0, 0, (unsigned char)sig};
  if (sig != SIGQUIT) signalled = sig;
  int saved = errno;
  if (send(daemon_socket, frame, sizeof frame, MSG_NOSIGNAL) < 0) {
    /* The daemon is gone; the relay loop sees its end. */
  }
  errno = saved;
}

/* Relays the daemon's frames until it closes the connection; returns the run's exit code. */
static int relay(int fd, const char *base) {
  static char payload[1 << 16];
  int exit_code = -1;
  int dead[3] = {0, 0, 0};
  for (;;) {
    unsigned char head[5];
    if (read_all(fd, head, 5) != 0) break;
    uint32_t n =
        (uint32_t)head[1] << 24 | (uint32_t)head[2] << 16 | (uint32_t)head[3] << 8 | head[4];
    int target = head[0] == 'O' ? 1 : head[0] == 'E' ? 2 : 0;
    while (n > 0) {
      size_t piece = n < sizeof payload ? n : sizeof payload;
      if (read_all(fd, payload, piece) != 0) goto ended;
      if (target != 0 && !dead[target] && write_all(target, payload, piece) != 0) dead[target] = 1;
      if (head[0] == 'X' && piece == 4)
        exit_code = (int)((uint32_t)(unsigned char)payload[0] << 24 |
                          (uint32_t)(unsigned char)payload[1] << 16 |
                          (uint32_t)(unsigned char)payload[2] << 8 | (unsigned char)payload[3]);
      n -= (uint32_t)piece;
    }
  }
ended:
  if (exit_code >= 0) return exit_code;
  if (signalled != 0) return 128 + signalled;
  fprintf(stderr, "parity: the Parity daemon ended before the run did (its log: %s.log)\n", base);
  return 3;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fputs("usage: parity-client JAR JAVA [JVM-OPTION...] -- [PARITY-ARGUMENT...]\n", stderr);
    return 2;
  }
  const char *jar = argv[1];
  char **java = argv + 2;
  int java_count = 0;
  while (2 + java_count < argc && strcmp(java[java_count], "--") != 0) java_count++;
  char **args = 2 + java_count < argc ? java + java_count + 1 : java + java_count;
  int arg_count = argc - 2 - java_count - (2 + java_count < argc ? 1 : 0);

  if (daemon_cap() < 0) {
    fprintf(stderr,
            "parity: PARITY_DAEMON_MAX=%s is not a number of daemons; set it to a whole number"
            " from 0 up (0: no daemon starts) or unset it (4)\n",
            getenv("PARITY_DAEMON_MAX"));
    return 2;
  }
  direct_argv = calloc((size_t)(java_count + arg_count + 3), sizeof *direct_argv);
  if (direct_argv == NULL) return 3;
  for (int i = 0; i < java_count; i++) direct_argv[i] = java[i];
  direct_argv[java_count] = "-jar";
  direct_argv[java_count + 1] = (char *)jar;
  for (int i = 0; i < arg_count; i++) direct_argv[java_count + 2 + i] = args[i];

  int command = arg_count > 0 &&
                (strcmp(args[0], "record") == 0 || strcmp(args[0], "verify") == 0 ||
                                  strcmp(args[0], "compare") == 0);
  const char *folder = command && standard_streams_open() && !names_own_files(args, arg_count) &&
                               !cpu_time_limited() && !(isatty(0) && isatty(1))
                           ? private_folder()
                           : NULL;
  if (folder == NULL) run_directly();

  buffer ctx = context(jar, java, java_count);
  char base[PATH_MAX + 32];
  snprintf(base, sizeof base, "%s/%016llx", folder, (unsigned long long)fnv(&ctx));
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  if (strlen(base) + 6 > sizeof address.sun_path) run_directly();
  snprintf(address.sun_path, sizeof address.sun_path, "%s.sock", base);

  int fd = try_connect(&address);
  if (fd < 0) {
    /* One client starts the daemon; the others wait for it (bounded), then connect. */
    char lock[PATH_MAX + 8];
    snprintf(lock, sizeof lock, "%s.lock", base);
    int lock_fd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (lock_fd < 0) run_directly();
    long waited = 0;
    while (flock(lock_fd, LOCK_EX | LOCK_NB) != 0) {
      if (waited >= START_WAIT_MS) run_directly();
      pause_ms(10);
      waited += 10;
    }
    fd = try_connect(&address);
    if (fd < 0 && !daemons_at_cap(folder))
      fd = start_daemon(base, &address, &ctx, jar, java, java_count);
    close(lock_fd);
    if (fd < 0) run_directly();
  }

  buffer request = {0};
  for (int i = 0; i < arg_count; i++) puts0(&request, args[i]);
  unsigned char head[5];
  long long deadline = now_ms() + ANSWER_WAIT_MS;
  int answered = send_frame(fd, 'C', ctx.bytes, (uint32_t)ctx.length, deadline);
  if (answered == 0)
    answered = send_frame(fd, 'A', request.bytes, (uint32_t)request.length, deadline);
  if (answered == 0) answered = read_by(fd, head, 5, deadline);
  if (answered == -2)
    fprintf(stderr,
            "parity: the Parity daemon of this context did not answer within %d s (stopped or"
            " stuck), so this run goes to a JVM of its own (its log: %s.log; to stop every daemon"
            " of yours: pkill -f -- -Dparity.daemon=)\n",
            ANSWER_WAIT_MS / 1000, base);
  /*
   * K: the daemon takes the run, and starts it on G; a client that gave up never sends G, and one
   * that sent it never runs a JVM of its own (the socket blocks again first, for the relay).
   */
  if (answered != 0 || head[0] != 'K' ||
      fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0 ||
      send_frame(fd, 'G', "", 0, now_ms() + ANSWER_WAIT_MS) != 0) {
    close(fd);
    run_directly(); /* busy with another run, another context, gone, or not answering */
  }

  daemon_socket = fd;
  struct sigaction action = {0};
  action.sa_handler = pass_on;
  sigemptyset(&action.sa_mask);
  /*
   * A JVM leaves these ignored when it starts with them ignored (nohup, `parity ... &` in a
   * script); it prints its thread dump on SIGQUIT, even one started with it ignored, and goes on.
   * It unblocks those it acts on (a JVM starts its children with SIGQUIT blocked).
   */
  const int passed[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
  sigset_t unblocked;
  sigemptyset(&unblocked);
  for (size_t i = 0; i < sizeof passed / sizeof *passed; i++) {
    struct sigaction current;
    if (passed[i] == SIGQUIT ||
        (sigaction(passed[i], NULL, &current) == 0 && current.sa_handler != SIG_IGN)) {
      sigaction(passed[i], &action, NULL);
      sigaddset(&unblocked, passed[i]);
    }
  }
  sigprocmask(SIG_UNBLOCK, &unblocked, NULL);
  signal(SIGPIPE, SIG_IGN);
  return relay(fd, base);
}
