# Headless Chromium and its driver for the HTML report's browser tests (harness/report-browser-tests).
# Debian's packages: nothing downloads a browser of its own. Idempotent; sourced by .ci/run.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# Browser tests skip where no browser is installed; in CI they must run, so a missing browser fails them.
export PARITY_REQUIRE_BROWSER=1
