#!/usr/bin/env bash
# Issue 13, target 1: what Parity adds per case on top of spawning the programs under test.
#
# Baseline: a plain `sh` loop that spawns `/bin/echo N` for N = 1..CASES (what any harness pays).
# Measured: `parity verify` of a suite of CASES cases, each `/bin/echo N`, against goldens recorded
#           once beforehand, with the default number of jobs (both cores here).
# Floor:    a minimal Java program (written and compiled below) that spawns the same CASES programs
#           on as many threads as Parity's default -j, reads their output and exits, started with
#           ./parity's JVM flags and vfork spawns: what any harness in Java pays before doing
#           anything of its own. Parity's ratio to it is what Parity itself adds.
# All run side by side in one hyperfine invocation, so drift of the shared machine hits each.
# Prints hyperfine's table, the ratios (to the sh loop and to the java floor) and what one passing
# run wrote.
# Usage: harness/bench/scripts/per-case-overhead.sh [CASES=400] [RUNS=10]
#        (needs hyperfine, javac and a built ./parity; PARITY_JAVA_OPTS is passed through)
#        PARITY_BEFORE_JAR=path/to/older/parity.jar adds that jar's verify (java -jar) to the same run.
#        PARITY_BEFORE_HOME=folder adds the verify of the ./parity in that folder (a copy of an older
#        build: parity, harness/cli/target/parity.jar and .jsa), started the same way as this one.
# Where the build made harness/cli/target/parity-client, the same verify with PARITY_DAEMON=1 (the
# resident JVM of docs/daemon.md, started by hyperfine's warm-up runs) is measured too. hyperfine
# counts only the client's CPU there, so the daemon's own (with the programs it waited for) is read
# from /proc and printed per run. hyperfine gives every run an environment variable of a random
# length (HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET), and a daemon serves only the runs of its own
# environment, so that variable is removed for that row: otherwise every run starts a daemon.
set -euo pipefail
cases=${1:-400}
runs=${2:-10}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
export PARITY_DAEMON_DIR="$work/daemon"
trap 'pkill -f -- "-Dparity.daemon=$work/daemon" || true; rm -rf "$work"' EXIT
client="$here/harness/cli/target/parity-client"
daemon_run=()
if [ -x "$client" ]; then
  daemon_run=(-n "parity verify, $cases cases, PARITY_DAEMON=1 (resident JVM)"
    "env -u HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET PARITY_DAEMON=1 $here/parity verify $work/fixtures/echo --golden $work/golden --out $work/daemon-out")
fi
# The older build's resident JVM too, where PARITY_BEFORE_HOME has one: its own daemon (another
# jar, so another context), measured in the same hyperfine run.
if [ -n "${PARITY_BEFORE_HOME:-}" ] && [ -x "$PARITY_BEFORE_HOME/harness/cli/target/parity-client" ]; then
  daemon_run+=(-n "parity verify, $cases cases, PARITY_DAEMON=1 (before: $PARITY_BEFORE_HOME)"
    "env -u HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET PARITY_DAEMON=1 $PARITY_BEFORE_HOME/parity verify $work/fixtures/echo --golden $work/golden --out $work/daemon-before")
fi

mkdir -p "$work/fixtures/echo"
{
  echo "name: echo"
  echo 'legacy: {command: ["/bin/echo"]}'
  echo 'candidate: {command: ["/bin/echo"]}'
  echo "cases:"
  for i in $(seq "$cases"); do echo "  - {id: c$i, args: [\"$i\"]}"; done
} >"$work/fixtures/echo/suite.yaml"
"$here/parity" record "$work/fixtures/echo" --golden "$work/golden" --out "$work/rec" >/dev/null
cat >"$work/Floor.java" <<'JAVA'
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Spawns /bin/echo 1..N on as many threads as there are cores and reads what each prints. */
public class Floor {
  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    List<Future<byte[]>> runs = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      String arg = Integer.toString(i);
      runs.add(pool.submit(() -> {
        Process p = new ProcessBuilder("/bin/echo", arg).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return out;
      }));
    }
    long bytes = 0;
    for (Future<byte[]> run : runs) {
      bytes += run.get().length;
    }
    pool.shutdown();
    System.out.println(bytes);
  }
}
JAVA
javac -d "$work" "$work/Floor.java"
# ./parity's JVM flags for a run (C1 only, the serial collector) and its spawn mechanism before JDK 23.
floor_flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
if [ "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')" -lt 23 ]; then
  floor_flags="$floor_flags -Djdk.lang.Process.launchMechanism=VFORK"
fi

echo "per-case overhead: $cases cases of /bin/echo N; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 2 --runs "$runs" --export-json "$work/result.json" \
  -n "sh loop, $cases x /bin/echo" \
  "sh -c 'i=0; while [ \$i -lt $cases ]; do i=\$((i+1)); /bin/echo \$i; done >/dev/null'" \
  -n "java floor, $cases x /bin/echo on $(nproc) threads" \
  "java $floor_flags -cp $work Floor $cases" \
  -n "parity verify, $cases cases" \
  "$here/parity verify $work/fixtures/echo --golden $work/golden --out $work/out" \
  ${PARITY_BEFORE_JAR:+-n "parity verify, $cases cases (before: $PARITY_BEFORE_JAR)"} \
  ${PARITY_BEFORE_JAR:+"java -jar $PARITY_BEFORE_JAR verify $work/fixtures/echo --golden $work/golden --out $work/before"} \
  ${PARITY_BEFORE_HOME:+-n "parity verify, $cases cases (before: $PARITY_BEFORE_HOME)"} \
  ${PARITY_BEFORE_HOME:+"$PARITY_BEFORE_HOME/parity verify $work/fixtures/echo --golden $work/golden --out $work/before"} \
  "${daemon_run[@]}"
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base, floor = r[0]["median"], r[1]["median"]
for x in r:
    print(f"{x['command']:<60} median {x['median']:7.3f} s  user+sys {x['user'] + x['system']:6.2f} s"
          f"  ratio {x['median'] / base:5.2f}x (to the java floor {x['median'] / floor:5.2f}x)")
PY
for home in "$here" ${PARITY_BEFORE_HOME:+"$PARITY_BEFORE_HOME"}; do
  daemon=$(pgrep -f -- "-Dparity.home=$home -Dparity.daemon=$work/daemon/" || true)
  if [ -n "$daemon" ]; then
    # utime, stime, cutime, cstime: the daemon's CPU and that of the children it waited for, in
    # ticks.
    ticks=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 + $14 + $15 }' "/proc/$daemon/stat")
    awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v n="$((runs + 2))" -v home="$home" \
      'BEGIN { printf "the resident JVM of %s: %.2f s of CPU per run (with its programs), over %d runs\n", home, t / hz / n, n }'
  fi
done
echo "one passing run wrote: $(find "$work/out" -type f | wc -l) files, $(du -sk "$work/out" | cut -f1) KiB in $work/out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
