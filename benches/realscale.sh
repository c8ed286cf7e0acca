#!/usr/bin/env bash
# Scale benchmark on real documents (issue 15, item 5). Prints two tables.
#
#   benches/realscale.sh [DOCS] [WORKDIR] [TEMPLATES]
#       defaults: 20000 documents in /tmp/plancite-realscale, templates ../shared/realarchive
#
# Writes a deterministic archive of DOCS variants of the real Gazette documents (seed 1,
# `cargo bench --bench synth -- --templates TEMPLATES`: own number, date and place and a
# third of the cited numbers replaced, the rest as the Gazette printed it), indexes it
# with plain tantivy (one stored TEXT field, default tokenizer, same threads and memory
# budget) and then with plancite, and prints time, MB/s and peak RSS of each; then serves
# the plancite index and times single requests (benches/realdocs_speed.sh: /api/search
# for the scale table's queries and /api/plans/{id} of the largest document).
# Environment: RUNS (requests per path, 200), as benches/realdocs_speed.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
DOCS=${1:-20000}
WORK=${2:-/tmp/plancite-realscale}
TEMPLATES=${3:-../shared/realarchive}
ARCHIVE=$WORK/archive
mkdir -p "$WORK"

echo "building (release)…" >&2
cargo build --release --quiet
SYNTH=$(bench_exe synth); PLAIN=$(bench_exe plain_tantivy)

if [ ! -f "$WORK/archive.done-$DOCS" ]; then
  rm -rf "$ARCHIVE" "$WORK"/archive.done-*
  "$SYNTH" --plans "$DOCS" --seed 1 --templates "$TEMPLATES" --out "$ARCHIVE"
  touch "$WORK/archive.done-$DOCS"
fi
MB=$(du -sm --apparent-size "$ARCHIVE" | cut -f1)
# Warm the page cache so both indexers read from memory alike.
find "$ARCHIVE" -type f -exec cat {} + >/dev/null

measure() { # label, command…  → sets SECS and RSS_MB; exit 1 (files skipped) is accepted
  local label=$1; shift
  echo "measuring $label…" >&2
  local log=$WORK/time.log rc=0
  /usr/bin/time -v "$@" >"$WORK/out.log" 2>"$log" || rc=$?
  [ "$rc" -le 1 ] || { cat "$log" >&2; exit 1; }
  SECS=$(python3 -c 'import sys,re
t=re.search(r"Elapsed \(wall clock\) time.*: (.*)", open(sys.argv[1]).read()).group(1).split(":")
print(round(sum(float(x)*60**i for i,x in enumerate(reversed(t))),2))' "$log")
  RSS_MB=$(awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$log")
  echo "  $label: $SECS s, peak RSS $RSS_MB MB" >&2
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf "$WORK/plain-index"
measure plain "$PLAIN" --dir "$ARCHIVE" --index "$WORK/plain-index"
PLAIN_S=$SECS; PLAIN_RSS=$RSS_MB
rm -rf "$WORK/index"
measure plancite target/release/plancite index "$ARCHIVE" --index "$WORK/index"
PC_S=$SECS; PC_RSS=$RSS_MB
SUMMARY=$(grep -m1 '^indexed' "$WORK/time.log" || echo "plancite printed no summary")

echo
echo "$DOCS documents made from $TEMPLATES, $MB MB; plancite: $SUMMARY"
echo "$(nproc) cores, load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$MB" "$PC_S" "$PLAIN_S" "$PC_RSS" "$PLAIN_RSS" <<'PY'
import sys
mb, pc, plain, pc_rss, plain_rss = sys.argv[1:]
mb, pc, plain = float(mb), float(pc), float(plain)
print(f"| measure | value |")
print(f"|---|---:|")
print(f"| plancite index | {pc:.1f} s = {mb/pc:.1f} MB/s |")
print(f"| plain tantivy index | {plain:.1f} s = {mb/plain:.1f} MB/s |")
print(f"| ratio plancite / plain | {plain/pc:.2f} |")
print(f"| peak RSS plancite / plain | {pc_rss} MB / {plain_rss} MB |")
PY
echo
BIN=target/release/plancite INDEX=$WORK/index benches/realdocs_speed.sh "$ARCHIVE"
