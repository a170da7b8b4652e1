#!/bin/sh
# Action step "Run parity": runs `$PARITY $PARITY_MODE $PARITY_SUITE --out <reports> $PARITY_ARGS` and
# writes exit-code=<its exit code> and reports=<the reports folder> to $GITHUB_OUTPUT. The step itself
# passes whatever Parity decided: the later steps (summary, upload, decide) judge, so that the reports
# are published when the run failed too.
set -u

case ${PARITY_MODE:-} in
  verify | compare | gate) ;;
  *)
    echo "::error title=Parity::mode [${PARITY_MODE:-}] is not one of verify, compare, gate"
    echo "exit-code=2" >>"$GITHUB_OUTPUT"
    exit 2
    ;;
esac
suite=${PARITY_SUITE:?the suite input is required}
name=$(basename "$suite")
reports="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/parity-reports/$name"
echo "reports=$reports" >>"$GITHUB_OUTPUT"

# The args input is one shell-quoted string, split as the shell would ("--filter 'api/*'").
eval "set -- ${PARITY_ARGS:-}"
"${PARITY:-parity}" "$PARITY_MODE" "$suite" --out "$reports" "$@"
code=$?
echo "exit-code=$code" >>"$GITHUB_OUTPUT"
echo "parity $PARITY_MODE exited $code"
exit 0
