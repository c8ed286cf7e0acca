#!/usr/bin/env bash
# Scale benchmark (issue: batch indexing at archive scale). Prints one table.
#
#   benches/scale.sh [PLANS] [WORKDIR]      defaults: 100000 plans in /tmp/plancite-scale
#
# BIN_DIR=DIR runs executables already built (DIR/plancite, DIR/synth, DIR/plain_tantivy,
# DIR/latency) instead of building this checkout, to compare two builds on one archive.
#
# On the same synthetic archive (deterministic, seed 1) it measures: plancite index time
# and MB/s, plain tantivy (one stored TEXT field, default tokenizer, same threads and
# memory budget) time and MB/s, their ratio, plancite's peak RSS, the time to `add` one
# plan to the full index, search and cites latency (p50/p99), and grep/rg time to answer
# the same cites question with how many plans each finds.
set -euo pipefail
cd "$(dirname "$0")/.."
. benches/lib.sh
PLANS=${1:-100000}
WORK=${2:-/tmp/plancite-scale}
ARCHIVE=$WORK/archive
mkdir -p "$WORK"

command -v rg >/dev/null || { apt-get update -qq && apt-get install -y -qq ripgrep >/dev/null; } || true

if [ -n "${BIN_DIR:-}" ]; then
  PLANCITE=$BIN_DIR/plancite SYNTH=$BIN_DIR/synth PLAIN=$BIN_DIR/plain_tantivy LATENCY=$BIN_DIR/latency
else
  echo "building (release)…" >&2
  cargo build --release --quiet
  PLANCITE=target/release/plancite
  SYNTH=$(bench_exe synth); PLAIN=$(bench_exe plain_tantivy); LATENCY=$(bench_exe latency)
fi

if [ ! -f "$WORK/archive.done-$PLANS" ]; then
  rm -rf "$ARCHIVE"; "$SYNTH" --plans "$PLANS" --seed 1 --out "$ARCHIVE"; touch "$WORK/archive.done-$PLANS"
fi
MB=$(du -sm --apparent-size "$ARCHIVE" | cut -f1)
# Warm the page cache so both indexers read from memory alike.
find "$ARCHIVE" -type f -exec cat {} + >/dev/null

measure() { # label, command…  → sets SECS and RSS_MB
  local label=$1; shift
  echo "measuring $label…" >&2
  local log=$WORK/time.log
  /usr/bin/time -v "$@" >"$WORK/out.log" 2>"$log" || { cat "$log" >&2; exit 1; }
  SECS=$(python3 -c 'import sys,re
t=re.search(r"Elapsed \(wall clock\) time.*: (.*)", open(sys.argv[1]).read()).group(1).split(":")
print(round(sum(float(x)*60**i for i,x in enumerate(reversed(t))),2))' "$log")
  RSS_MB=$(awk '/Maximum resident set size/ {printf "%.0f", $6/1024}' "$log")
  echo "  $label: $SECS s, peak RSS $RSS_MB MB" >&2
}

rm -rf "$WORK/plain-index"
measure plain "$PLAIN" --dir "$ARCHIVE" --index "$WORK/plain-index"
PLAIN_S=$SECS; PLAIN_RSS=$RSS_MB
rm -rf "$WORK/index"
measure plancite "$PLANCITE" index "$ARCHIVE" --index "$WORK/index" --quiet
PC_S=$SECS; PC_RSS=$RSS_MB

NEW=$WORK/new-plan.txt
"$SYNTH" --plans 1 --seed 999 --out "$WORK/one" >/dev/null 2>&1
cp "$(find "$WORK/one" -name '*.txt' | head -1)" "$NEW"
measure add "$PLANCITE" add "$NEW" --index "$WORK/index" --quiet
ADD_S=$SECS

LAT=$("$LATENCY" --index "$WORK/index" --runs "${RUNS:-200}")

KEY_LITERAL="125/2021/NĐ-CP"
measure grep grep -rlF "$KEY_LITERAL" "$ARCHIVE"
GREP_S=$SECS; GREP_N=$(wc -l <"$WORK/out.log")
if command -v rg >/dev/null; then
  measure rg rg -l -F "$KEY_LITERAL" "$ARCHIVE"
  RG_S=$SECS; RG_N=$(wc -l <"$WORK/out.log")
else
  RG_S=n/a; RG_N=n/a
fi
PC_N=$("$PLANCITE" cites "$KEY_LITERAL" --json --index "$WORK/index" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

python3 - "$PLANS" "$MB" "$PC_S" "$PLAIN_S" "$PC_RSS" "$PLAIN_RSS" "$ADD_S" "$GREP_S" "$GREP_N" "$RG_S" "$RG_N" "$PC_N" <<'PY'
import sys
plans, mb, pc, plain, pc_rss, plain_rss, add, grep_s, grep_n, rg_s, rg_n, pc_n = sys.argv[1:]
mb, pc, plain = float(mb), float(pc), float(plain)
print(f"| measure | value |")
print(f"|---|---:|")
print(f"| plans / archive size | {int(plans):,} / {mb:,.0f} MB |")
print(f"| plancite index | {pc:.1f} s = {mb/pc:.1f} MB/s |")
print(f"| plain tantivy index | {plain:.1f} s = {mb/plain:.1f} MB/s |")
print(f"| ratio plancite / plain (target ≥ 0.5) | {plain/pc:.2f} |")
print(f"| peak RSS plancite / plain (target < 1024 MB) | {pc_rss} MB / {plain_rss} MB |")
print(f"| add one plan to the full index (target < 1 s) | {float(add):.2f} s |")
print(f"| grep -rlF 125/2021/NĐ-CP | {grep_s} s, {grep_n} plans |")
print(f"| rg -l -F 125/2021/NĐ-CP | {rg_s} s, {rg_n} plans |")
print(f"| plancite cites 125/2021/NĐ-CP | {pc_n} plans |")
PY
echo
echo "$LAT"
