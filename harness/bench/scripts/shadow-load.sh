#!/usr/bin/env bash
# Issue 16, load: the latency `parity shadow` adds to a client, and whether its memory stays flat.
#
# Two servers on loopback ports (a JDK HttpServer each, launched from a single Java source file:
# python3's http.server cannot take the 3 requests per client request a shadow sends to them; with
# sun.net.httpserver.nodelay, as the proxy sets it, else delayed ACKs add 40 ms to each answer), a
# suite with `legacy: {url:}` and `candidate: {url:}`, and `parity shadow` in front of legacy.
#
# Load: h2load (Debian package nghttp2-client) over HTTP/1.1 at a constant rate: CLIENTS
# connections, each sending RATE/CLIENTS requests a second on its own timer (--rps), whatever the
# answers' latency, for SECONDS seconds after a 2 s warm-up; first straight to legacy, then through
# the proxy, REPEAT times alternating, so both see the same machine load. Why h2load and not wrk:
# wrk is closed-loop (a connection sends its next request only after the previous answer, and a
# Lua delay() adds to that), so a slower target is simply offered fewer requests (an earlier run
# reached 298 of 500 requests/s) and its latency looks better than it is; h2load's --rps keeps the
# offered rate (requests that fall behind are sent as soon as the connection is free, so the rate
# is still met on average). Neither corrects for coordinated omission as wrk2 does (wrk2 is not
# packaged by Debian): a request delayed behind a slow one is timed from when it was sent.
# Latency percentiles come from h2load's per-request log (--log-file), not its summary.
#
# Prints, per run: requests sent and the rate reached, non-2xx answers, p50/p90/p99/max; per round
# the p99 the proxy adds (proxy p99 - direct p99) and the proxy's CPU time (user + system) in its
# run; the proxy's resident memory at start, middle and end (every 5 s in full); the shadow's counts
# (compared, dropped from comparison because the queue was full, legacy errors); the proxy's
# threads by nice value (the comparisons run at 19);
# the load average and the busiest processes before and after.
#
# Usage: harness/bench/scripts/shadow-load.sh [RATE=500] [SECONDS=30] [REPEAT=2]
#   needs: h2load (apt-get install -y nghttp2-client, or source ci/setup/32-h2load.sh) and a built
#   parity (mvn -q -B package -DskipTests). PARITY_JAVA_OPTS is passed to the proxy's JVM (e.g.
#   -Xmx256m); SHADOW_OPTS is added to `parity shadow`'s options (e.g. "--workers 1");
#   SHADOW_JFR=FILE records a JFR profile of the proxy into FILE; SHADOW_POST=1 sends POSTs instead,
#   which the proxy forwards but does not compare (no allowSideEffects): the proxy's own cost.
set -euo pipefail
rate=${1:-500}
seconds=${2:-30}
repeat=${3:-2}
clients=10
here=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
if ! command -v h2load >/dev/null; then
  echo "h2load is missing: apt-get install -y nghttp2-client (Debian's package of h2load), or source ci/setup/32-h2load.sh" >&2
  exit 2
fi
if [ $((rate % clients)) -ne 0 ] || [ "$rate" -lt "$clients" ]; then
  echo "RATE [$rate] must be a multiple of $clients (the connections; each sends RATE/$clients requests a second)" >&2
  exit 2
fi
[ -f "$here/harness/cli/target/parity.jar" ] || { echo "parity is not built: mvn -q -B package -DskipTests" >&2; exit 2; }

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
jfr=""
if [ -n "${SHADOW_JFR:-}" ]; then
  jfr="-XX:StartFlightRecording=filename=$SHADOW_JFR,settings=profile,dumponexit=true"
fi
PARITY_JAVA_OPTS="${PARITY_JAVA_OPTS:-} $jfr" "$here/parity" shadow "$work/fixtures/shadow" \
  --listen "127.0.0.1:$proxy_port" --out "$work/out" ${SHADOW_OPTS:-} >"$work/shadow.log" 2>&1 &
proxy_pid=$!
pids+=($proxy_pid)
# The launcher execs the JVM: $proxy_pid is the proxy's JVM, whose memory is sampled.
await_port "$proxy_port" /_parity
# The port answers a moment before the console says so: wait for its lines (warmed up, listening).
for _ in $(seq 1 100); do grep -q "listening on" "$work/shadow.log" && break; sleep 0.05; done
grep -h "warmed up" "$work/shadow.log" || echo "parity shadow: no warm-up (${SHADOW_OPTS:-})"
echo '{"q":1}' >"$work/body.json"
for i in $(seq 1 200); do echo "http://127.0.0.1:PORT/api/item/$i"; done >"$work/uris.template"

machine() {
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; busiest processes (%CPU since start):"
  ps -eo pcpu=,comm= --sort=-pcpu | head -5 | sed 's/^/    /'
}
echo "== parity shadow ${SHADOW_OPTS:-} (PARITY_JAVA_OPTS: ${PARITY_JAVA_OPTS:-none}), $rate ${SHADOW_POST:+POST (not compared) }requests/s for $seconds s, $repeat rounds"
echo "== before"
machine
(
  start=$(date +%s)
  while kill -0 "$proxy_pid" 2>/dev/null; do
    echo "$(($(date +%s) - start)) $(ps -o rss= -p "$proxy_pid" 2>/dev/null | tr -d ' ')"
    sleep 5
  done
) >"$work/rss.txt" &
pids+=($!)

# run TARGET PORT ROUND: h2load at the constant rate; prints one line and leaves the log.
run() {
  sed "s/PORT/$2/" "$work/uris.template" >"$work/uris-$1.txt"
  post=()
  [ -n "${SHADOW_POST:-}" ] && post=(-d "$work/body.json")
  h2load --h1 -t 1 -c "$clients" --rps $((rate / clients)) -D "$seconds" --warm-up-time=2 "${post[@]}" \
    -i "$work/uris-$1.txt" --log-file="$work/log-$1-$3.tsv" >"$work/h2load-$1-$3.txt" 2>&1 ||
    { cat "$work/h2load-$1-$3.txt" >&2; exit 2; }
  python3 - "$work/log-$1-$3.tsv" "$seconds" "$rate" "$1" "$3" <<'PY'
import sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
seconds, rate, target, round_ = float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
lat = sorted(int(r[2]) / 1000 for r in rows)
bad = sum(1 for r in rows if not r[1].startswith("2"))
statuses = sorted({r[1] for r in rows if not r[1].startswith("2")})
def pct(p):
    return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] if lat else float("nan")
print(f"round {round_} {target:6}: {len(rows)} requests in {seconds:.0f} s = {len(rows) / seconds:.0f}/s"
      f" (offered {rate}/s), {bad} not 2xx{' (' + ', '.join(statuses) + ')' if bad else ''}; p50 {pct(50):.2f} ms, p90 {pct(90):.2f} ms,"
      f" p99 {pct(99):.2f} ms, max {lat[-1] if lat else float('nan'):.2f} ms")
open(sys.argv[1] + ".p99", "w").write(f"{pct(99):.3f}\n")
PY
}
rss() { ps -o rss= -p "$proxy_pid" | tr -d ' '; }
# cpu_ms: the proxy's CPU time so far (user + system, all its threads), in milliseconds.
cpu_ms() {
  local stat
  stat=$(cat "/proc/$proxy_pid/stat")
  stat=${stat##*) }
  echo $(( ($(echo "$stat" | cut -d' ' -f12) + $(echo "$stat" | cut -d' ' -f13)) * 1000 / $(getconf CLK_TCK) ))
}
for round in $(seq "$repeat"); do
  run direct "$legacy_port" "$round"
  before=$(rss)
  cpu_before=$(cpu_ms)
  run proxy "$proxy_port" "$round"
  echo "round $round: proxy resident memory $before KiB before its run, $(rss) KiB after; proxy CPU in its run $(($(cpu_ms) - cpu_before)) ms (user + system)"
  direct=$(cat "$work/log-direct-$round.tsv.p99")
  proxied=$(cat "$work/log-proxy-$round.tsv.p99")
  echo "round $round: p99 added by the proxy: $(awk -v a="$proxied" -v b="$direct" 'BEGIN { printf "%.2f", a - b }') ms (target: at most 5 ms at 500/s)"
done
echo "== after"
machine
awk '{ print $2 }' "$work/rss.txt" >"$work/rss-kib.txt"
n=$(wc -l <"$work/rss-kib.txt")
echo "proxy resident memory over the whole run: start $(sed -n 1p "$work/rss-kib.txt") KiB, middle $(sed -n "$(((n + 1) / 2))p" "$work/rss-kib.txt") KiB, end $(sed -n "${n}p" "$work/rss-kib.txt") KiB ($n samples, every 5 s: $(tr '\n' ' ' <"$work/rss-kib.txt"))"
# Which of the proxy's threads run at the lowest CPU priority (nice 19: the comparisons, the
# verdict's writer and the threads they started, such as the candidate's HTTP client).
echo "proxy threads: $(for task in /proc/"$proxy_pid"/task/*; do
  stat=$(cat "$task/stat" 2>/dev/null) || continue
  rest=${stat##*) }
  echo "$(echo "$rest" | cut -d' ' -f17) $(sed 's/-*[0-9]*$//' "$task/comm")"
done | sort | uniq -c | awk '$2 == 19 { low = low sep19 $3 " x" $1; sep19 = ", " }
  $2 != 19 { others += $1; nice = $2 }
  END { printf "at nice 19: %s; %d others at nice %s", low, others, nice }')"
curl -s "http://127.0.0.1:$proxy_port/_parity/verdict.json" |
  python3 -c 'import json, sys; v = json.load(sys.stdin); print("shadow:", v["reasons"][0]); print("shadow decision:", v["decision"], "(the candidate differs on ids ending in 0: legacy is right)")'
if [ -n "${SHADOW_JFR:-}" ]; then
  kill -TERM "$proxy_pid"
  wait "$proxy_pid" 2>/dev/null || true
  echo "JFR profile of the proxy: $SHADOW_JFR (jfr print --events jdk.ExecutionSample $SHADOW_JFR)"
fi
