#!/bin/sh
# Action step "Summary and outputs": appends summary.md to $GITHUB_STEP_SUMMARY, writes decision,
# status, scope, groups and ratio (read from verdict.json) to $GITHUB_OUTPUT, and prints one error
# annotation per failing test case of junit.xml. Without a verdict.json the decision is legacy.
set -eu

reports=${PARITY_REPORTS:-}
here=$(dirname "$0")
if [ -z "$reports" ] || [ ! -f "$reports/verdict.json" ]; then
  echo "decision=legacy" >>"$GITHUB_OUTPUT"
  echo "status=error" >>"$GITHUB_OUTPUT"
  echo "::error title=Parity::no verdict.json was written${reports:+ in $reports}; the run failed before deciding (see its log)"
  exit 0
fi
if [ -f "$reports/summary.md" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$reports/summary.md" >>"$GITHUB_STEP_SUMMARY"
fi
python3 "$here/verdict.py" outputs "$reports/verdict.json" >>"$GITHUB_OUTPUT"
if [ -f "$reports/junit.xml" ]; then
  python3 "$here/verdict.py" annotations "$reports/junit.xml"
fi
