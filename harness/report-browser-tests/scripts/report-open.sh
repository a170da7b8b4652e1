#!/usr/bin/env bash
# Benchmark: how long the HTML report of a large run takes to open in headless Chromium.
#   harness/report-browser-tests/scripts/report-open.sh [cases=5000] [big-diff cases=20] [lines per big diff=10000]
# Writes a synthetic output folder (verdict.json + observations/) with 1/5 of the cases failing from three root
# causes and some cases with huge diffs, rebuilds the reports with `parity report`, then opens index.html in
# headless Chromium three times. "open" is the page's own performance.now() once the case list is rendered
# (navigation start -> parsed -> rendered), read back from the dumped DOM; "wall" is the whole chromium process.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cases=${1:-5000}
big=${2:-20}
lines=${3:-10000}
work=$(mktemp -d /tmp/parity-report-open.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT
[ -f "$root/harness/cli/target/parity.jar" ] || (cd "$root" && mvn -q -B package -DskipTests)

python3 - "$work/out" "$cases" "$big" "$lines" <<'PY'
import json, os, sys
out, cases, big, lines = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
os.makedirs(out, exist_ok=True)
def store(cid, side, text):
    d = os.path.join(out, "observations", cid, side, "raw")
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, "stdout"), "w").write(text)
    open(os.path.join(d, "stderr"), "w").write("")
    open(os.path.join(d, "meta.yaml"), "w").write("id: %s\nvalues:\n  exitCode: \"0\"\nstreams:\n- stderr\n- stdout\n" % cid)
    open(os.path.join(out, "observations", cid, side, "repro.sh"), "w").write("sh %s.sh %s\n" % (side, cid))
def unified(a, b):
    body = ["--- legacy/stdout", "+++ candidate/stdout", "@@ -1,%d +1,%d @@" % (len(a), len(b))]
    body += ["-" + x for x in a if x not in b][:200] + ["+" + x for x in b if x not in a][:200]
    return "\n".join(body) + "\n"
fixtures = []
failing = 0
for i in range(cases):
    cid = "group-%02d/case-%05d" % (i % 40, i)
    tags = ["group-%02d" % (i % 40), ["fast", "slow", "io"][i % 3]]
    if i % 5 != 0:
        fixtures.append({"id": cid, "status": "pass", "summary": "identical", "tags": tags, "facts": [], "notes": [],
                         "diffs": [], "durationsMs": {"candidate": 3}})
        continue
    if failing < big:
        legacy = ["row %d value %d" % (n, n * 7) for n in range(lines)]
        candidate = [x if n % 10 else x + " changed" for n, x in enumerate(legacy)]
    else:
        kind = failing % 3
        base = ["report %d" % i, "items: %d" % (i % 50)]
        if kind == 0:
            legacy, candidate = base + ["total: %d" % i], base + ["total: %d" % (i + 1)]
        elif kind == 1:
            legacy, candidate = base + ["date: 2024-01-%02d" % (1 + i % 28)], base + ["date: %02d/01/2024" % (1 + i % 28)]
        else:
            legacy, candidate = base + ["name: Ann"], base + ["name: ann"]
    failing += 1
    store(cid, "legacy", "\n".join(legacy) + "\n")
    store(cid, "candidate", "\n".join(candidate) + "\n")
    u = unified(legacy, candidate)
    removed = sum(1 for l in u.split("\n") if l.startswith("-") and not l.startswith("---"))
    fixtures.append({"id": cid, "status": "fail", "summary": "stdout differ", "tags": tags,
                     "facts": [{"key": "stdout", "message": "%d lines removed, %d lines added (diff below)" % (removed, removed)}],
                     "notes": [], "diffs": [{"stream": "stdout", "kind": "TEXT", "removed": removed, "added": removed,
                                             "approximate": False, "truncated": False, "unified": u}],
                     "durationsMs": {"candidate": 4}})
verdict = {"suite": "synthetic", "mode": "compare", "decision": "legacy", "reasons": ["%d cases differ" % failing],
           "counts": {"total": cases, "passed": cases - failing, "failed": failing, "errors": 0}, "unavailable": [],
           "startedAt": "2026-01-01T00:00:00Z", "durationMs": 1000, "fixtures": fixtures}
json.dump(verdict, open(os.path.join(out, "verdict.json"), "w"))
PY

start=$(date +%s%N)
"$root/parity" report "$work/out" > "$work/report.log" || true
end=$(date +%s%N)
size=$(du -h "$work/out/index.html" | cut -f1)
echo "cases=$cases big-diff-cases=$big lines-per-big-diff=$lines"
echo "parity report: $(( (end - start) / 1000000 )) ms, index.html $size"
grep -A4 "Mismatch clusters" "$work/report.log" | head -4

flags=(--headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking
       --disable-component-update --disable-sync)
printf '<!DOCTYPE html><html><body>blank</body></html>' > "$work/blank.html"
profile=$(mktemp -d "$work/profile.XXXXXX")
start=$(date +%s%N)
chromium "${flags[@]}" --user-data-dir="$profile" --dump-dom "file://$work/blank.html" >/dev/null 2>&1
end=$(date +%s%N)
echo "baseline: wall $(( (end - start) / 1000000 )) ms for a blank page (chromium start, load, dump, exit)"
for run in 1 2 3; do
  profile=$(mktemp -d "$work/profile.XXXXXX")
  start=$(date +%s%N)
  dom=$(chromium "${flags[@]}" --user-data-dir="$profile" --dump-dom "file://$work/out/index.html" 2>/dev/null)
  end=$(date +%s%N)
  open_ms=$(printf '%s' "$dom" | grep -o 'data-render-ms="[0-9]*"' | grep -o '[0-9]*')
  shown=$(printf '%s' "$dom" | grep -o "[0-9]* of $cases cases" | head -1)
  echo "run $run: open ${open_ms:-?} ms (page), wall $(( (end - start) / 1000000 )) ms (chromium start to exit), $shown"
done
