#!/usr/bin/env bash
# Time and peak memory of `plancite extract` on each hostile file of tests/hostile.rs
# (HTML nested 15,000 and 100,000 deep, 3,000 unclosed tags, text dense with citations,
# a .docx and a PDF that unpack to gigabytes, a PDF font map of 4 G codes, 49 MB of
# newlines …), one process per file, with the release binary. Prints a table.
#
#   benches/hostile.sh [DIR]      # DIR keeps the files (default: a temporary folder)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-$(mktemp -d)}
PLANCITE_HOSTILE_OUT=$dir cargo test --quiet --test hostile hostile_files_are_read >/dev/null 2>&1
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-target}/release/plancite
printf '%-20s %9s %9s %11s  %s\n' "file" "size KB" "seconds" "peak MB" "outcome"
for f in "$dir"/*; do
  /usr/bin/time -f '%e %M' -o "$dir.time" "$bin" extract --json "$f" >/dev/null 2>"$dir.err" || true
  read -r seconds kb < <(tail -1 "$dir.time")
  outcome=$(sed "s|^$f: ||" "$dir.err" | head -1)
  printf '%-20s %9d %9s %11d  %s\n' "$(basename "$f")" $(($(stat -c %s "$f") / 1024)) "$seconds" $((kb / 1024)) "${outcome:-read}"
done
rm -f "$dir.time" "$dir.err"
