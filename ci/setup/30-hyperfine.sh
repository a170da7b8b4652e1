# hyperfine (Debian package), the reference the known-ratio accuracy script (ci/bench/known-ratio.sh)
# compares Parity's ratio with; AccuracyScriptsIT runs that script. Idempotent; sourced by .ci/run.
if ! command -v hyperfine >/dev/null 2>&1; then
  echo "installing hyperfine"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends hyperfine) \
    >/tmp/parity-hyperfine-install.log 2>&1 || { cat /tmp/parity-hyperfine-install.log >&2; return 1; }
fi
# Where hyperfine is missing the script's test skips; in CI it must run, so a missing hyperfine fails it.
export PARITY_REQUIRE_HYPERFINE=1
