#!/bin/sh
# Action step "Decide": passes only when the decision is candidate. With PARITY_FAIL_ON_LEGACY=false a
# legacy decision only warns; a run that wrote no verdict (exit code 2: usage or configuration error)
# fails either way.
set -u

decision=${PARITY_DECISION:-}
code=${PARITY_EXIT_CODE:-}
if [ "$decision" = candidate ] && [ "$code" = 0 ]; then
  echo "Parity: decision candidate, the candidate ships."
  exit 0
fi
if [ -z "$decision" ] || [ "${PARITY_STATUS:-error}" = error ]; then
  echo "::error title=Parity::no decision (parity exit code ${code:-none}): the run could not decide; see the log of the run step"
  exit 2
fi
if [ "${PARITY_FAIL_ON_LEGACY:-true}" = false ]; then
  echo "::warning title=Parity::decision $decision (status ${PARITY_STATUS:-}): legacy stays; fail-on-legacy is false, so the step passes"
  exit 0
fi
echo "::error title=Parity::decision $decision (status ${PARITY_STATUS:-}): legacy stays; see the job summary and the reports artifact"
case $code in
  1 | 3) exit "$code" ;;
  *) exit 1 ;;
esac
