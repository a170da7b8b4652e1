# chrome-har (npm, MIT, sitespeed.io): turns real Chromium's DevTools Network events into a HAR for
# the HAR import's browser test (harness/report-browser-tests, HarCaptureBrowserTests). Pinned with
# integrity hashes by the folder's package-lock.json. Idempotent; sourced by .ci/run after
# 20-chromium.sh, whose PARITY_REQUIRE_BROWSER=1 makes a missing converter fail that test.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
npm ci --prefix harness/report-browser-tests/src/test/har-capture --no-audit --no-fund --loglevel=error >/dev/null
