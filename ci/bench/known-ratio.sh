#!/usr/bin/env bash
# Known ratio and budget. Legacy runs an awk program (about 80 ms) once, the candidate runs the very
# same program twice in a row, so the true cost ratio is known: (2w + s) / (w + s), w the program and
# s the shell start-up both sides pay once. For each of REPEATS runs (default 3): hyperfine on the same
# two command lines, then `parity bench` with a BUDGET (default 30 s), back to back.
# Targets: Parity's ratio within 5% of the truth and of hyperfine's; 95% half-width <= 5% within 30 s.
#
# hyperfine times all runs of one command before the next, so on a shared machine a drift between the
# two blocks moves its ratio. It is therefore run in BLOCKS alternating blocks (legacy, candidate,
# candidate, legacy, ...) of a few runs each, and its ratio is the ratio of the medians of all its
# candidate and all its legacy runs: the same two command lines, hyperfine's own timing, drift shared.
# Usage: ci/bench/known-ratio.sh [REPEATS] [BUDGET] [BLOCKS]
source "$(dirname "$0")/common.sh"
repeats=${1:-3}
budget=${2:-30s}
blocks=${3:-10}
command -v hyperfine >/dev/null || { echo "hyperfine is missing: apt-get install -y hyperfine" >&2; exit 2; }
suite="$scratch/known"
make_suite "$suite" 1 2
: > "$scratch/empty.sh"
legacy="sh $suite/legacy.sh"
candidate="sh $suite/candidate.sh"
commands=()
for ((b = 0; b < blocks; b++)); do
  if ((b % 2 == 0)); then commands+=("$legacy" "$candidate" "sh $scratch/empty.sh")
  else commands+=("sh $scratch/empty.sh" "$candidate" "$legacy"); fi
done
echo "Known ratio: legacy runs the awk program ($UNIT iterations) once, the candidate twice; budget $budget;" \
  "hyperfine in $blocks alternating blocks; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%3s  %-12s  %7s  %-13s  %9s  %7s  %6s  %7s  %9s  %-9s  %9s\n' \
  run performance ratio "95% CI" half-width seconds rounds truth vs-truth hyperfine vs-hf
for i in $(seq 1 "$repeats"); do
  hyperfine -N --warmup 1 --runs 4 --export-json "$scratch/hf.json" "${commands[@]}" \
    >"$scratch/hf.log" 2>&1 || { cat "$scratch/hf.log" >&2; exit 1; }
  start=$(date +%s.%N)
  "$parity" bench "$suite" --time-budget "$budget" --out "$scratch/out" >"$scratch/log" 2>&1 || true
  end=$(date +%s.%N)
  b="$scratch/out/bench.json"
  python3 - "$b" "$scratch/hf.json" "$suite" "$i" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b - a}')" <<'PY'
import json, statistics, sys
bench, hf, suite, run, seconds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5])
times = {}
for r in json.load(open(hf))["results"]:
    times.setdefault(r["command"], []).extend(r["times"])
def median(side):
    return statistics.median(t for command, ts in times.items() if command.endswith(side) for t in ts)
legacy, candidate, shell = median("/legacy.sh"), median("/candidate.sh"), median("/empty.sh")
work = legacy - shell
truth = (2 * work + shell) / (work + shell)
hf_ratio = candidate / legacy
p = json.load(open(bench))["performance"]
case = p["cases"][0]
if "ratio" not in p:
    print("%3s  %-12s  no ratio: %s" % (run, p["status"], p.get("reasons")))
    sys.exit()
ratio, low, high = p["ratio"], p["ciLow"], p["ciHigh"]
print("%3s  %-12s  %7.3f  %5.3f-%5.3f  %8.1f%%  %7.1f  %6s  %7.3f  %+8.1f%%  %9.3f  %+8.1f%%" % (
    run, p["status"], ratio, low, high, (high - low) / 2 / ratio * 100, seconds, case["rounds"], truth,
    (ratio / truth - 1) * 100, hf_ratio, (ratio / hf_ratio - 1) * 100))
PY
done
