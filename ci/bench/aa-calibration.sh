#!/usr/bin/env bash
# A/A calibration: the same program as both sides, `parity gate --live` run RUNS times (default 20).
# Target: performance passes in at least 19 of 20. BUDGET defaults to 30s, the gate's own default for one
# benchmarked case. Usage: ci/bench/aa-calibration.sh [RUNS] [BUDGET]
source "$(dirname "$0")/common.sh"
runs=${1:-20}
budget=${2:-30s}
make_suite "$scratch/aa" 1 1
pass=0
echo "A/A calibration: $runs gates, budget $budget each, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%4s  %-12s  %7s  %-13s  %6s  %s\n' run performance ratio "95% CI" rounds seconds
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  "$parity" gate "$scratch/aa" --live --time-budget "$budget" --out "$scratch/out" >"$scratch/log" 2>&1 || true
  end=$(date +%s.%N)
  v="$scratch/out/verdict.json"
  status=$(json_field "$v" 'd["performance"]["status"]')
  [ "$status" = pass ] && pass=$((pass + 1))
  printf '%4d  %-12s  %7s  %-13s  %6s  %.1f\n' "$i" "$status" \
    "$(json_field "$v" '"%.3f" % d["performance"].get("ratio", float("nan"))')" \
    "$(json_field "$v" '"%.3f-%.3f" % (d["performance"].get("ciLow", float("nan")), d["performance"].get("ciHigh", float("nan")))')" \
    "$(json_field "$v" 'd["performance"]["cases"][0]["rounds"]')" \
    "$(awk -v a="$start" -v b="$end" 'BEGIN{print b - a}')"
done
echo "performance passed in $pass of $runs runs (target: at least $(( runs * 19 / 20 )))"
