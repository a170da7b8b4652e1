# A C compiler, with which the build compiles the process launcher (harness/core/src/main/c,
# docs/processes.md). Idempotent; sourced by .ci/run before the build.
if ! command -v cc >/dev/null 2>&1; then
  echo "installing gcc"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc libc6-dev) \
    >/tmp/parity-gcc-install.log 2>&1 || { cat /tmp/parity-gcc-install.log >&2; return 1; }
fi
# Without the launcher its tests skip; in CI they must run, so a jar built without it fails them.
export PARITY_REQUIRE_LAUNCHER=1
