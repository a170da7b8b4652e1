#!/usr/bin/env bash
# Measures a suite run as shards and merged, side by side with the same suite run in one piece.
#
# Suite: N trivial cases (both sides run `true`), recorded with --runs 1 (one spawn per case).
# Sharded: `parity record --shard K/4` for K = 1..4, one after the other (each writes its own
#          output folder), then `parity merge` of the 4 folders.
# Baseline: `parity record` of the whole suite in one run, and `parity report` of its folder (which
#          writes the same reports for the same number of cases as the merge, without merging).
# Prints wall time and peak RSS (GNU time) of every step, then hyperfine's comparison of the merge
# with the report, and checks that the merged verdict has the unsharded run's counts and decision.
# Usage: harness/bench/scripts/shard-merge.sh [N]   (default 20000; needs hyperfine, GNU time and a
#        built ./parity)
set -euo pipefail
n=${1:-20000}
here=$(cd "$(dirname "$0")/../../.." && pwd)
parity="$here/parity"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/fixtures/many"
{
  echo "name: many"
  echo "legacy: {command: [\"true\"]}"
  echo "candidate: {command: [\"true\"]}"
  echo "cases:"
  for i in $(seq "$n"); do echo "  - id: c$i"; done
} > "$work/fixtures/many/suite.yaml"

measure() { # label, command...: prints "| label | seconds | peak RSS MB |"
  local label=$1
  shift
  set +e
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > "$work/out.txt" 2>&1
  local code=$?
  set -e
  if [ "$code" -gt 1 ]; then
    cat "$work/out.txt" >&2
    echo "$label failed with exit $code" >&2
    exit "$code"
  fi
  read -r seconds kb < "$work/time.txt"
  printf '| %s | %s | %d |\n' "$label" "$seconds" $((kb / 1024))
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| step ($n cases) | wall s | peak RSS MB |"
echo "| --- | ---: | ---: |"
for k in 1 2 3 4; do
  measure "record --shard $k/4" "$parity" record "$work/fixtures/many" --runs 1 --shard "$k/4" \
    --golden "$work/golden-sharded" --out "$work/shard-$k"
done
measure "merge of the 4 shards" "$parity" merge "$work"/shard-{1,2,3,4} --out "$work/merged"
measure "record, unsharded" "$parity" record "$work/fixtures/many" --runs 1 \
  --golden "$work/golden-whole" --out "$work/whole"
measure "report of the unsharded run" "$parity" report "$work/whole"
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work/merged/verdict.json" "$work/whole/verdict.json" <<'PY'
import json, sys
merged, whole = (json.load(open(p)) for p in sys.argv[1:])
for key in ("counts", "decision", "status", "clusters"):
    assert merged[key] == whole[key], (key, merged[key], whole[key])
assert [f["id"] for f in merged["fixtures"]] == [f["id"] for f in whole["fixtures"]]
print("merged verdict = unsharded verdict (counts, decision, status, clusters, case ids):",
      merged["counts"])
PY

echo
hyperfine -i --warmup 1 --runs 3 --export-markdown "$work/result.md" \
  -n "parity merge, 4 shards, $n cases" "$parity merge $work/shard-1 $work/shard-2 $work/shard-3 $work/shard-4 --out $work/merged" \
  -n "parity report, unsharded, $n cases" "$parity report $work/whole" > /dev/null || true
cat "$work/result.md"
