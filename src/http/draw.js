// Drawing for the page, served as /static/draw.js before app.js: the citation
// neighbourhood as SVG (no library, nothing from the network) and lists as CSV. Pure
// functions of their arguments; everything from the documents goes in as text.
"use strict";
window.PlanciteDraw = (() => {
  function csvCell(v) {
    let s = v === null || v === undefined ? "" : Array.isArray(v) ? v.join(" | ") : String(v);
    // A cell a spreadsheet would run as a formula stays text.
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\n\r;]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv(columns, rows) {
    const lines = [columns.map(csvCell).join(",")];
    for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(","));
    return "\ufeff" + lines.join("\r\n") + "\r\n";
  }

  const SVG_NS = "http://www.w3.org/2000/svg";
  function svg(tag, attrs, ...children) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) e.setAttribute(k, String(v));
    for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
    return e;
  }
  const shorten = (s, n) => ((s || "").length > n ? s.slice(0, n - 1) + "…" : (s || ""));
  // Who cites the document (left), what it cites (right), the relation on each edge.
  // Nodes are {label, title, href, relation}; `words` gives the page's number format
  // (`count`) and relation names (`relationOf`, `relationLabel`).
  function neighbourhoodSvg(center, citedBy, cites, words) {
    const { count, relationOf, relationLabel } = words;
    const MAX = 12, W = 960, ROW = 34, NODE_W = 220;
    const cap = (list) => list.length > MAX
      ? [...list.slice(0, MAX - 1), { label: "+ " + count(list.length - MAX + 1) + " văn bản khác", more: true }]
      : list;
    const left = cap(citedBy), right = cap(cites);
    const rows = Math.max(left.length, right.length, 1);
    const H = rows * ROW + 50;
    const centerY = 36 + rows * ROW / 2;
    const y = (i, n) => 36 + (rows - n) * ROW / 2 + i * ROW + ROW / 2;
    const box = (x, yy, node, cls) => {
      const g = svg("g", { class: "node " + cls },
        svg("title", {}, node.title ? node.label + " — " + node.title : node.label),
        svg("rect", { x, y: yy - 11, width: NODE_W, height: 22, rx: 5 }),
        svg("text", { x: x + 8, y: yy + 4 }, shorten(node.label, 30)));
      return node.href ? svg("a", { href: node.href, class: "node-link" }, g) : g;
    };
    const edge = (x1, y1, x2, y2, rel, labelX) => svg("g", { class: "edge rel-" + relationOf(rel) },
      svg("line", { x1, y1, x2, y2, "marker-end": "url(#arrow)" }),
      svg("text", { x: labelX, y: y1 + (y2 - y1) * (labelX - x1) / (x2 - x1) - 3, "text-anchor": "middle" }, relationLabel(rel)));
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, width: "100%", role: "img", id: "neighbourhood-svg",
      "aria-label": "Mạng trích dẫn của " + center.label + ": " + citedBy.length + " văn bản trích dẫn nó, nó trích dẫn " + cites.length + " văn bản" });
    root.append(svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto" },
      svg("path", { d: "M0,0 L10,5 L0,10 z" }))));
    root.append(svg("text", { x: 10, y: 16, class: "col-title" }, "Trích dẫn văn bản này (" + count(citedBy.length) + ")"),
      svg("text", { x: W - 10, y: 16, class: "col-title", "text-anchor": "end" }, "Văn bản này trích dẫn (" + count(cites.length) + ")"));
    const cx = (W - NODE_W) / 2;
    left.forEach((n, i) => {
      if (!n.more) root.append(edge(10 + NODE_W, y(i, left.length), cx, centerY, n.relation, 10 + NODE_W + 60));
      root.append(box(10, y(i, left.length), n, n.more ? "more" : "citing"));
    });
    right.forEach((n, i) => {
      if (!n.more) root.append(edge(cx + NODE_W, centerY, W - 10 - NODE_W, y(i, right.length), n.relation, W - 10 - NODE_W - 60));
      root.append(box(W - 10 - NODE_W, y(i, right.length), n, n.more ? "more" : "cited"));
    });
    root.append(box(cx, centerY, center, "center"));
    return root;
  }

  return { toCsv, neighbourhoodSvg };
})();
