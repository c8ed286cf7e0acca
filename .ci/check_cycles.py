#!/usr/bin/env python3
"""Import cycles between the files of src/ (a mod.rs and its own children aside).

Reads every `crate::a::b`, `super::x` and `self::x` path in src/**/*.rs, resolves it to
the file that defines the module it names (the longest prefix that is a file), and
reports each cycle of the resulting file graph once. Code under `#[cfg(test)]` counts
too: a test that calls a higher layer is a dependency of its file.

Usage: .ci/check_cycles.py [--edges] [--folders] [src]
  --edges    print every edge between files first
  --folders  also report cycles between top-level modules (src/x.rs, src/x/)
Exit status 1 when there is a cycle.
"""

import os
import re
import sys

PATH = re.compile(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)+)")
USE_GROUP = re.compile(r"\buse\s+(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)*)::\{([^;]*)\};", re.S)
COMMENT = re.compile(r"//[^\n]*")


def module_of(root, path):
    """src/a/b.rs -> ['a', 'b'];  src/a/mod.rs -> ['a'];  src/lib.rs -> []."""
    rel = os.path.relpath(path, root)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return rel


def file_of(modules, parts):
    """The file of the longest prefix of `parts` that is a module."""
    for n in range(len(parts), -1, -1):
        f = modules.get(tuple(parts[:n]))
        if f:
            return f
    return None


def cycles(graph):
    """Strongly connected components of more than one node (Tarjan, iterative)."""
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph.get(start, ()))))]
        index[start] = low[start] = counter[0]
        counter[0] += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            for w in it:
                if w not in index:
                    index[w] = low[w] = counter[0]
                    counter[0] += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(graph.get(w, ())))))
                    break
                if w in on:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    scc = []
                    while True:
                        w = stack.pop()
                        on.discard(w)
                        scc.append(w)
                        if w == v:
                            break
                    if len(scc) > 1:
                        sccs.append(sorted(scc))
    return sccs


def report(kind, graph, witness):
    found = cycles(graph)
    for scc in found:
        members = set(scc)
        print(f"{kind} cycle: " + ", ".join(scc))
        for a in scc:
            for b in sorted(graph.get(a, ())):
                if b in members:
                    print(f"  {a} -> {b}" + (f"  ({witness(a, b)})" if witness else ""))
    return found


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = args[0] if args else "src"
    files = []
    for d, _, names in os.walk(root):
        files += [os.path.join(d, n) for n in names if n.endswith(".rs")]
    modules = {}
    for f in files:
        if f.endswith("main.rs"):
            continue
        modules.setdefault(tuple(module_of(root, f)), f)
    edges = {}
    for f in files:
        here = module_of(root, f)
        text = COMMENT.sub("", open(f, encoding="utf-8").read())
        # Inside an inline `mod tests {`, `super` is the file's own module.
        inline = re.search(r"^mod \w+ \{", text, re.M)
        inline_at = inline.start() if inline else len(text)
        paths = [(m.group(1), m.group(2), m.start()) for m in PATH.finditer(text)]
        # `use crate::a::{b, c::d}`: each item of the group is a path too.
        for m in USE_GROUP.finditer(text):
            for item in m.group(3).split(","):
                item = item.strip().split(" as ")[0].split("::{")[0]
                if item and item != "self" and re.fullmatch(r"[\w:]+", item):
                    paths.append((m.group(1), m.group(2) + "::" + item, m.start()))
        for head, tail, at in paths:
            parts = [p for p in tail.split("::") if p]
            if head == "crate":
                target = parts
            else:
                base = here + ["<inline>"] if at > inline_at else here
                if head == "super":
                    base = base[:-1]
                    while parts and parts[0] == "super":
                        base, parts = base[:-1], parts[1:]
                target = base + parts
            dep = file_of(modules, target)
            if dep and dep != f:
                edges.setdefault(f, set()).add(dep)

    def is_family(a, b):
        """A mod.rs and its own children: a/mod.rs and a/x.rs (or a/x/mod.rs)."""
        for parent, child in ((a, b), (b, a)):
            if os.path.basename(parent) in ("mod.rs", "lib.rs"):
                if os.path.dirname(child).startswith(os.path.dirname(parent)):
                    return True
        return False

    graph = {a: {b for b in bs if not is_family(a, b)} for a, bs in edges.items()}
    if "--edges" in sys.argv:
        for a in sorted(graph):
            for b in sorted(graph[a]):
                print(f"{a} -> {b}")
    found = report("file", graph, None)
    if "--folders" in sys.argv:
        # Folders: the top-level modules (src/x.rs, src/x/); which file makes each edge.
        def top(f):
            return os.path.relpath(f, root).split(os.sep)[0].removesuffix(".rs")

        folders, why = {}, {}
        for a, bs in edges.items():
            for b in bs:
                if top(a) != top(b):
                    folders.setdefault(top(a), set()).add(top(b))
                    why.setdefault((top(a), top(b)), []).append(f"{a} -> {b}")
        found += report("folder", folders, lambda a, b: "; ".join(sorted(why[(a, b)])))
    if not found:
        print("no import cycle")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
