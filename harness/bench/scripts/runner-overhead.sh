#!/usr/bin/env bash
# Measures what Parity adds on top of spawning the programs under test.
#
# Baseline: a shell loop that runs `true` N times (what any harness must pay at least).
# Measured: `parity record` of a suite with N cases that each run `true`, one job at a time,
#           and the same with the default number of jobs.
# Both run side by side in one hyperfine invocation, so machine drift hits them alike.
# Usage: harness/bench/scripts/runner-overhead.sh [N]   (needs hyperfine and a built ./parity)
set -euo pipefail
n=${1:-200}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/fixtures/overhead"
{
  echo "name: overhead"
  echo "legacy: {command: [\"true\"]}"
  echo "candidate: {command: [\"true\"]}"
  echo "cases:"
  for i in $(seq "$n"); do echo "  - id: c$i"; done
} > "$work/fixtures/overhead/suite.yaml"

hyperfine --warmup 2 --runs 10 --export-markdown "$work/result.md" \
  -n "shell loop, $n x true" "sh -c 'for i in \$(seq $n); do true; done; i=0; while [ \$i -lt $n ]; do /bin/true; i=\$((i+1)); done'" \
  -n "java -version (JVM start)" "java -Xshare:auto -version" \
  -n "parity record, $n cases, -j 1" "$here/parity record $work/fixtures/overhead -j 1 --golden $work/g1 --out $work/r1" \
  -n "parity record, $n cases, -j $(nproc)" "$here/parity record $work/fixtures/overhead --golden $work/g2 --out $work/r2"
cat "$work/result.md"
