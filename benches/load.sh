#!/usr/bin/env bash
# Load benchmark of the HTTP service: builds the release binary, starts `plancite serve`
# on a free loopback port, runs wrk against /api/search, and prints a table.
#
#   benches/load.sh [INDEX_PATH]
#
# INDEX_PATH: an existing index to serve (e.g. a large synthetic archive); without it a
# fresh index of the bundled corpus/ is built in a temporary folder.
# Environment: CONNECTIONS (8), THREADS (2), DURATION (10s), QUERIES (space-separated,
# URL-encoded queries; each gets its own run).
# Traffic goes to 127.0.0.1 only; every run stops by itself after DURATION.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
DURATION=${DURATION:-10s}
QUERIES=${QUERIES:-"binh%20dang%20gioi th%C3%A1ng%20h%C3%A0nh%20%C4%91%E1%BB%99ng %22bao%20l%E1%BB%B1c%20gia%20%C4%91%C3%ACnh%22&year=2022"}

if ! command -v wrk >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "wrk is missing: apt-get install wrk" >&2
    exit 1
  fi
fi

work=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/plancite

index=${1:-$work/index}
if [ -n "${1:-}" ] && [ ! -f "$index/meta.json" ]; then
  echo "no index at $index" >&2
  exit 1
fi

"$bin" --index "$index" serve --addr 127.0.0.1:0 2>"$work/serve.log" &
server_pid=$!
url=
for _ in $(seq 1 600); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1 || true)
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "plancite serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
plans=$(curl -fsS "$url/healthz" | grep -o '"plans":[0-9]*' | cut -d: -f2)

# wrk's Lua hook prints the figures in a fixed form, so the table does not depend on
# wrk's human-readable units.
cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, errors))
end
LUA

echo "plancite serve at $url: $plans plans; wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
printf '\n%-64s %10s %9s %9s %9s %7s\n' "query" "req/s" "p50 ms" "p99 ms" "max ms" "errors"
total_errors=0
for q in $QUERIES; do
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/report.lua" \
    "$url/api/search?q=$q" | grep '^RESULT')
  read -r _ requests rps p50 p99 max errors <<<"$line"
  printf '%-64s %10s %9s %9s %9s %7s\n' "/api/search?q=$q" "$rps" "$p50" "$p99" "$max" "$errors"
  total_errors=$((total_errors + errors))
done
echo
if [ "$total_errors" -ne 0 ]; then
  echo "errors: $total_errors (must be 0)" >&2
  exit 1
fi
echo "errors: 0"
