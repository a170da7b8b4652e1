#!/usr/bin/env bash
# Issue 16, load: the latency `parity shadow` adds to a client, and whether its memory stays flat.
#
# Two servers on loopback ports (a JDK HttpServer each, launched from a single Java source file:
# python3's http.server cannot take the 3 requests per client request a shadow sends to them; with
# sun.net.httpserver.nodelay, as the proxy sets it, else delayed ACKs add 40 ms to each answer), a
# suite with `legacy: {url:}` and `candidate: {url:}`, and `parity shadow` in front of legacy.
# Load: wrk (Debian package `wrk`) at a fixed rate, RATE requests/s for SECONDS seconds (a Lua
# delay() per connection paces it: CONNECTIONS connections, each waiting CONNECTIONS*1000/RATE ms
# between requests), first straight to legacy, then through the proxy, REPEAT times alternating,
# so both see the same machine load. Prints wrk's latency percentiles, the p99 the proxy adds, the
# proxy's resident memory every 5 s, and the load average before and after.
# Usage: harness/bench/scripts/shadow-load.sh [RATE=500] [SECONDS=30] [REPEAT=2]
#        (needs wrk: apt-get install -y wrk; and a built parity: mvn -q -B package -DskipTests)
set -euo pipefail
rate=${1:-500}
seconds=${2:-30}
repeat=${3:-2}
connections=10
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

cat >"$work/Server.java" <<'JAVA'
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/** GET /api/item/N answers a small JSON document; the candidate's differs for N divisible by 10. */
public class Server {
  public static void main(String[] args) throws Exception {
    boolean candidate = args[1].equals("candidate");
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 512);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String id = path.substring(path.lastIndexOf('/') + 1);
      String name = candidate && id.endsWith("0") ? "Item " + id : "item " + id;
      byte[] body = ("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"tags\":[\"a\",\"b\"]}")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }
}
JAVA
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
await_port() { # await_port PORT PATH
  for _ in $(seq 300); do curl -s -o /dev/null "http://127.0.0.1:$1$2" && return 0; sleep 0.1; done
  echo "nothing answered on port $1" >&2
  exit 2
}
legacy_port=$(free_port)
candidate_port=$(free_port)
proxy_port=$(free_port)
java -Dsun.net.httpserver.nodelay=true "$work/Server.java" "$legacy_port" legacy &
pids+=($!)
java -Dsun.net.httpserver.nodelay=true "$work/Server.java" "$candidate_port" candidate &
pids+=($!)
await_port "$legacy_port" /api/item/1
await_port "$candidate_port" /api/item/1

mkdir -p "$work/fixtures/shadow"
cat >"$work/fixtures/shadow/suite.yaml" <<YAML
name: shadow
legacy:
  url: http://127.0.0.1:$legacy_port
candidate:
  url: http://127.0.0.1:$candidate_port
cases:
  - id: one
    request: {path: /api/item/1}
YAML
"$here/parity" shadow "$work/fixtures/shadow" --listen "127.0.0.1:$proxy_port" \
  --out "$work/out" >"$work/shadow.log" 2>&1 &
proxy_pid=$!
pids+=($proxy_pid)
await_port "$proxy_port" /_parity

# Each connection sends one request, then waits: connections * 1000 / rate ms between its requests.
cat >"$work/pace.lua" <<LUA
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/api/item/" .. counter)
end
function delay()
  return $((connections * 1000 / rate))
end
LUA

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
(
  while kill -0 "$proxy_pid" 2>/dev/null; do
    echo "$(date +%s) $(ps -o rss= -p "$proxy_pid" 2>/dev/null | tr -d ' ')"
    sleep 5
  done
) >"$work/rss.txt" &
pids+=($!)

p99() { awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } print v }' "$1"; }
for round in $(seq "$repeat"); do
  for target in direct proxy; do
    port=$legacy_port
    [ "$target" = proxy ] && port=$proxy_port
    wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/pace.lua" \
      "http://127.0.0.1:$port" >"$work/wrk-$target-$round.txt"
    echo "== round $round, $target ($(grep 'Requests/sec' "$work/wrk-$target-$round.txt"))"
    grep -E '^\s+(50|90|99)%' "$work/wrk-$target-$round.txt"
    grep -E 'Socket errors|Non-2xx' "$work/wrk-$target-$round.txt" || true
  done
  direct=$(p99 "$work/wrk-direct-$round.txt")
  proxied=$(p99 "$work/wrk-proxy-$round.txt")
  echo "round $round: p99 direct ${direct} ms, through the proxy ${proxied} ms, added $(awk -v a="$proxied" -v b="$direct" 'BEGIN { printf "%.2f", a - b }') ms"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "proxy resident memory (KiB) every 5 s: $(awk '{ print $2 }' "$work/rss.txt" | tr '\n' ' ')"
curl -s "http://127.0.0.1:$proxy_port/_parity/verdict.json" |
  python3 -c 'import json, sys; v = json.load(sys.stdin); print("shadow verdict:", v["decision"], "|", v["reasons"][0])'
