#!/usr/bin/env bash
# The layout rules of ARCHITECTURE.md that a script can check: its rules of dependency
# (.ci/check_rules.py), no import cycle between
# files or between top-level modules, no file under src/ longer than 900 lines, and every
# Rust file under src/ opening with a `//!` paragraph.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
python3 .ci/check_cycles.py --folders src || status=1
python3 .ci/check_rules.py || status=1
while IFS= read -r -d '' file; do
  lines=$(wc -l <"$file")
  if [ "$lines" -gt 900 ]; then
    echo "$file: $lines lines (at most 900: split it by concept)" >&2
    status=1
  fi
  if ! head -1 "$file" | grep -q '^//!'; then
    echo "$file: does not open with a //! paragraph" >&2
    status=1
  fi
done < <(find src -name '*.rs' -print0)
exit $status
