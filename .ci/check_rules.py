#!/usr/bin/env python3
"""The rules of dependency in ARCHITECTURE.md, checked against the code.

Reads the code block under "## Rules of dependency" (lines `a, b   may use: x, y::z`,
continued on indented lines; text in parentheses is commentary) and every edge between
top-level modules that `.ci/check_cycles.py --edges` finds, and reports each edge the
block does not allow. A module the block does not name may use nothing. Exit status 1
when an edge breaks a rule, so ARCHITECTURE.md stays true.
"""

import re
import subprocess
import sys

doc = open("ARCHITECTURE.md", encoding="utf-8").read()
block = doc.split("## Rules of dependency", 1)[1].split("```", 2)[1]
block = re.sub(r"\([^)]*\)", "", block, flags=re.S)  # commentary, even over two lines

allowed = {}
current = []
for line in block.splitlines():
    if not line.strip():
        continue
    if not line[0].isspace():
        names, _, uses = line.partition("may use:")
        current = [n.strip() for n in names.split(",") if n.strip()]
        for name in current:
            allowed.setdefault(name, set())
    else:
        uses = line
    for use in uses.split(","):
        use = use.strip().split("::")[0]
        if use:
            for name in current:
                allowed[name].add(use)

edges = subprocess.run(
    [sys.executable, ".ci/check_cycles.py", "--edges", "src"], capture_output=True, text=True
).stdout
top = re.compile(r"src/([a-z_]+)(?:/|\.rs)")
broken = []
for line in edges.splitlines():
    if " -> " not in line:
        continue
    a, b = (top.match(side.strip()) for side in line.split(" -> "))
    if not a or not b:
        continue
    a, b = a.group(1), b.group(1)
    if a != b and b not in allowed.get(a, set()):
        broken.append(f"{line.strip()}: ARCHITECTURE.md does not let {a} use {b}")
for message in broken:
    print(message, file=sys.stderr)
if not broken:
    print(f"dependency rules hold ({len(allowed)} modules)")
sys.exit(1 if broken else 0)
