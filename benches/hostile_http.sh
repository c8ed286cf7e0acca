#!/usr/bin/env bash
# The HTTP service under hostile load: search latency with and without expensive
# questions running beside it, slow clients, and a foreign Host header. Prints a table.
#
#   benches/hostile_http.sh INDEX_PATH
#
# INDEX_PATH: an index to serve, e.g. 3,000 synthetic plans:
#   cargo bench --bench synth -- --plans 3000 --seed 1 --out /tmp/synth3000
#   target/release/plancite --index /tmp/idx3000 index /tmp/synth3000 --quiet
# Environment: DURATION (30s), CONNECTIONS (64), TRACES (8 concurrent /api/trace?q=*),
# SLOW (64 slow clients), QUERY (URL-encoded search).
# Traffic goes to 127.0.0.1 only; every part stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh

DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
TRACES=${TRACES:-8}
SLOW=${SLOW:-64}
QUERY=${QUERY:-"binh%20dang%20gioi"}
index=${1:?usage: benches/hostile_http.sh INDEX_PATH}
[ -f "$index/meta.json" ] || { echo "no index at $index" >&2; exit 1; }

need_wrk

work=$(mktemp -d)
server_pid=
trace_pid=
cleanup() {
  if [ -n "$trace_pid" ]; then kill "$trace_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/plancite
serve "$bin" "$index" "$work/serve.log"
plans=$(curl -fsS "$url/healthz" | grep -o '"plans":[0-9]*' | cut -d: -f2)

cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %d %d %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors,
    summary.errors.status, summary.errors.timeout))
end
LUA

search() {
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/report.lua" \
    "$url/api/search?q=$QUERY" | grep '^RESULT'
}

echo "plancite serve at $url: $plans plans; wrk -t2 -c$CONNECTIONS -d$DURATION on /api/search?q=$QUERY"
printf '\n%-44s %9s %9s %9s %9s %7s\n' "run" "req/s" "p50 ms" "p99 ms" "max ms" "errors"
read -r _ _ rps p50 base_p99 max errors _ <<<"$(search)"
printf '%-44s %9s %9s %9s %9s %7s\n' "search alone" "$rps" "$p50" "$base_p99" "$max" "$errors"
total_errors=$errors

# $TRACES clients asking /api/trace?q=* over and over while search is measured again.
wrk -t1 -c"$TRACES" -d"$DURATION" --timeout 30s -s "$work/report.lua" "$url/api/trace?q=*" \
  >"$work/trace.out" 2>&1 &
trace_pid=$!
read -r _ _ rps p50 p99 max errors _ <<<"$(search)"
printf '%-44s %9s %9s %9s %9s %7s\n' "search with $TRACES traces running" "$rps" "$p50" "$p99" "$max" "$errors"
total_errors=$((total_errors + errors))
wait "$trace_pid" || true
trace_pid=
read -r _ trequests _ _ _ _ _ tstatus ttimeouts <<<"$(grep '^RESULT' "$work/trace.out")"
echo "the $TRACES trace clients meanwhile: $((trequests - tstatus)) traces answered, $tstatus refused (503), $ttimeouts still running at the end"
ratio=$(awk -v a="$p99" -v b="$base_p99" 'BEGIN { printf "%.2f", a / b }')
echo
echo "search p99 with traces / alone: $ratio (goal <= 2)"

# Slow clients: each sends part of its headers and then nothing.
python3 - "$url" "$SLOW" <<'PY'
import socket, sys, time
host, port = sys.argv[1].rsplit("/", 1)[-1].split(":")
n = int(sys.argv[2])
started = time.time()
socks = []
for _ in range(n):
    s = socket.create_connection((host, int(port)))
    s.sendall(b"GET /api/search?q=x HTTP/1.1\r\nHost: localhost\r\n")
    socks.append(s)
closed = []
for s in socks:
    s.settimeout(60)
    try:
        while s.recv(1024):
            pass
    except OSError:
        pass
    closed.append(time.time() - started)
print(f"{n} slow clients: all dropped after {min(closed):.1f}-{max(closed):.1f} s")
PY
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: evil.example' "$url/healthz")
echo "Host: evil.example -> $status"
status=$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")
echo "Host: $(echo "$url" | cut -d/ -f3) -> $status"
if [ "$total_errors" -ne 0 ]; then
  echo "search errors: $total_errors (must be 0)" >&2
  exit 1
fi
