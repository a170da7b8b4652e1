# Sourced by .ci/run: nginx, so that the test of ci/nginx-map.py can check the generated map with `nginx -t`.
# Idempotent; without nginx that check is skipped (the generated text is still pinned).
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx-light"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx-light) >/tmp/parity-nginx-install.log 2>&1 \
    || echo "warning: nginx could not be installed (see /tmp/parity-nginx-install.log); its check will be skipped"
fi
