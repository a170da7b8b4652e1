# Sourced by .ci/run: makes sure a Docker engine runs, so the container tests run instead of skipping.
# Idempotent. No image can be pulled on these machines: tests build their images locally FROM scratch
# with the static busybox installed here.
case ":$PATH:" in *:/usr/sbin:*) ;; *) export PATH="$PATH:/usr/sbin:/sbin" ;; esac
if ! command -v dockerd >/dev/null 2>&1 || [ ! -x /bin/busybox ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io busybox-static >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
  # Another step (or another user of this machine) may be starting it already.
  pgrep -x dockerd >/dev/null 2>&1 || (dockerd >/tmp/dockerd.log 2>&1 &)
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { echo "ci/setup: dockerd did not start, see /tmp/dockerd.log" >&2; tail -20 /tmp/dockerd.log >&2; return 1; }
fi
# Ryuk's image cannot be pulled; without the host override Testcontainers pulls an image to find the gateway.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=localhost
# CI must run the container tests: they fail instead of skipping when no engine is reachable.
export PARITY_REQUIRE_DOCKER=1
