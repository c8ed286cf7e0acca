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
. benches/lib.sh

CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
DURATION=${DURATION:-10s}
QUERIES=${QUERIES:-"binh%20dang%20gioi th%C3%A1ng%20h%C3%A0nh%20%C4%91%E1%BB%99ng %22bao%20l%E1%BB%B1c%20gia%20%C4%91%C3%ACnh%22&year=2022"}

need_wrk

temp_work

cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/plancite

index=${1:-$work/index}
if [ -n "${1:-}" ] && [ ! -f "$index/meta.json" ]; then
  echo "no index at $index" >&2
  exit 1
fi

serve "$bin" "$index" "$work/serve.log"
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
