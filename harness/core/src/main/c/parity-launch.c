/*
 * parity-launch: runs one program so that nothing it starts can outlive it (Linux only).
 *
 *   parity-launch STATUS_FILE PROGRAM [ARG...]
 *   parity-launch --version
 *
 * Parity starts every command run and every `start:` server through this launcher, because the
 * JVM alone cannot give these guarantees:
 *
 * - The launcher is a child subreaper (PR_SET_CHILD_SUBREAPER): a process that double-forks or
 *   leaves its process group (`setsid -f`, `setsid sh -c 'x &'`, `set -m; x &`) is re-parented to
 *   the launcher instead of init, so it stays findable. When the program exits, or the launcher
 *   receives SIGTERM, it SIGKILLs every remaining descendant and reaps them until none is left;
 *   only then does it exit, so the output pipes close and nothing survives the run.
 * - It dies with its parent: PR_SET_PDEATHSIG wakes it when the spawning thread ends, and it polls
 *   getppid() as well; once the parent (the JVM) is gone, for instance after `kill -9`, it kills
 *   the tree and exits. A spawning thread that merely ends while the JVM lives is ignored.
 * - It tells how the program ended through STATUS_FILE, a side channel the program's own exit code
 *   and output cannot fake by accident: "exit N", "signal N NAME", "exec-error ERRNO MESSAGE" (the
 *   program could not be executed at all: the exec's errno, passed back by the vfork child in
 *   shared memory, never guessed from exit code 127 or from stderr text), or "killed" (stopped on
 *   request before it ended). While the program runs it holds "started PID": found after the
 *   launcher's end, it says the launcher was killed, and PID names the program's session.
 *
 * The program runs in a new session (setsid) with the signal mask the launcher got. The launcher
 * itself blocks every signal it can and acts on SIGTERM alone, so that no stray signal (one the
 * program sends its parent, a terminal's) ends it before the tree is killed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>

#define VERSION "parity-launch 2"

/*
 * The system layer. Every run execs this launcher, and the C library's start-up (cpu feature
 * probing, tunables, IRELATIVE relocations, a few dozen pages touched) was most of its own CPU time
 * (docs/benchmarks.md, issue 13). So on x86_64 the build compiles it with
 * -DPARITY_NOLIBC -nostdlib: its own _start, raw system calls and the few helpers below. Elsewhere
 * (and where that build fails) the same code calls the kernel through the C library's syscall().
 * Either way every call returns the result or -errno, never sets errno.
 */
#ifdef PARITY_NOLIBC
#if defined(__x86_64__)
static long sys(long n, long a, long b, long c, long d, long e, long f) {
  register long r10 __asm__("r10") = d;
  register long r8 __asm__("r8") = e;
  register long r9 __asm__("r9") = f;
  long result;
  __asm__ volatile("syscall"
                   : "=a"(result)
                   : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                   : "rcx", "r11", "memory");
  return result;
}
/* vfork's child returns into the parent's stack frame: the return address waits in a register. */
__asm__(".text\n.global parity_vfork\n.type parity_vfork,@function\nparity_vfork:\n"
        "\tpop %rdx\n\tmov $58, %eax\n\tsyscall\n\tpush %rdx\n\tret\n");
__asm__(".text\n.global _start\n.type _start,@function\n_start:\n"
        "\txor %ebp, %ebp\n\tmov %rsp, %rdi\n\tand $-16, %rsp\n\tcall parity_start\n\thlt\n");
#else
#error "PARITY_NOLIBC is for x86_64 only (the only CPU it is tested on); build without it elsewhere"
#endif
long parity_vfork(void);
#define VFORK() parity_vfork()

/* The compiler may emit calls to these two for structure copies and initializations. */
void *memset(void *to, int value, size_t length) {
  volatile unsigned char *p = to;
  while (length-- > 0) {
    *p++ = (unsigned char)value;
  }
  return to;
}

void *memcpy(void *to, const void *from, size_t length) {
  volatile unsigned char *p = to;
  const unsigned char *q = from;
  while (length-- > 0) {
    *p++ = *q++;
  }
  return to;
}
#else
#include <unistd.h>
static long sys(long n, long a, long b, long c, long d, long e, long f) {
  long result = syscall(n, a, b, c, d, e, f);
  return result == -1 ? -errno : result;
}
#endif

#define SYS0(n) sys((n), 0, 0, 0, 0, 0, 0)
#define SYS1(n, a) sys((n), (long)(a), 0, 0, 0, 0, 0)
#define SYS2(n, a, b) sys((n), (long)(a), (long)(b), 0, 0, 0, 0)
#define SYS3(n, a, b, c) sys((n), (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define SYS4(n, a, b, c, d) sys((n), (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)

/* The kernel's signal set: one bit per signal, 8 bytes (not the C library's 128-byte sigset_t). */
typedef unsigned long signals;

static size_t length_of(const char *s) {
  size_t n = 0;
  while (s[n] != '\0') {
    n++;
  }
  return n;
}

static int same(const char *a, const char *b) {
  while (*a != '\0' && *a == *b) {
    a++;
    b++;
  }
  return *a == *b;
}

static void write_all(int fd, const char *text, size_t length) {
  while (length > 0) {
    long written = SYS3(SYS_write, fd, text, length);
    if (written == -EINTR) {
      continue;
    }
    if (written <= 0) {
      return;
    }
    text += written;
    length -= (size_t)written;
  }
}

/* A line being built in a fixed buffer; what does not fit is cut. */
struct line {
  char text[512];
  size_t length;
};

static void add(struct line *line, const char *s) {
  while (*s != '\0' && line->length < sizeof line->text - 1) {
    line->text[line->length++] = *s++;
  }
  line->text[line->length] = '\0';
}

static void add_number(struct line *line, long value) {
  char digits[24];
  size_t n = 0;
  unsigned long magnitude = value < 0 ? -(unsigned long)value : (unsigned long)value;
  do {
    digits[n++] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0);
  if (value < 0) {
    add(line, "-");
  }
  char one[2] = {0, 0};
  while (n > 0) {
    one[0] = digits[--n];
    add(line, one);
  }
}

/* The C library's message for the errors a launch can meet; "Unknown error N" otherwise. */
static void add_error(struct line *line, int error) {
  static const struct {
    int number;
    const char *text;
  } MESSAGES[] = {
      {EPERM, "Operation not permitted"},
      {ENOENT, "No such file or directory"},
      {ESRCH, "No such process"},
      {EINTR, "Interrupted system call"},
      {EIO, "Input/output error"},
      {E2BIG, "Argument list too long"},
      {ENOEXEC, "Exec format error"},
      {ECHILD, "No child processes"},
      {EAGAIN, "Resource temporarily unavailable"},
      {ENOMEM, "Cannot allocate memory"},
      {EACCES, "Permission denied"},
      {EFAULT, "Bad address"},
      {ENOTDIR, "Not a directory"},
      {EISDIR, "Is a directory"},
      {EINVAL, "Invalid argument"},
      {ENFILE, "Too many open files in system"},
      {EMFILE, "Too many open files"},
      {ETXTBSY, "Text file busy"},
      {ENAMETOOLONG, "File name too long"},
      {ENOSYS, "Function not implemented"},
      {ELOOP, "Too many levels of symbolic links"},
      {ELIBBAD, "Accessing a corrupted shared library"},
      {ESTALE, "Stale file handle"},
  };
  for (size_t i = 0; i < sizeof MESSAGES / sizeof MESSAGES[0]; i++) {
    if (MESSAGES[i].number == error) {
      add(line, MESSAGES[i].text);
      return;
    }
  }
  add(line, "Unknown error ");
  add_number(line, error);
}

static const char *status_path;

static const struct {
  int number;
  const char *name;
} SIGNALS[] = {
    {SIGHUP, "SIGHUP"},   {SIGINT, "SIGINT"},       {SIGQUIT, "SIGQUIT"},   {SIGILL, "SIGILL"},
    {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"},     {SIGBUS, "SIGBUS"},     {SIGFPE, "SIGFPE"},
    {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"},     {SIGSEGV, "SIGSEGV"},   {SIGUSR2, "SIGUSR2"},
    {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"},     {SIGTERM, "SIGTERM"},   {SIGCHLD, "SIGCHLD"},
    {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"},     {SIGTSTP, "SIGTSTP"},   {SIGTTIN, "SIGTTIN"},
    {SIGTTOU, "SIGTTOU"}, {SIGURG, "SIGURG"},       {SIGXCPU, "SIGXCPU"},   {SIGXFSZ, "SIGXFSZ"},
    {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"}, {SIGIO, "SIGIO"},
    {SIGPWR, "SIGPWR"},   {SIGSYS, "SIGSYS"},
};

static void add_signal_name(struct line *line, int sig) {
  for (size_t i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++) {
    if (SIGNALS[i].number == sig) {
      add(line, SIGNALS[i].name);
      return;
    }
  }
  add(line, "SIG");
  add_number(line, sig);
}

/* Writes the one-line status; the file is created by nobody else (Parity only reads it). */
static void report(const struct line *line) {
  long fd = SYS4(SYS_openat, AT_FDCWD, status_path,
                 O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    return;
  }
  write_all((int)fd, line->text, line->length);
  SYS1(SYS_close, fd);
}

static void report_text(const char *text) {
  struct line line = {.length = 0};
  add(&line, text);
  report(&line);
}

/* The parent pid of process `pid` (a /proc entry name) from /proc/PID/stat, or -1. */
static long parent_of(const char *pid) {
  struct line path = {.length = 0};
  add(&path, "/proc/");
  add(&path, pid);
  add(&path, "/stat");
  char buffer[512];
  long fd = SYS4(SYS_openat, AT_FDCWD, path.text, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0) {
    return -1;
  }
  long n = SYS3(SYS_read, fd, buffer, sizeof buffer - 1);
  SYS1(SYS_close, fd);
  if (n <= 0) {
    return -1;
  }
  buffer[n] = '\0';
  /* The command name may hold spaces and parentheses: " STATE PPID" follows the last ')'. */
  const char *end = NULL;
  for (const char *p = buffer; *p != '\0'; p++) {
    if (*p == ')') {
      end = p;
    }
  }
  if (end == NULL || end[1] != ' ' || end[2] == '\0' || end[3] != ' ') {
    return -1;
  }
  long ppid = 0;
  const char *digit = end + 4;
  if (*digit < '0' || *digit > '9') {
    return -1;
  }
  for (; *digit >= '0' && *digit <= '9'; digit++) {
    ppid = ppid * 10 + (*digit - '0');
  }
  return ppid;
}

/* A table of (pid, parent) pairs in memory of its own, grown by mremap. */
struct table {
  long (*rows)[2];
  size_t count;
  size_t bytes;
};

static int append(struct table *table, long pid, long parent) {
  if ((table->count + 1) * sizeof table->rows[0] > table->bytes) {
    size_t bigger = table->bytes == 0 ? 65536 : table->bytes * 2;
    long moved = table->bytes == 0
                     ? sys(SYS_mmap, 0, (long)bigger, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                     : sys(SYS_mremap, (long)table->rows, (long)table->bytes, (long)bigger,
                           MREMAP_MAYMOVE, 0, 0);
    if (moved < 0 && moved > -4096) {
      return 0;
    }
    table->rows = (long (*)[2])moved;
    table->bytes = bigger;
  }
  table->rows[table->count][0] = pid;
  table->rows[table->count][1] = parent;
  table->count++;
  return 1;
}

/*
 * Calls `visit` on every descendant of this process found in /proc; returns how many visits
 * returned non-zero. Descendants are found transitively by parent pid, so a grandchild whose parent
 * is still alive is found as well as one re-parented to us.
 */
static int each_descendant(int (*visit)(long pid)) {
  long proc = SYS4(SYS_openat, AT_FDCWD, "/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (proc < 0) {
    return 0;
  }
  struct table table = {NULL, 0, 0};
  static char entries[16384] __attribute__((aligned(8)));
  int complete = 1;
  for (;;) {
    long n = SYS3(SYS_getdents64, proc, entries, sizeof entries);
    if (n <= 0) {
      break;
    }
    for (long at = 0; at < n;) {
      /* struct linux_dirent64: ino (8), off (8), reclen (2), type (1), name. */
      unsigned short size = *(unsigned short *)(entries + at + 16);
      const char *name = entries + at + 19;
      at += size;
      if (name[0] < '0' || name[0] > '9') {
        continue;
      }
      long parent = parent_of(name);
      if (parent < 0) {
        continue;
      }
      long pid = 0;
      for (const char *d = name; *d >= '0' && *d <= '9'; d++) {
        pid = pid * 10 + (*d - '0');
      }
      complete = complete && append(&table, pid, parent);
    }
  }
  SYS1(SYS_close, proc);
  (void)complete; /* a table cut short by a failed mremap kills what it holds; the caller retries */

  /* Mark descendants (the parent column becomes -1): a pass per tree level, until none is new. */
  long self = SYS0(SYS_getpid);
  int counted = 0;
  int changed = 1;
  while (changed) {
    changed = 0;
    for (size_t i = 0; i < table.count; i++) {
      long parent = table.rows[i][1];
      if (parent == -1) {
        continue;
      }
      int descendant = parent == self;
      for (size_t j = 0; !descendant && j < table.count; j++) {
        descendant = table.rows[j][1] == -1 && table.rows[j][0] == parent;
      }
      if (descendant) {
        table.rows[i][1] = -1;
        changed = 1;
        counted += visit(table.rows[i][0]) != 0;
      }
    }
  }
  if (table.bytes > 0) {
    SYS2(SYS_munmap, table.rows, table.bytes);
  }
  return counted;
}

static int kill_one(long pid) {
  SYS2(SYS_kill, pid, SIGKILL);
  return 1;
}

/* The run's output pipes as /proc shows them ("pipe:[123]"), noted before the launcher closes its
 * own copies; empty where fd 1 or 2 is no pipe. */
static char output_pipes[2][64];

static void note_output_pipe(int fd, char *into) {
  const char *path = fd == 1 ? "/proc/self/fd/1" : "/proc/self/fd/2";
  long n = SYS4(SYS_readlinkat, AT_FDCWD, path, into, 63);
  into[n > 0 ? n : 0] = '\0';
  if (!(into[0] == 'p' && into[1] == 'i' && into[2] == 'p' && into[3] == 'e' && into[4] == ':')) {
    into[0] = '\0';
  }
}

/* A process found holding an output pipe open: the last one seen, for the status. */
static long holder;

/* The descendants the last look at /proc visited: how many, and two sums of their pids. */
struct visited {
  unsigned long count, sum, mix;
};
static struct visited visited;

/*
 * Whether process `pid` has one of the run's output pipes open (any of its descriptors); notes
 * `pid` in `visited`.
 */
static int holds_output(long pid) {
  visited.count++;
  visited.sum += (unsigned long)pid;
  visited.mix ^= (unsigned long)pid * 0x9E3779B97F4A7C15UL;
  struct line path = {.length = 0};
  add(&path, "/proc/");
  add_number(&path, pid);
  add(&path, "/fd");
  long dir = SYS4(SYS_openat, AT_FDCWD, path.text, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir < 0) {
    return 0;
  }
  static char entries[4096] __attribute__((aligned(8)));
  int holds = 0;
  long n;
  while (!holds && (n = SYS3(SYS_getdents64, dir, entries, sizeof entries)) > 0) {
    for (long at = 0; at < n && !holds;) {
      unsigned short size = *(unsigned short *)(entries + at + 16);
      const char *name = entries + at + 19;
      at += size;
      char target[64];
      long length = name[0] == '.' ? -1 : SYS4(SYS_readlinkat, dir, name, target, 63);
      if (length <= 0) {
        continue;
      }
      target[length] = '\0';
      for (int k = 0; k < 2; k++) {
        holds = holds || (output_pipes[k][0] != '\0' && same(target, output_pipes[k]));
      }
    }
  }
  SYS1(SYS_close, dir);
  if (holds) {
    holder = pid;
  }
  return holds;
}

/* The command name of process `pid` (/proc/PID/comm, at most 15 bytes), "?" when it is gone. */
static void add_command_name(struct line *line, long pid) {
  struct line path = {.length = 0};
  add(&path, "/proc/");
  add_number(&path, pid);
  add(&path, "/comm");
  char name[32];
  long fd = SYS4(SYS_openat, AT_FDCWD, path.text, O_RDONLY | O_CLOEXEC, 0);
  long n = fd < 0 ? -1 : SYS3(SYS_read, fd, name, sizeof name - 1);
  if (fd >= 0) {
    SYS1(SYS_close, fd);
  }
  while (n > 0 && (name[n - 1] == '\n' || name[n - 1] == '\0')) {
    n--;
  }
  for (long i = 0; i < n; i++) {
    if (name[i] < ' ' || name[i] == 127) {
      name[i] = '?';
    }
  }
  name[n > 0 ? n : 0] = '\0';
  add(line, n > 0 ? name : "?");
}

/*
 * Kills the program's group and every descendant, and reaps until no child is left. A live
 * descendant always has a live ancestor chain up to this process (an orphan is re-parented to the
 * subreaper), so "no child" (ECHILD) means no descendant at all: the common case of a program that
 * left nothing behind needs no scan of /proc.
 */
static void kill_tree(long child) {
  SYS2(SYS_kill, -child, SIGKILL);
  for (;;) {
    long reaped;
    while ((reaped = SYS4(SYS_wait4, -1, NULL, WNOHANG, NULL)) > 0) {
    }
    if (reaped == -ECHILD) {
      return;
    }
    int found = each_descendant(kill_one);
    if (found == 0) {
      /* A child exists but was not seen in /proc yet (just forked): look again shortly. */
      struct timespec pause = {0, 1000000};
      SYS2(SYS_nanosleep, &pause, NULL);
    }
  }
}

/*
 * execvp: a name without '/' is looked up on PATH (the C library's default when unset), skipping
 * folders where it is missing or not accessible; a file the kernel cannot execute (ENOEXEC, a
 * script without #!) is run by /bin/sh, as execvp does. Returns the errno when nothing ran. Runs in
 * the vfork child: no memory of its own but its stack.
 */
static int exec_program(char **argv, char **envp) {
  const char *file = argv[0];
  size_t argc = 0;
  while (argv[argc] != NULL) {
    argc++;
  }
  if (file[0] == '\0') {
    return ENOENT;
  }
  const char *path = NULL;
  int has_slash = 0;
  for (const char *p = file; *p != '\0'; p++) {
    has_slash = has_slash || *p == '/';
  }
  if (!has_slash) {
    path = "/bin:/usr/bin";
    for (char **e = envp; *e != NULL; e++) {
      const char *v = *e;
      if (v[0] == 'P' && v[1] == 'A' && v[2] == 'T' && v[3] == 'H' && v[4] == '=') {
        path = v + 5;
        break;
      }
    }
  }
  size_t file_length = length_of(file);
  char candidate[4096 + 256];
  int seen_eacces = 0;
  int error = ENOENT;
  const char *next = path;
  do {
    const char *name = file;
    if (path != NULL) {
      const char *end = next;
      while (*end != '\0' && *end != ':') {
        end++;
      }
      size_t dir = (size_t)(end - next);
      if (dir + 1 + file_length + 1 > sizeof candidate) {
        error = ENAMETOOLONG;
        next = *end == ':' ? end + 1 : NULL;
        continue;
      }
      size_t at = 0;
      if (dir == 0) {
        candidate[at++] = '.'; /* an empty PATH entry is the current folder */
      }
      for (size_t i = 0; i < dir; i++) {
        candidate[at++] = next[i];
      }
      candidate[at++] = '/';
      for (size_t i = 0; i <= file_length; i++) {
        candidate[at++] = file[i];
      }
      name = candidate;
      next = *end == ':' ? end + 1 : NULL;
    }
    long result = SYS3(SYS_execve, name, argv, envp);
    if (result == -ENOEXEC) {
      char *shell[argc + 2];
      shell[0] = "/bin/sh";
      shell[1] = (char *)name;
      for (size_t i = 1; i <= argc; i++) {
        shell[i + 1] = argv[i];
      }
      result = SYS3(SYS_execve, "/bin/sh", shell, envp);
    }
    error = (int)-result;
    if (path == NULL) {
      return error;
    }
    if (error == EACCES) {
      seen_eacces = 1;
    } else if (error != ENOENT && error != ENOTDIR && error != ESTALE && error != ENODEV
               && error != ETIMEDOUT) {
      return error;
    }
  } while (next != NULL);
  return seen_eacces ? EACCES : error;
}

int main(int argc, char **argv, char **envp) {
  if (argc == 2 && same(argv[1], "--version")) {
    long set = SYS2(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1);
    if (set != 0) {
      struct line line = {.length = 0};
      add(&line, "parity-launch: PR_SET_CHILD_SUBREAPER: ");
      add_error(&line, (int)-set);
      add(&line, "\n");
      write_all(2, line.text, line.length);
      return 125;
    }
    write_all(1, VERSION "\n", sizeof VERSION);
    return 0;
  }
  if (argc < 3) {
    const char *usage = "usage: parity-launch STATUS_FILE PROGRAM [ARG...]\n";
    write_all(2, usage, length_of(usage));
    return 125;
  }
  status_path = argv[1];
  long parent = SYS0(SYS_getppid);
  struct line line = {.length = 0};

  /*
   * Every signal that can be is blocked, and taken by the wait below: SIGTERM (from Parity) stops
   * the run, SIGCHLD and SIGUSR1 (the parent's death) wake it, any other is ignored. Terminal
   * signals belong to Parity, which decides what to stop; and a signal the program sends its parent
   * (`kill -USR2 $PPID`, as some programs tell that they are ready) must not end the launcher: that
   * left the program and its children running, with nothing to kill them. Only SIGKILL and SIGSTOP
   * cannot be blocked.
   */
  signals handled = ~0UL;
  signals original = 0;
  SYS4(SYS_rt_sigprocmask, SIG_BLOCK, &handled, &original, sizeof(signals));

  long set = SYS2(SYS_prctl, PR_SET_CHILD_SUBREAPER, 1);
  if (set != 0) {
    add(&line, "launcher-error PR_SET_CHILD_SUBREAPER: ");
    add_error(&line, (int)-set);
    add(&line, "\n");
    report(&line);
    return 125;
  }
  SYS2(SYS_prctl, PR_SET_PDEATHSIG, SIGUSR1);
  if (SYS0(SYS_getppid) != parent) {
    report_text("killed\n");
    return 125;
  }

  /*
   * vfork, not fork: the child borrows the launcher's memory until it execs, so no page tables are
   * copied and torn down again (most of the launcher's own cost per run, measured). The launcher is
   * suspended meanwhile, and the child only changes its own signal mask and session before the
   * exec (keeping execvp's fallback of running a script without #! through /bin/sh). Whether the
   * exec failed comes back through that shared memory, never from the program's exit code.
   */
  static volatile int exec_error;
  exec_error = 0;
#ifdef PARITY_NOLIBC
  long child = VFORK();
#else
  long child = vfork();
  if (child < 0) {
    child = -errno;
  }
#endif
  if (child < 0) {
    add(&line, "launcher-error vfork: ");
    add_error(&line, (int)-child);
    add(&line, "\n");
    report(&line);
    return 125;
  }
  if (child == 0) {
    SYS4(SYS_rt_sigprocmask, SIG_SETMASK, &original, NULL, sizeof(signals));
    SYS0(SYS_setsid);
    /*
     * "started PID" until the launcher's final status replaces it, written here, before the
     * program can run: the program leads a session of its own, so should the launcher be killed
     * (SIGKILL, the one signal it cannot block, which a program can send its parent), Parity still
     * knows which session to kill. (A line of the child's own: the parent's memory is shared.)
     */
    struct line started = {.length = 0};
    add(&started, "started ");
    add_number(&started, SYS0(SYS_getpid));
    add(&started, "\n");
    report(&started);
    exec_error = exec_program(argv + 2, envp);
    SYS1(SYS_exit, 127);
  }
  /* The program reads stdin itself; the launcher must not keep it open. */
  SYS1(SYS_close, 0);
  if (exec_error != 0) {
    int error = exec_error;
    while (SYS4(SYS_wait4, child, NULL, 0, NULL) == -EINTR) {
    }
    add(&line, "exec-error ");
    add_number(&line, error);
    add(&line, " ");
    add_error(&line, error);
    add(&line, "\n");
    report(&line);
    return 127;
  }

  int status = 0;
  int ended = 0;
  int stopped = 0;
  int lingering = 0;
  int quiet = 0; /* the last look at the descendants found no holder of the output */
  struct timespec tick = {0, 200000000};
  for (;;) {
    long reaped;
    int reaped_status;
    while ((reaped = SYS4(SYS_wait4, -1, &reaped_status, WNOHANG, NULL)) > 0) {
      if (reaped == child) {
        status = reaped_status;
        ended = 1;
      }
    }
    if (SYS0(SYS_getppid) != parent) {
      stopped = 1;
      break;
    }
    if (ended) {
      /*
       * The program ended. What it started and left running may still write to its stdout or
       * stderr, and as for `program | cat` the run's output ends only once no process holds them
       * open: so the launcher stays, without its own copies of the pipes, while a descendant holds
       * one, until Parity's timeout stops it (SIGTERM). Then, or once none holds them, it kills
       * the rest. No child left (the common case) needs no look at /proc.
       */
      if (reaped == -ECHILD) {
        break;
      }
      if (!lingering) {
        note_output_pipe(1, output_pipes[0]);
        note_output_pipe(2, output_pipes[1]);
        SYS1(SYS_close, 1);
        SYS1(SYS_close, 2);
        lingering = 1;
      }
      /*
       * The list of descendants is read before their descriptors, so a holder that forks and exits
       * in between is missed, its child not listed yet. No holder is believed only when a second
       * look finds none either among the very same processes: one that could hold a pipe then was
       * listed, and seen without it, and a pipe once closed cannot come back.
       */
      struct visited before = visited;
      visited = (struct visited){0, 0, 0};
      int holders = each_descendant(holds_output);
      if (holders == 0 && quiet && visited.count == before.count && visited.sum == before.sum &&
          visited.mix == before.mix) {
        break;
      }
      quiet = holders == 0;
      tick.tv_sec = 0;
      tick.tv_nsec = quiet ? 1000000 : 20000000;
    }
    long sig = SYS4(SYS_rt_sigtimedwait, &handled, NULL, &tick, sizeof(signals));
    if (sig == SIGTERM) {
      stopped = 1;
      break;
    }
  }
  /* Stopped while a process the program left held its output: which one, for the message. */
  struct line held = {.length = 0};
  if (ended && stopped && lingering && holder != 0) {
    add(&held, "held ");
    add_number(&held, holder);
    add(&held, " ");
    add_command_name(&held, holder);
    add(&held, "\n");
  }
  kill_tree(child);
  if (!ended) {
    report_text("killed\n");
    return 137;
  }
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    add(&line, "signal ");
    add_number(&line, sig);
    add(&line, " ");
    add_signal_name(&line, sig);
    add(&line, "\n");
    add(&line, held.text);
    report(&line);
    return 128 + sig;
  }
  add(&line, "exit ");
  add_number(&line, WEXITSTATUS(status));
  add(&line, "\n");
  add(&line, held.text);
  report(&line);
  return WEXITSTATUS(status);
}

#ifdef PARITY_NOLIBC
/* The process entry: the kernel leaves argc, argv and the environment on the stack. */
__attribute__((used, noreturn)) void parity_start(long *stack) {
  int argc = (int)stack[0];
  char **argv = (char **)(stack + 1);
  char **envp = argv + argc + 1;
  int code = main(argc, argv, envp);
  for (;;) {
    SYS1(SYS_exit_group, code);
  }
}
#endif
