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
 *   request before it ended).
 *
 * The program runs in a new session (setsid) with the signal mask the launcher got.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define VERSION "parity-launch 1"

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

static const char *signal_name(int sig) {
  static char other[32];
  for (size_t i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++) {
    if (SIGNALS[i].number == sig) {
      return SIGNALS[i].name;
    }
  }
  snprintf(other, sizeof other, "SIG%d", sig);
  return other;
}

/* Writes the one-line status; the file is created by nobody else (Parity only reads it). */
static void report(const char *line) {
  int fd = open(status_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) {
    return;
  }
  size_t length = strlen(line);
  const char *at = line;
  while (length > 0) {
    ssize_t written = write(fd, at, length);
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      break;
    }
    at += written;
    length -= (size_t)written;
  }
  close(fd);
}

/* The parent pid of `pid` from /proc/PID/stat, or -1. */
static pid_t parent_of(const char *pid) {
  char path[300];
  char buffer[512];
  snprintf(path, sizeof path, "/proc/%s/stat", pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return -1;
  }
  ssize_t n = read(fd, buffer, sizeof buffer - 1);
  close(fd);
  if (n <= 0) {
    return -1;
  }
  buffer[n] = '\0';
  /* The command name may hold spaces and parentheses: the state follows the last ')'. */
  char *end = strrchr(buffer, ')');
  if (end == NULL) {
    return -1;
  }
  char state;
  int ppid;
  if (sscanf(end + 1, " %c %d", &state, &ppid) != 2) {
    return -1;
  }
  return (pid_t)ppid;
}

/*
 * SIGKILLs every descendant of this process found in /proc; returns how many were signalled.
 * Descendants are found transitively by parent pid, so a grandchild whose parent is still alive is
 * found as well as one re-parented to us.
 */
static int kill_descendants(void) {
  size_t capacity = 1024;
  size_t count = 0;
  pid_t *pids = malloc(capacity * sizeof *pids);
  pid_t *parents = malloc(capacity * sizeof *parents);
  if (pids == NULL || parents == NULL) {
    free(pids);
    free(parents);
    return 0;
  }
  DIR *proc = opendir("/proc");
  if (proc == NULL) {
    free(pids);
    free(parents);
    return 0;
  }
  struct dirent *entry;
  while ((entry = readdir(proc)) != NULL) {
    if (!isdigit((unsigned char)entry->d_name[0])) {
      continue;
    }
    pid_t ppid = parent_of(entry->d_name);
    if (ppid < 0) {
      continue;
    }
    if (count == capacity) {
      capacity *= 2;
      pid_t *more_pids = realloc(pids, capacity * sizeof *pids);
      pid_t *more_parents = realloc(parents, capacity * sizeof *parents);
      if (more_pids == NULL || more_parents == NULL) {
        free(more_pids != NULL ? more_pids : pids);
        free(more_parents != NULL ? more_parents : parents);
        closedir(proc);
        return 0;
      }
      pids = more_pids;
      parents = more_parents;
    }
    pids[count] = (pid_t)atoi(entry->d_name);
    parents[count] = ppid;
    count++;
  }
  closedir(proc);

  /* Mark descendants: a pass over the table per tree level, until nothing new is marked. */
  char *mine = calloc(count == 0 ? 1 : count, 1);
  int killed = 0;
  if (mine != NULL) {
    pid_t self = getpid();
    int changed = 1;
    while (changed) {
      changed = 0;
      for (size_t i = 0; i < count; i++) {
        if (mine[i]) {
          continue;
        }
        int descendant = parents[i] == self;
        for (size_t j = 0; !descendant && j < count; j++) {
          descendant = mine[j] && pids[j] == parents[i];
        }
        if (descendant) {
          mine[i] = 1;
          changed = 1;
          kill(pids[i], SIGKILL);
          killed++;
        }
      }
    }
    free(mine);
  }
  free(pids);
  free(parents);
  return killed;
}

/*
 * Kills the program's group and every descendant, and reaps until no child is left. A live
 * descendant always has a live ancestor chain up to this process (an orphan is re-parented to the
 * subreaper), so "no child" (ECHILD) means no descendant at all: the common case of a program that
 * left nothing behind needs no scan of /proc.
 */
static void kill_tree(pid_t child) {
  kill(-child, SIGKILL);
  for (;;) {
    pid_t reaped;
    while ((reaped = waitpid(-1, NULL, WNOHANG)) > 0) {
    }
    if (reaped < 0 && errno == ECHILD) {
      return;
    }
    int found = kill_descendants();
    if (found == 0) {
      /* A child exists but was not seen in /proc yet (just forked): look again shortly. */
      struct timespec pause = {0, 1000000};
      nanosleep(&pause, NULL);
    }
  }
}

int main(int argc, char **argv) {
  if (argc == 2 && strcmp(argv[1], "--version") == 0) {
    if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
      fprintf(stderr, "parity-launch: PR_SET_CHILD_SUBREAPER: %s\n", strerror(errno));
      return 125;
    }
    puts(VERSION);
    return 0;
  }
  if (argc < 3) {
    fprintf(stderr, "usage: parity-launch STATUS_FILE PROGRAM [ARG...]\n");
    return 125;
  }
  status_path = argv[1];
  pid_t parent = getppid();
  char line[512];

  sigset_t handled;
  sigset_t original;
  sigemptyset(&handled);
  sigaddset(&handled, SIGCHLD);
  sigaddset(&handled, SIGTERM);
  sigaddset(&handled, SIGUSR1);
  /* Terminal signals belong to Parity, which decides what to stop. */
  sigaddset(&handled, SIGINT);
  sigaddset(&handled, SIGQUIT);
  sigaddset(&handled, SIGHUP);
  sigprocmask(SIG_BLOCK, &handled, &original);

  if (prctl(PR_SET_CHILD_SUBREAPER, 1) != 0) {
    snprintf(line, sizeof line, "launcher-error PR_SET_CHILD_SUBREAPER: %s\n", strerror(errno));
    report(line);
    return 125;
  }
  prctl(PR_SET_PDEATHSIG, SIGUSR1);
  if (getppid() != parent) {
    report("killed\n");
    return 125;
  }

  /*
   * vfork, not fork: the child borrows the launcher's memory until it execs, so no page tables are
   * copied and torn down again (most of the launcher's own cost per run, measured). The launcher is
   * suspended meanwhile, and the child only changes its own signal mask and session before execvp
   * (which keeps execvp's fallback of running a script without #! through /bin/sh). Whether the
   * exec failed comes back through that shared memory, never from the program's exit code.
   */
  static volatile int exec_error;
  exec_error = 0;
  pid_t child = vfork();
  if (child < 0) {
    snprintf(line, sizeof line, "launcher-error vfork: %s\n", strerror(errno));
    report(line);
    return 125;
  }
  if (child == 0) {
    sigprocmask(SIG_SETMASK, &original, NULL);
    setsid();
    execvp(argv[2], argv + 2);
    exec_error = errno;
    _exit(127);
  }
  /* The program reads stdin itself; the launcher must not keep it open. */
  close(STDIN_FILENO);
  if (exec_error != 0) {
    int error = exec_error;
    while (waitpid(child, NULL, 0) < 0 && errno == EINTR) {
    }
    snprintf(line, sizeof line, "exec-error %d %s\n", error, strerror(error));
    report(line);
    return 127;
  }

  int status = 0;
  int ended = 0;
  struct timespec tick = {0, 200000000};
  for (;;) {
    pid_t reaped;
    int reaped_status;
    while ((reaped = waitpid(-1, &reaped_status, WNOHANG)) > 0) {
      if (reaped == child) {
        status = reaped_status;
        ended = 1;
      }
    }
    if (ended || getppid() != parent) {
      break;
    }
    int sig = sigtimedwait(&handled, NULL, &tick);
    if (sig == SIGTERM) {
      break;
    }
  }
  kill_tree(child);
  if (!ended) {
    report("killed\n");
    return 137;
  }
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    snprintf(line, sizeof line, "signal %d %s\n", sig, signal_name(sig));
    report(line);
    return 128 + sig;
  }
  snprintf(line, sizeof line, "exit %d\n", WEXITSTATUS(status));
  report(line);
  return WEXITSTATUS(status);
}
