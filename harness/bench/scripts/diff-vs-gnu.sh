#!/usr/bin/env bash
# Compares `parity compare` of two large outputs with GNU diff on the same files.
#
# Inputs: two outputs of N lines (default 1,000,000, about 45 bytes a line), the candidate with
# 0.1% and with 10% of its lines changed in place. A suite whose legacy and candidate `cat` them
# is compared by `parity compare` (by default legacy runs twice to find noise) and by
# `parity compare --runs 1`; GNU `diff` runs on the same files. All run side by side in one
# hyperfine invocation per change rate, then once each under /usr/bin/time for peak RSS.
# Prints hyperfine's tables, the peak RSS of each, and the ratios.
# Usage: harness/bench/scripts/diff-vs-gnu.sh [N] [RUNS]   (needs hyperfine, python3, a built ./parity)
#        PARITY_BEFORE_HOME=folder adds `parity compare` of the ./parity in that folder (a copy of an
#        older build: parity, harness/cli/target/parity.jar and .jsa) to the same hyperfine run.
set -euo pipefail
n=${1:-1000000}
runs=${2:-5}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

generate() { # generate RATE LEGACY CANDIDATE
  python3 - "$n" "$1" "$2" "$3" <<'PY'
import random, sys
n, rate, legacy, candidate = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
r = random.Random(42)
with open(legacy, "w") as a, open(candidate, "w") as b:
    for i in range(n):
        line = "record %08d value=%010d name=%06d\n" % (i, r.randrange(10**10), i % 1000000)
        a.write(line)
        b.write("record %08d value=%010d CHANGED%04d\n" % (i, r.randrange(10**10), i % 10000)
                if r.random() < rate else line)
PY
}

rss_kb() { # rss_kb COMMAND...: peak resident set size of COMMAND in KiB
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/rss"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
for rate in 0.001 0.1; do
  dir="$work/r$rate"
  mkdir -p "$dir/fixtures/big"
  generate "$rate" "$dir/legacy.txt" "$dir/candidate.txt"
  cat >"$dir/fixtures/big/suite.yaml" <<YAML
name: big
legacy: {command: [cat, "$dir/legacy.txt"]}
candidate: {command: [cat, "$dir/candidate.txt"]}
cases:
  - id: big
YAML
  size=$(( $(stat -c %s "$dir/legacy.txt") + $(stat -c %s "$dir/candidate.txt") ))
  parity_cmd="$here/parity compare $dir/fixtures/big --out $dir/out"
  parity1_cmd="$here/parity compare $dir/fixtures/big --runs 1 --out $dir/out1"
  diff_cmd="diff $dir/legacy.txt $dir/candidate.txt"
  echo
  echo "== $n lines, $(python3 -c "print($rate*100)")% changed, $((size / 1000000)) MB of input =="
  hyperfine --warmup 1 --runs "$runs" -i --export-json "$dir/h.json" \
    -n "GNU diff" "$diff_cmd" -n "parity compare" "$parity_cmd" \
    -n "parity compare --runs 1" "$parity1_cmd" \
    ${PARITY_BEFORE_HOME:+-n "parity compare (before: $PARITY_BEFORE_HOME)"} \
    ${PARITY_BEFORE_HOME:+"$PARITY_BEFORE_HOME/parity compare $dir/fixtures/big --out $dir/before"}
  diff_rss=$(rss_kb $diff_cmd)
  parity_rss=$(rss_kb $parity_cmd)
  python3 - "$dir/h.json" "$diff_rss" "$parity_rss" "$size" "$rate" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["results"]
d, p, p1 = h[0]["mean"], h[1]["mean"], h[2]["mean"]
drss, prss, size = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"| {float(sys.argv[5])*100:g}% changed | GNU diff {d:.2f} s ± {h[0]['stddev'] or 0:.2f}, {drss/1024:.0f} MB "
      f"| parity {p:.2f} s ± {h[1]['stddev'] or 0:.2f}, {prss/1024:.0f} MB "
      f"| time ratio {p/d:.2f}x (--runs 1: {p1:.2f} s, {p1/d:.2f}x) | RSS / input size {prss*1024/size:.2f}x |")
for x in h:
    print(f"  {x['command']:<70} mean {x['mean']:6.2f} s  user+sys {x['user'] + x['system']:5.2f} s  {x['mean'] / d:5.2f}x GNU diff")
PY
done
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
