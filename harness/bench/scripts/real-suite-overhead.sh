#!/usr/bin/env bash
# Issue 13, target 5: Parity's cost on a suite of a real command-line tool.
#
# The suite: CASES cases of `python3 -m json.tool --sort-keys` (a real tool; about 50 ms a run here,
# mostly the interpreter's start-up) reading a small JSON document on stdin; legacy and candidate
# are the same tool, so every case passes.
# Baseline: compare-baseline.py, which runs both sides of every case on a pool of one thread per
#           core and compares exit code, stdout and stderr byte for byte.
# Measured: `parity compare --runs 1` (one legacy run, like the baseline) and `parity compare` with
#           the default --runs 2 (one extra legacy run per case, to find noise), default -j.
# All three run side by side in one hyperfine invocation; the script prints the ratios.
# Usage: harness/bench/scripts/real-suite-overhead.sh [CASES=500] [RUNS=3]
#        (WARMUP=0 skips the warm-up run of each command: on a loaded machine one run takes long)
set -euo pipefail
cases=${1:-500}
runs=${2:-3}
here=$(cd "$(dirname "$0")/../../.." && pwd)
scripts="$here/harness/bench/scripts"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/fixtures/jsontool"
# The interpreter itself, not what `python3` resolves to on PATH: a version manager's shim (pyenv's
# is a bash script) costs more than the tool, and a Python parent such as the baseline finds the
# real interpreter first on its PATH, so the two sides would not run the same program.
python=$(python3 -c 'import sys; print(sys.executable)')
python3 - "$cases" "$work" "$python" <<'PY'
import json, sys
n, work, python = int(sys.argv[1]), sys.argv[2], sys.argv[3]
tool = [python, "-m", "json.tool", "--sort-keys"]
cases = [{"id": f"doc/{i}", "stdin": json.dumps({"z": i, "a": [i, str(i)], "m": {"k": i * 7}})}
         for i in range(n)]
json.dump({"legacy": tool, "candidate": tool, "cases": cases}, open(f"{work}/cases.json", "w"))
with open(f"{work}/fixtures/jsontool/suite.yaml", "w") as y:
    y.write("name: jsontool\n")
    y.write(f"legacy: {{command: {json.dumps(tool)}}}\n")
    y.write(f"candidate: {{command: {json.dumps(tool)}}}\n")
    y.write("defaults: {timeout: 60s}\ncases:\n")
    for c in cases:
        y.write(f"  - {{id: {c['id']}, stdin: {json.dumps(c['stdin'])}}}\n")
PY

one=$( { /usr/bin/time -f %e sh -c "echo '{}' | $python -m json.tool >/dev/null"; } 2>&1)
echo "real suite: $cases cases of python3 -m json.tool (one run ~${one} s); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup "${WARMUP:-1}" --runs "$runs" --export-json "$work/result.json" \
  -n "baseline script (python, $(nproc) threads)" "python3 $scripts/compare-baseline.py $work/cases.json" \
  -n "parity compare --runs 1" "$here/parity compare $work/fixtures/jsontool --runs 1 --out $work/out1" \
  -n "parity compare (--runs 2)" "$here/parity compare $work/fixtures/jsontool --out $work/out2"
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f"{x['command']:<45} median {x['median']:7.2f} s   ratio {x['median'] / base:5.2f}x")
print("(--runs 2 runs legacy one more time per case: 1.5x the runs of the baseline)")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
