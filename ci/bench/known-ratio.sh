#!/usr/bin/env bash
# Known ratio and budget: legacy does the work once, the candidate twice (50-200 ms each). For each of
# REPEATS runs (default 3), `parity bench` with a 30 s budget and hyperfine on the same pair, back to back.
# Targets: Parity's ratio within 5% of the truth and of hyperfine's; 95% half-width <= 5% within 30 s.
# Usage: ci/bench/known-ratio.sh [REPEATS] [BUDGET]
source "$(dirname "$0")/common.sh"
repeats=${1:-3}
budget=${2:-30s}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 2; }
make_suite "$scratch/known" 1 2
legacy=$(work_command 1)
candidate=$(work_command 2)
echo "Known ratio: legacy = 1x, candidate = 2x the same awk work; budget $budget; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%3s  %-12s  %7s  %-13s  %9s  %7s  %6s  %8s  %9s  %9s\n' \
  run performance ratio "95% CI" half-width seconds rounds truth vs-truth hyperfine
for i in $(seq 1 "$repeats"); do
  hyperfine --warmup 3 --runs 40 --export-json "$scratch/hf.json" "awk 'BEGIN{}'" "$legacy" "$candidate" >/dev/null
  start=$(date +%s.%N)
  "$parity" bench "$scratch/known" --time-budget "$budget" --out "$scratch/out" >"$scratch/log" 2>&1 || true
  end=$(date +%s.%N)
  b="$scratch/out/bench.json"
  ratio=$(json_field "$b" 'd["performance"]["ratio"]')
  low=$(json_field "$b" 'd["performance"]["ciLow"]')
  high=$(json_field "$b" 'd["performance"]["ciHigh"]')
  # hyperfine: medians; truth: 2 units of work plus one awk start-up, over 1 unit plus one start-up.
  read -r hf truth < <(python3 - "$scratch/hf.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
start, one, two = (x["median"] for x in r)
unit = one - start
print("%.4f %.4f" % (two / one, (2 * unit + start) / (unit + start)))
PY
  )
  python3 - "$ratio" "$low" "$high" "$truth" "$hf" "$i" "$(echo "$end - $start" | bc)" \
    "$(json_field "$b" 'd["performance"]["status"]')" "$(json_field "$b" 'd["performance"]["cases"][0]["rounds"]')" <<'PY'
import sys
ratio, low, high, truth, hf = map(float, sys.argv[1:6])
i, seconds, status, rounds = sys.argv[6], float(sys.argv[7]), sys.argv[8], sys.argv[9]
print("%3s  %-12s  %7.3f  %5.3f-%5.3f  %8.1f%%  %7.1f  %6s  %8.3f  %+8.1f%%  %5.3f (%+.1f%%)" % (
    i, status, ratio, low, high, (high - low) / 2 / ratio * 100, seconds, rounds, truth,
    (ratio / truth - 1) * 100, hf, (ratio / hf - 1) * 100))
PY
done
