#!/usr/bin/env bash
# Issue 13, target 1: what Parity adds per case on top of spawning the programs under test.
#
# Baseline: a plain `sh` loop that spawns `/bin/echo N` for N = 1..CASES (what any harness pays).
# Measured: `parity verify` of a suite of CASES cases, each `/bin/echo N`, against goldens recorded
#           once beforehand, with the default number of jobs (both cores here).
# Both run side by side in one hyperfine invocation, so drift of the shared machine hits both.
# Prints hyperfine's table, the ratio (parity / sh loop) and what one passing run wrote.
# Usage: harness/bench/scripts/per-case-overhead.sh [CASES=400] [RUNS=10]
#        (needs hyperfine and a built ./parity; PARITY_JAVA_OPTS is passed through)
#        PARITY_BEFORE_JAR=path/to/older/parity.jar adds that jar's verify (java -jar) to the same run.
#        PARITY_BEFORE_HOME=folder adds the verify of the ./parity in that folder (a copy of an older
#        build: parity, harness/cli/target/parity.jar and .jsa), started the same way as this one.
set -euo pipefail
cases=${1:-400}
runs=${2:-10}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/fixtures/echo"
{
  echo "name: echo"
  echo 'legacy: {command: ["/bin/echo"]}'
  echo 'candidate: {command: ["/bin/echo"]}'
  echo "cases:"
  for i in $(seq "$cases"); do echo "  - {id: c$i, args: [\"$i\"]}"; done
} >"$work/fixtures/echo/suite.yaml"
"$here/parity" record "$work/fixtures/echo" --golden "$work/golden" --out "$work/rec" >/dev/null

echo "per-case overhead: $cases cases of /bin/echo N; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 2 --runs "$runs" --export-json "$work/result.json" \
  -n "sh loop, $cases x /bin/echo" \
  "sh -c 'i=0; while [ \$i -lt $cases ]; do i=\$((i+1)); /bin/echo \$i; done >/dev/null'" \
  -n "parity verify, $cases cases" \
  "$here/parity verify $work/fixtures/echo --golden $work/golden --out $work/out" \
  ${PARITY_BEFORE_JAR:+-n "parity verify, $cases cases (before: $PARITY_BEFORE_JAR)"} \
  ${PARITY_BEFORE_JAR:+"java -jar $PARITY_BEFORE_JAR verify $work/fixtures/echo --golden $work/golden --out $work/before"} \
  ${PARITY_BEFORE_HOME:+-n "parity verify, $cases cases (before: $PARITY_BEFORE_HOME)"} \
  ${PARITY_BEFORE_HOME:+"$PARITY_BEFORE_HOME/parity verify $work/fixtures/echo --golden $work/golden --out $work/before"}
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f"{x['command']:<60} median {x['median']:7.3f} s  user+sys {x['user'] + x['system']:6.2f} s  ratio {x['median'] / base:5.2f}x")
PY
echo "one passing run wrote: $(find "$work/out" -type f | wc -l) files, $(du -sk "$work/out" | cut -f1) KiB in $work/out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
