# Sourced by .ci/run: nginx, so that the routing test of ci/nginx-map.py runs real nginx in front of two
# upstreams. Idempotent. Where nginx is missing that test skips; in CI it must run, so a missing nginx fails it.
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx-light"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light) \
    >/tmp/parity-nginx-install.log 2>&1 || { cat /tmp/parity-nginx-install.log >&2; return 1; }
fi
export PARITY_REQUIRE_NGINX=1
