# h2load (Debian package nghttp2-client), the constant-rate load generator of the shadow proxy's
# load test (harness/bench/scripts/shadow-load.sh; docs/traffic.md says why not wrk). Idempotent;
# sourced by .ci/run. The load test itself is not part of `mvn verify`: this makes it runnable on
# a fresh machine with the project's own scripts.
if ! command -v h2load >/dev/null 2>&1; then
  echo "installing h2load (nghttp2-client)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nghttp2-client) \
    >/tmp/parity-h2load-install.log 2>&1 || { cat /tmp/parity-h2load-install.log >&2; return 1; }
fi
