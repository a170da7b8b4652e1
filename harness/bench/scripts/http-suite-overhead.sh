#!/usr/bin/env bash
# Issue 13, target 5 (HTTP): Parity's cost on an HTTP suite against a minimal curl-based baseline.
#
# Two servers on loopback ports (python3 -m http.server, one per side, both serving the same folder
# of CASES small JSON documents), started by this script and stopped when it exits.
# The suite: CASES cases, each GET /doc-N.json on both sides (`url:` implementations, so Parity does
#            not start them either), comparing status and body (http.server's Date header changes).
# Baseline: xargs -P <cores> (Parity's default -j), one `sh` per case running curl on each side
#           and comparing status and body; no reports, no normalization.
# Measured: `parity compare --runs 1` (one request per side, like the baseline) and `parity compare`
#           (--runs 2: one extra legacy request per case, to find noise).
# All three run side by side in one hyperfine invocation; the script prints the ratios.
# PARITY_BEFORE_HOME=folder adds `parity compare --runs 1` of the ./parity in that folder (a build
#   of another commit), side by side, for A/B of a change; PARITY_HTTP_START=1 makes Parity start
#   the two servers itself (`start:` implementations, one python3 http.server per side and run)
#   instead of using the script's (`url:`), so the cost of watching started servers is included.
# Usage: harness/bench/scripts/http-suite-overhead.sh [CASES=500] [RUNS=5]   (needs curl, hyperfine)
set -euo pipefail
cases=${1:-500}
runs=${2:-5}
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/docs" "$work/fixtures/http"
for i in $(seq "$cases"); do
  printf '{"id": %d, "name": "document %d", "tags": ["a", "b", "%d"]}\n' "$i" "$i" "$i" >"$work/docs/doc-$i.json"
done
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
serve() { # serve PORT: python3 -m http.server on 127.0.0.1:PORT, until it answers
  (cd "$work/docs" && exec python3 -m http.server --bind 127.0.0.1 "$1" >/dev/null 2>&1) &
  pids+=($!)
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$1/doc-1.json" && return 0; sleep 0.1; done
  echo "server on port $1 did not start" >&2
  exit 2
}
legacy_port=$(free_port)
serve "$legacy_port"
candidate_port=$(free_port)
serve "$candidate_port"

{
  echo "name: http"
  if [ -n "${PARITY_HTTP_START:-}" ]; then
    for side in legacy candidate; do
      echo "$side: {start: [python3, -m, http.server, --bind, 127.0.0.1, --directory, \"$work/docs\", \"{port}\"], ready: /doc-1.json}"
    done
  else
    echo "legacy: {url: \"http://127.0.0.1:$legacy_port\"}"
    echo "candidate: {url: \"http://127.0.0.1:$candidate_port\"}"
  fi
  echo "compare: [status, body]"
  echo "cases:"
  for i in $(seq "$cases"); do echo "  - {id: doc/$i, request: {path: /doc-$i.json}}"; done
} >"$work/fixtures/http/suite.yaml"
seq "$cases" >"$work/ids"
cat >"$work/baseline.sh" <<SH
#!/bin/sh
# One case: status and body of each side, compared.
a=\$(curl -s -w '%{http_code}' "http://127.0.0.1:$legacy_port/doc-\$1.json")
b=\$(curl -s -w '%{http_code}' "http://127.0.0.1:$candidate_port/doc-\$1.json")
[ "\$a" = "\$b" ] || echo "differs: doc/\$1"
SH
chmod +x "$work/baseline.sh"

echo "HTTP suite: $cases GET requests per side to python3 -m http.server on loopback; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 1 --runs "$runs" --export-json "$work/result.json" \
  -n "baseline: xargs -P $(nproc) + curl" "xargs -P $(nproc) -n 1 $work/baseline.sh <$work/ids" \
  -n "parity compare --runs 1" "$here/parity compare $work/fixtures/http --runs 1 --out $work/out1" \
  -n "parity compare (--runs 2)" "$here/parity compare $work/fixtures/http --out $work/out2" \
  ${PARITY_BEFORE_HOME:+-n "parity compare --runs 1 (before: $PARITY_BEFORE_HOME)"} \
  ${PARITY_BEFORE_HOME:+"$PARITY_BEFORE_HOME/parity compare $work/fixtures/http --runs 1 --out $work/before1"}
python3 - "$work/result.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f"{x['command'][:60]:<60} median {x['median']:7.2f} s  user+sys {x['user'] + x['system']:6.2f} s  ratio {x['median'] / base:5.2f}x")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
