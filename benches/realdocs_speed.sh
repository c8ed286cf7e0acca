#!/usr/bin/env bash
# Single-request latency of the HTTP service on real documents: indexes an archive of
# real decrees (default ../shared/realarchive: 380 Official Gazette documents, 80 KB on
# average), starts `plancite serve` on a free loopback port and times one request at a
# time, RUNS times each: /api/search for the scale table's queries, and /api/plans/{id}
# of the largest document. Prints query, p50, p99 (milliseconds, curl's total time).
#
#   benches/realdocs_speed.sh [ARCHIVE_DIR]
#
# Environment: RUNS (200), QUERIES (space-separated, URL-encoded), BIN (a plancite
# binary to measure instead of building the release one), INDEX (an index of ARCHIVE_DIR
# already built, to serve instead of indexing again; benches/realscale.sh uses it).
# Traffic goes to 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh

archive=${1:-../shared/realarchive}
RUNS=${RUNS:-200}
QUERIES=${QUERIES:-"b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi %22th%C3%A1ng%20h%C3%A0nh%20%C4%91%E1%BB%99ng%22 lao%20%C4%91%E1%BB%99ng"}
[ -d "$archive" ] || { echo "no archive folder at $archive" >&2; exit 1; }

temp_work

if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet
  BIN=${CARGO_TARGET_DIR:-target}/release/plancite
fi

if [ -n "${INDEX:-}" ]; then
  index=$INDEX
else
  index=$work/index
  # Exit 1 only says some file was skipped (the archive's SOURCE.md); 2 is a failure.
  rc=0
  "$BIN" --index "$index" index "$archive" 2>"$work/index.log" >/dev/null || rc=$?
  [ "$rc" -le 1 ] || { cat "$work/index.log" >&2; exit 1; }
  tail -1 "$work/index.log"
fi

serve "$BIN" "$index" "$work/serve.log"

# The largest document of the archive that the index holds, by its text's size.
largest=
for file in $(find "$archive" -type f -printf '%s %p\n' | sort -rn | cut -d' ' -f2-); do
  id=$(basename "${file%.*}")
  if curl -fsS -o /dev/null "$url/api/plans/$id" 2>/dev/null; then
    largest=$id
    largest_bytes=$(stat -c %s "$file")
    break
  fi
done
[ -n "$largest" ] || { echo "no plan of $archive found in the index" >&2; exit 1; }

# p50 and p99 of RUNS single requests (one warm-up request first), in milliseconds.
time_path() {
  curl -fsS -o /dev/null "$url$1"
  for _ in $(seq 1 "$RUNS"); do
    curl -fsS -o /dev/null -w '%{time_total}\n' "$url$1"
  done | sort -n | awk '{ t[NR] = $1 * 1000 }
    END { p50 = t[int((NR - 1) * 0.50 + 1.5)]; p99 = t[int((NR - 1) * 0.99 + 1.5)];
          printf "%9.1f %9.1f\n", p50, p99 }'
}

echo "one request at a time, $RUNS runs each, on $(nproc) cores (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '\n%-64s %9s %9s\n' "request" "p50 ms" "p99 ms"
for q in $QUERIES; do
  printf '%-64s %s\n' "/api/search?q=$q" "$(time_path "/api/search?q=$q")"
done
printf '%-64s %s\n' "/api/plans/$largest ($((largest_bytes / 1024)) KB)" "$(time_path "/api/plans/$largest")"
