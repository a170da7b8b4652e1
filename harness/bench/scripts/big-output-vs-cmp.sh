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
# Floor: `cmp <(cat legacy) <(cat candidate)` in bash, the least any harness that runs the two
# programs must do (two pipes read to the end, no spool, no JVM, no report); parity's ratio to it
# is what parity itself adds. `cmp` on the files is the issue's baseline, but it reads the page
# cache without running anything.
# Then the same for two equal outputs (a copy of the first file): a passing case, whose candidate
# parity compares with legacy's spool as it arrives instead of spooling it (issue 13, seventh pass).
# Both runs also time `parity verify` of the candidate against legacy's output recorded once as a
# golden beforehand (its checksum checked, then the candidate compared with it as it arrives), with
# its own floor: `cmp <(cat candidate) golden`, the candidate's pipe read against the golden file.
# Usage: harness/bench/scripts/big-output-vs-cmp.sh [SIZE_MB] [RUNS]
#   e.g. big-output-vs-cmp.sh 100 2 for a quick check (needs hyperfine, python3, a built ./parity)
#   PARITY_BEFORE_HOME=folder adds `parity compare --runs 1` of the ./parity in that folder (a
#   worktree of an earlier commit, built) to both hyperfine runs, side by side: an A/B.
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
cp "$work/legacy.txt" "$work/equal.txt"
# suite NAME CANDIDATE_FILE: a suite whose legacy cats legacy.txt and whose candidate cats the file.
suite() {
  mkdir -p "$work/fixtures/$1"
  cat >"$work/fixtures/$1/suite.yaml" <<YAML
name: $1
legacy: {command: [cat, "$work/legacy.txt"]}
candidate: {command: [cat, "$2"]}
cases:
  - id: big
YAML
}
suite big "$work/candidate.txt"
# The golden of case big, legacy's output, recorded once: `parity verify` compares each candidate
# with it (the suites big and same share the case id).
"$here/parity" record "$work/fixtures/big" --runs 1 --golden "$work/golden" --out "$work/rec" >/dev/null
golden="$work/golden/big/stdout"
verify_cmd() { # verify_cmd PARITY_HOME FIXTURE OUT
  echo "$1/parity verify $work/fixtures/$2 --golden $work/golden --out $work/$3"
}

rss_kb() { # rss_kb COMMAND...: peak resident set size of COMMAND in KiB
  /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || true
  tail -n 1 "$work/rss"
}

parity1_cmd="$here/parity compare $work/fixtures/big --runs 1 --out $work/out1"
parity_cmd="$here/parity compare $work/fixtures/big --out $work/out"
cmp_cmd="cmp $work/legacy.txt $work/candidate.txt"
floor_cmd="bash -c 'cmp <(cat $work/legacy.txt) <(cat $work/candidate.txt)'"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "== two outputs of $mb MiB, differing in the last byte; spool in ${TMPDIR:-/tmp} =="
before_cmd() { # before_cmd FIXTURE OUT: the before build's `compare --runs 1`, if one is given
  echo "$PARITY_BEFORE_HOME/parity compare $work/fixtures/$1 --runs 1 --out $work/$2"
}
hyperfine --warmup 1 --runs "$runs" -i --export-json "$work/h.json" \
  -n "cmp" "$cmp_cmd" -n "parity compare --runs 1" "$parity1_cmd" -n "parity compare" "$parity_cmd" \
  -n "floor: cmp <(cat) <(cat)" "$floor_cmd" \
  -n "parity verify" "$(verify_cmd "$here" big v)" \
  -n "floor (verify): cmp <(cat) golden" "bash -c 'cmp <(cat $work/candidate.txt) $golden'" \
  ${PARITY_BEFORE_HOME:+-n "parity compare --runs 1 (before: $PARITY_BEFORE_HOME)"} \
  ${PARITY_BEFORE_HOME:+"$(before_cmd big before1)"} \
  ${PARITY_BEFORE_HOME:+-n "parity verify (before: $PARITY_BEFORE_HOME)"} \
  ${PARITY_BEFORE_HOME:+"$(verify_cmd "$PARITY_BEFORE_HOME" big before-v)"}
cmp_rss=$(rss_kb $cmp_cmd)
parity_rss=$(rss_kb $parity1_cmd)
verify_rss=$(rss_kb $(verify_cmd "$here" big v))
for out in out1 v; do
  grep -o 'first difference at byte [0-9]* (line [0-9]*)' "$work/$out/verdict.json" | head -1 \
    || echo "NO DIFFERENCE REPORTED BY $out: the comparison is wrong"
done
python3 - "$work/h.json" "$cmp_rss" "$parity_rss" "$mb" "$verify_rss" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["results"]
c, p1, p = h[0]["mean"], h[1]["mean"], h[2]["mean"]
v, vf, vrss = h[4]["mean"], h[5]["mean"], int(sys.argv[5])
print(f"| verify, last byte differs | parity verify {v:.2f} s ± {h[4]['stddev'] or 0:.2f}, {vrss/1024:.0f} MB "
      f"| {v/c:.2f}x cmp | floor cmp <(cat) golden {vf:.2f} s, {vf/c:.2f}x cmp | {v/vf:.2f}x the floor |")
crss, prss, mb = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
print(f"| {mb} MiB each side | cmp {c:.2f} s ± {h[0]['stddev'] or 0:.2f}, {crss/1024:.0f} MB "
      f"| parity --runs 1 {p1:.2f} s ± {h[1]['stddev'] or 0:.2f}, {prss/1024:.0f} MB "
      f"| time ratio {p1/c:.2f}x (default --runs 2: {p:.2f} s, {p/c:.2f}x) | peak RSS {prss/1024:.0f} MB |")
f = h[3]["mean"]
print(f"| floor, cmp <(cat) <(cat) | {f:.2f} s ± {h[3]['stddev'] or 0:.2f} | {f/c:.2f}x cmp "
      f"| parity --runs 1 {p1/f:.2f}x the floor |")
PY
if [ -n "${PARITY_BEFORE_HOME:-}" ]; then
  python3 - "$work/h.json" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["results"]
print(f"| before, --runs 1 | {h[6]['mean']:.2f} s ± {h[6]['stddev'] or 0:.2f} "
      f"| time ratio {h[6]['mean']/h[0]['mean']:.2f}x |")
print(f"| before, verify | {h[7]['mean']:.2f} s ± {h[7]['stddev'] or 0:.2f} "
      f"| time ratio {h[7]['mean']/h[0]['mean']:.2f}x |")
PY
fi

suite same "$work/equal.txt"
same1_cmd="$here/parity compare $work/fixtures/same --runs 1 --out $work/same1"
same_cmd="$here/parity compare $work/fixtures/same --out $work/same"
cmp_same_cmd="cmp $work/legacy.txt $work/equal.txt"
floor_same_cmd="bash -c 'cmp <(cat $work/legacy.txt) <(cat $work/equal.txt)'"
echo "== two equal outputs of $mb MiB (a passing case) =="
hyperfine --warmup 1 --runs "$runs" -i --export-json "$work/s.json" \
  -n "cmp (equal)" "$cmp_same_cmd" -n "parity compare --runs 1 (equal)" "$same1_cmd" \
  -n "parity compare (equal)" "$same_cmd" -n "floor: cmp <(cat) <(cat) (equal)" "$floor_same_cmd" \
  -n "parity verify (equal)" "$(verify_cmd "$here" same v-same)" \
  -n "floor (verify): cmp <(cat) golden (equal)" "bash -c 'cmp <(cat $work/equal.txt) $golden'" \
  ${PARITY_BEFORE_HOME:+-n "parity compare --runs 1 (equal, before: $PARITY_BEFORE_HOME)"} \
  ${PARITY_BEFORE_HOME:+"$(before_cmd same before-same)"} \
  ${PARITY_BEFORE_HOME:+-n "parity verify (equal, before: $PARITY_BEFORE_HOME)"} \
  ${PARITY_BEFORE_HOME:+"$(verify_cmd "$PARITY_BEFORE_HOME" same before-v-same)"}
same_rss=$(rss_kb $same1_cmd)
verify_same_rss=$(rss_kb $(verify_cmd "$here" same v-same))
for out in same1 v-same; do
  grep -q '"status" : "pass"' "$work/$out/verdict.json" \
    && echo "equal outputs: the case passed ($out)" \
    || echo "EQUAL OUTPUTS DID NOT PASS IN $out: the comparison is wrong"
done
python3 - "$work/s.json" "$same_rss" "$mb" "$verify_same_rss" <<'PY'
import json, sys
h = json.load(open(sys.argv[1]))["results"]
c, p1, p = h[0]["mean"], h[1]["mean"], h[2]["mean"]
prss, mb = int(sys.argv[2]), int(sys.argv[3])
v, vf, vrss = h[4]["mean"], h[5]["mean"], int(sys.argv[4])
print(f"| verify, equal | parity verify {v:.2f} s ± {h[4]['stddev'] or 0:.2f}, {vrss/1024:.0f} MB "
      f"| {v/c:.2f}x cmp | floor cmp <(cat) golden {vf:.2f} s, {vf/c:.2f}x cmp | {v/vf:.2f}x the floor |")
print(f"| {mb} MiB each side, equal | cmp {c:.2f} s ± {h[0]['stddev'] or 0:.2f} "
      f"| parity --runs 1 {p1:.2f} s ± {h[1]['stddev'] or 0:.2f}, {prss/1024:.0f} MB "
      f"| time ratio {p1/c:.2f}x (default --runs 2: {p:.2f} s, {p/c:.2f}x) | peak RSS {prss/1024:.0f} MB |")
f = h[3]["mean"]
print(f"| floor, cmp <(cat) <(cat), equal | {f:.2f} s ± {h[3]['stddev'] or 0:.2f} | {f/c:.2f}x cmp "
      f"| parity --runs 1 {p1/f:.2f}x the floor |")
if len(h) > 6:
    print(f"| before, --runs 1, equal | {h[6]['mean']:.2f} s ± {h[6]['stddev'] or 0:.2f} "
          f"| time ratio {h[6]['mean']/c:.2f}x |")
    print(f"| before, verify, equal | {h[7]['mean']:.2f} s ± {h[7]['stddev'] or 0:.2f} "
          f"| time ratio {h[7]['mean']/c:.2f}x |")
PY
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) after the run"
