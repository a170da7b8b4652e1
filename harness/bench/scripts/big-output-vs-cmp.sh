#!/usr/bin/env bash
# Compares `parity compare` of two outputs larger than the in-memory limit with `cmp` on the same
# files: parity keeps such outputs on disk and compares them byte for byte in bounded memory.
#
# Inputs: two files of SIZE bytes (default 1 GiB; text lines of about 40 bytes) that differ in
# their last byte only, so both tools read everything. A suite whose legacy and candidate `cat`
# them is compared by `parity compare --runs 1` (each side runs once; the default --runs 2 runs
# legacy a second time, shown in its own row); `cmp` runs on the same files. They run side by side
# in one hyperfine invocation, then once each under /usr/bin/time for peak RSS. Prints hyperfine's
# table, the peak RSS of each and the ratios.
# Usage: harness/bench/scripts/big-output-vs-cmp.sh [SIZE_MB] [RUNS]
#   e.g. big-output-vs-cmp.sh 100 2 for a quick check (needs hyperfine, python3, a built ./parity)
set -euo pipefail
mb=${1:-1024}
runs=${2:-3}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$((mb * 1024 * 1024))" "$work/legacy.txt" "$work/candidate.txt" <<'PY'
import sys
size, legacy, candidate = int(sys.argv[1]), sys.argv[2], sys.argv[3]
block = b"".join(b"record %08d value=%016d\n" % (i, i * 7919) for i in range(25000))
with open(legacy, "wb") as a:
    left = size - 1
    while left > 0:
        chunk = block[:left]
        a.write(chunk)
        left -= len(chunk)
    a.write(b"x")
with open(legacy, "rb") as a, open(candidate, "wb") as b:
    left = size - 1
    while left > 0:
        chunk = a.read(min(left, 1 << 20))
        b.write(chunk)
        left -= len(chunk)
    b.write(b"y")
PY
mkdir -p "$work/fixtures/big"
cat >"$work/fixtures/big/suite.yaml" <<YAML
name: big
legacy: {command: [cat, "$work/legacy.txt"]}
candidate: {command: [cat, "$work/candidate.txt"]}
cases:
  - id: big
YAML

rss_kb() { # rss_kb COMMAND...: peak resident set size of COMMAND in KiB
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/rss"
}

parity1_cmd="$here/parity compare $work/fixtures/big --runs 1 --out $work/out1"
parity_cmd="$here/parity compare $work/fixtures/big --out $work/out"
cmp_cmd="cmp $work/legacy.txt $work/candidate.txt"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "== two outputs of $mb MiB, differing in the last byte; spool in ${TMPDIR:-/tmp} =="
hyperfine --warmup 1 --runs "$runs" -i --export-json "$work/h.json" \
  -n "cmp" "$cmp_cmd" -n "parity compare --runs 1" "$parity1_cmd" -n "parity compare" "$parity_cmd"
cmp_rss=$(rss_kb $cmp_cmd)
parity_rss=$(rss_kb $parity1_cmd)
grep -o 'first difference at byte [0-9]* (line [0-9]*)' "$work/out1/verdict.json" | head -1 \
  || echo "NO DIFFERENCE REPORTED: the comparison is wrong"
python3 - "$work/h.json" "$cmp_rss" "$parity_rss" "$mb" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["results"]
c, p1, p = h[0]["mean"], h[1]["mean"], h[2]["mean"]
crss, prss, mb = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"| {mb} MiB each side | cmp {c:.2f} s ± {h[0]['stddev']:.2f}, {crss/1024:.0f} MB "
      f"| parity --runs 1 {p1:.2f} s ± {h[1]['stddev']:.2f}, {prss/1024:.0f} MB "
      f"| time ratio {p1/c:.2f}x (default --runs 2: {p:.2f} s, {p/c:.2f}x) | peak RSS {prss/1024:.0f} MB |")
PY
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
