// The page's script, served as /static/app.js so the page's CSP needs no inline script.
"use strict";
(() => {
  // The server's limits (query::request), written into the page it serves.
  const PAGE_SIZE = Number(document.body.dataset.pageSize) || 10;
  const MAX_OFFSET = Number(document.body.dataset.maxOffset) || 10000;
  const MAX_FILTER_CHARS = document.body.dataset.maxFilterChars || "200";
  const view = document.getElementById("view");
  const qInput = document.getElementById("q");
  let seq = 0;
  let lastSearch = "#/";
  let lastTrace = null;
  let firstRender = true;

  // ---- small helpers: every piece of data goes in as text, never as HTML ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : String(c));
    }
    return e;
  }
  const enc = encodeURIComponent;
  const planHref = (id) => "#/plan/" + enc(id);
  const citesHref = (key) => "#/cites/" + enc(key);
  const nf = new Intl.NumberFormat("vi-VN");
  function vnDate(d) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d || "");
    return m ? `${m[3]}/${m[2]}/${m[1]}` : (d || "");
  }
  function metaLine(parts) {
    const out = el("span", { class: "meta" });
    parts.filter(Boolean).forEach((p, i) => {
      if (i) out.append(el("span", { class: "sep", "aria-hidden": "true" }, "·"));
      out.append(p);
    });
    return out;
  }
  // How a plan cites a document, strongest first, with the names vbpl.vn's "Lược đồ" uses.
  const RELATIONS = [
    ["basis", "Căn cứ"], ["implements", "Triển khai"], ["guides", "Hướng dẫn"],
    ["amends", "Sửa đổi, bổ sung"], ["replaces", "Thay thế"], ["repeals", "Bãi bỏ"],
    ["consolidates", "Hợp nhất"], ["corrects", "Đính chính"], ["mention", "Nhắc đến"],
  ];
  const RELATION_LABEL = new Map(RELATIONS);
  const relationOf = (r) => (RELATION_LABEL.has(r) ? r : "mention");
  const relationRank = (r) => RELATIONS.findIndex(([k]) => k === relationOf(r));
  const relationLabel = (r) => RELATION_LABEL.get(relationOf(r));
  function relationBadge(rel) {
    return el("span", { class: "badge rel rel-" + relationOf(rel) }, relationLabel(rel));
  }
  // Items grouped by relation, strongest first: [[relation, items], …].
  function byRelation(items) {
    const groups = new Map();
    for (const it of items) {
      const r = relationOf(it.relation);
      if (!groups.has(r)) groups.set(r, []);
      groups.get(r).push(it);
    }
    return RELATIONS.filter(([r]) => groups.has(r)).map(([r]) => [r, groups.get(r)]);
  }
  const STATUS_LABELS = {
    in_force: "Còn hiệu lực", amended: "Đã được sửa đổi, bổ sung", replaced: "Đã bị thay thế",
    repealed: "Đã bị bãi bỏ", expired: "Hết hiệu lực", corrected: "Đã được đính chính", consolidated: "Đã được hợp nhất",
  };
  // A plan's heading: its subject line, else its type and number ("Kế hoạch số 70/KH-UBND").
  // A file's name without its folders: the path on the server is of no use to a reader.
  const baseName = (f) => (f || "").split(/[\\/]/).pop();
  function planLabel(p) {
    if (p.title) return p.title;
    if (p.number) return (p.doc_type ? p.doc_type + " số " : "Số ") + p.number;
    return baseName(p.file) || p.id;
  }
  // The number beside the type badge, when the heading does not already show it.
  const numberTag = (p, id) => p.title && p.number ? el("span", { class: "num", id }, p.number) : null;

  // Snippets arrive HTML-escaped with only <mark> added. Parse them inertly and keep
  // nothing but text and <mark>, so even a wrong server could not inject markup.
  function snippetNodes(html) {
    const doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    const out = [];
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(n.textContent));
        else if (n.nodeName === "MARK") out.push(el("mark", { text: n.textContent }));
        else walk(n);
      }
    };
    walk(doc.body);
    // "<mark>bình</mark> <mark>đẳng</mark>" reads better as one highlight.
    const merged = [];
    for (const n of out) {
      const a = merged[merged.length - 1], b = merged[merged.length - 2];
      if (n.nodeName === "MARK" && a && a.nodeType === Node.TEXT_NODE && /^[ \t]+$/.test(a.textContent) && b && b.nodeName === "MARK") {
        merged.pop();
        b.textContent += a.textContent + n.textContent;
      } else if (n.nodeName === "MARK" && a && a.nodeName === "MARK") {
        a.textContent += n.textContent;
      } else {
        merged.push(n);
      }
    }
    return merged;
  }

  // `text` with every occurrence of `needle` (case-insensitive) marked.
  function highlight(text, needle) {
    const out = [];
    if (!needle) return [text];
    const lower = text.toLowerCase(), n = needle.toLowerCase();
    let at = 0;
    for (;;) {
      const i = lower.indexOf(n, at);
      if (i < 0) break;
      out.push(text.slice(at, i), el("mark", { text: text.slice(i, i + n.length) }));
      at = i + n.length;
    }
    out.push(text.slice(at));
    return out;
  }

  // ---- export: any result list as CSV (the BOM tells Excel it is UTF-8) or JSON ----
  let exportUrls = [];
  // Links that save the list as shown, made in the page: nothing is asked of the server again.
  function exportLinks(name, columns, rows, id) {
    const link = (fmt, type, body) => {
      const url = URL.createObjectURL(new Blob([body], { type }));
      exportUrls.push(url);
      return el("a", { class: "export-" + fmt, download: name + "." + fmt, href: url,
        title: "Tải danh sách này dưới dạng " + fmt.toUpperCase() }, fmt.toUpperCase());
    };
    return el("span", { class: "export", id },
      "Tải về " + nf.format(rows.length) + " dòng: ",
      link("csv", "text/csv;charset=utf-8", window.PlanciteDraw.toCsv(columns, rows)), " · ",
      link("json", "application/json", JSON.stringify(rows, null, 1)));
  }
  const snippetText = (html) => snippetNodes(html || "").map((n) => n.textContent).join("").replace(/\s+/g, " ").trim();

  // ---- the citation neighbourhood (drawn by draw.js) ----
  function neighbourhood(center, citedBy, cites) {
    const root = window.PlanciteDraw.neighbourhoodSvg(center, citedBy, cites,
      { count: (n) => nf.format(n), relationOf, relationLabel });
    return el("section", { class: "panel", id: "neighbourhood" }, el("h2", {}, "Mạng trích dẫn"), root,
      el("p", { class: "meta" }, "Mũi tên đi từ văn bản trích dẫn đến văn bản được trích dẫn; chữ trên mỗi cạnh là quan hệ. Bấm một văn bản để mở."));
  }

  // A search query that is a document number ("125/2021/ND-CP", "QĐ 2282").
  const looksLikeNumber = (q) => /\d/.test(q) && (/\d\s*[\/-]\s*[\p{L}\d]/u.test(q) ||
    /(^|\s)(qđ|qd|nđ|nd|nq|tt|kh|ct|quyết định|quyet dinh|nghị định|nghi dinh|nghị quyết|nghi quyet|thông tư|thong tu|kế hoạch|ke hoach|chỉ thị|chi thi|số|so)(\s|$)/iu.test(q));

  async function api(path) {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new Error("Không kết nối được máy chủ.");
    }
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const err = new Error((body && body.error) || ("HTTP " + response.status));
      err.status = response.status;
      throw err;
    }
    return body;
  }

  function show(...nodes) { view.replaceChildren(...nodes); view.removeAttribute("aria-busy"); }
  // Errors in Vietnamese, said for what the page was asked; the server's own words (in
  // English, for API users) stay behind "Chi tiết".
  function showError(err, r) {
    let title, message;
    if (err.status === 404 && r && r.view === "plan") {
      title = "Không tìm thấy"; message = "Kho không có văn bản «" + r.id + "».";
    } else if (err.status === 404 && r && r.view === "cites") {
      title = "Không tìm thấy"; message = "Chưa có văn bản nào trong kho trích dẫn «" + r.key + "».";
    } else if (err.status === 404) {
      title = "Không tìm thấy"; message = "Không có nội dung được yêu cầu.";
    } else if (err.status === 400) {
      title = "Yêu cầu không hợp lệ"; message = "Hãy kiểm tra lại nội dung đã nhập.";
    } else if (err.status === 503) {
      title = "Máy chủ đang bận"; message = "Yêu cầu mất quá nhiều thời gian; hãy thử lại sau ít phút.";
    } else if (err.status) {
      title = "Có lỗi xảy ra"; message = "Máy chủ không trả lời được yêu cầu này.";
    } else {
      title = "Có lỗi xảy ra"; message = err.message;
    }
    show(el("div", { class: "error", role: "alert", id: "error" },
      el("strong", {}, title + ": "), message, " ",
      el("a", { href: "#/" }, "Về trang đầu"),
      err.status ? el("details", {}, el("summary", {}, "Chi tiết"), el("code", {}, err.message)) : null));
  }
  function loading() {
    view.setAttribute("aria-busy", "true");
    const l = el("div", { class: "loading" }, "Đang tải…");
    const t = setTimeout(() => { if (view.getAttribute("aria-busy")) view.replaceChildren(l); }, 150);
    return () => clearTimeout(t);
  }
  function focusHeading() {
    const h = view.querySelector("h1");
    if (h && !firstRender) { h.setAttribute("tabindex", "-1"); h.focus({ preventScroll: true }); }
    window.scrollTo(0, 0);
  }

  // ---- routing: #/search?…, #/plan/ID, #/cites/KEY ----
  function parseRoute() {
    const h = location.hash.replace(/^#/, "");
    try {
      if (h.startsWith("/plan/")) return { view: "plan", id: decodeURIComponent(h.slice(6)) };
      if (h.startsWith("/cites/")) return { view: "cites", key: decodeURIComponent(h.slice(7)) };
      if (h.startsWith("/trace?")) return { view: "trace", params: new URLSearchParams(h.slice(7)) };
      if (h.startsWith("/diff?")) return { view: "diff", params: new URLSearchParams(h.slice(6)) };
      if (h.startsWith("/cited?")) return { view: "cited", params: new URLSearchParams(h.slice(7)) };
    } catch (e) {
      return { view: "bad" };
    }
    const i = h.indexOf("?");
    const params = new URLSearchParams(h.startsWith("/search") && i >= 0 ? h.slice(i + 1) : "");
    return { view: "search", params };
  }

  async function route() {
    const my = ++seq;
    const r = parseRoute();
    for (const url of exportUrls) URL.revokeObjectURL(url);
    exportUrls = [];
    const done = loading();
    try {
      if (r.view === "plan") await renderPlan(r.id, my);
      else if (r.view === "cites") await renderCites(r.key, my);
      else if (r.view === "trace") await renderTrace(r.params, my);
      else if (r.view === "diff") await renderDiff(r.params, my);
      else if (r.view === "cited") await renderCited(r.params, my);
      else if (r.view === "bad") throw Object.assign(new Error("Địa chỉ không hợp lệ."), { status: 400 });
      else await renderSearch(r.params, my);
    } catch (err) {
      if (my === seq) showError(err, r);
    } finally {
      done();
      firstRender = false;
    }
  }

  function searchHash(params) {
    const p = new URLSearchParams();
    for (const [k, v] of params) if (v !== "" && !(k === "offset" && v === "0")) p.set(k, v);
    const s = p.toString();
    return s ? "#/search?" + s : "#/";
  }

  // ---- search view ----
  const FACETS = [
    ["year", "type-year", "Năm ban hành", "year"],
    ["place", "type-place", "Nơi ban hành", "place"],
    ["doc_type", "type-doc", "Loại văn bản", "type"],
  ];
  const FILTER_LABELS = { year: "Năm", from: "Từ năm", to: "Đến năm", place: "Nơi", type: "Loại", cites: "Trích dẫn" };

  async function renderSearch(params, my) {
    const q = params.get("q") || "";
    if (qInput.value.trim() !== q) qInput.value = q;
    const offset = Math.max(0, Math.min(MAX_OFFSET, parseInt(params.get("offset") || "0", 10) || 0));
    const query = new URLSearchParams(params);
    query.set("limit", String(PAGE_SIZE));
    query.set("offset", String(offset));
    const [result, top, named] = await Promise.all([
      api("/api/search?" + query.toString()),
      api("/api/top-cited?limit=8").catch(() => null),
      q && looksLikeNumber(q) ? api("/api/cited?q=" + enc(q)).catch(() => null) : null,
    ]);
    if (my !== seq) return;
    lastSearch = location.hash || "#/";
    document.title = (q ? q + " · " : "") + "plancite";

    const go = (mutate) => {
      const p = new URLSearchParams(params);
      p.delete("offset");
      mutate(p);
      location.hash = searchHash(p);
    };

    // Facets
    const aside = el("aside", { "aria-label": "Bộ lọc" });
    const facetPanel = el("section", { class: "panel", id: "facets" });
    for (const [field, , label, param] of FACETS) {
      const counts = Object.entries(result.facets[field] || {});
      if (field === "year") counts.sort((a, b) => b[0].localeCompare(a[0]));
      else counts.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "vi"));
      const current = params.get(param);
      facetPanel.append(el("h2", { id: "facet-" + field }, label));
      if (!counts.length) { facetPanel.append(el("p", { class: "empty-facet" }, "Không có")); continue; }
      const list = el("ul", { class: "facet", "aria-labelledby": "facet-" + field });
      for (const [value, count] of counts) {
        const active = current !== null && current.toLowerCase() === value.toLowerCase();
        list.append(el("li", {}, el("button", {
          type: "button", "aria-pressed": active ? "true" : "false", "data-facet": param, "data-value": value,
          title: active ? "Bỏ lọc " + value : "Lọc theo " + value,
          onclick: () => go((p) => {
            if (active) p.delete(param); else p.set(param, value);
            if (param === "year") { p.delete("from"); p.delete("to"); }
          }),
        }, el("span", {}, value), el("span", { class: "count" }, nf.format(count)))));
      }
      facetPanel.append(list);
    }
    aside.prepend(citedBox(""));
    aside.append(facetPanel);
    if (top && top.documents && top.documents.length) {
      const table = el("table", { class: "top" });
      for (const d of top.documents) {
        table.append(el("tr", {},
          el("td", {}, el("a", { href: citesHref(d.key) }, d.key), d.doc_type ? el("div", { class: "meta" }, d.doc_type) : null),
          el("td", { class: "n", title: d.plans + " văn bản trích dẫn" }, nf.format(d.plans))));
      }
      aside.append(el("section", { class: "panel", id: "top-cited" }, el("h2", {}, "Được trích dẫn nhiều nhất"), table));
    }

    // Summary and active filters
    const heading = q
      ? [nf.format(result.total) + " văn bản cho «", q, "»"]
      : [nf.format(result.total) + " văn bản trong kho"];
    const summary = el("div", { class: "summary" },
      el("h1", { id: "result-count", tabindex: "-1" }, ...heading),
      el("span", { class: "took" }, "· " + result.took_ms.toLocaleString("vi-VN") + " ms"));
    if (q) {
      const t = new URLSearchParams({ q });
      for (const k of ["from", "to", "place"]) if (params.get(k)) t.set(k, params.get(k));
      summary.append(el("a", { href: "#/trace?" + t.toString(), class: "trace-link", id: "trace-link" }, "Theo dõi nhiệm vụ qua các năm →"));
    }
    for (const [k, label] of Object.entries(FILTER_LABELS)) {
      const v = params.get(k);
      if (!v) continue;
      summary.append(el("button", { type: "button", class: "chip", title: "Bỏ bộ lọc này", onclick: () => go((p) => p.delete(k)) },
        label + ": " + v, el("span", { class: "x", "aria-hidden": "true" }, "×")));
    }

    // A query that is a document number: the plans citing it come first.
    const offer = named && named.documents && named.documents.length
      ? el("div", { class: "notice offer", id: "cited-offer" },
        named.documents.length === 1
          ? ["«", q, "» là số văn bản: ", el("a", { href: citesHref(named.documents[0].key), id: "cited-offer-link" },
            nf.format(named.documents[0].plans) + " văn bản trích dẫn " + named.documents[0].key + " →")]
          : ["«", q, "» có thể là: ", named.documents.slice(0, 5).map((d, i) => [i ? ", " : "",
            el("a", { href: citesHref(d.key) }, d.key), " (" + nf.format(d.plans) + ")"])])
      : null;

    // Hits. When the server tells, the hits holding every word come first, then the rest.
    const hits = el("div", { id: "hits" });
    if (typeof result.all_words_total === "number" && result.all_words_total < result.total) {
      summary.append(el("p", { class: "meta all-words", id: "all-words" },
        nf.format(result.all_words_total) + " văn bản chứa đủ các từ; các kết quả sau chỉ chứa một phần."));
    }
    let allWordsSeen = false;
    if (!result.hits.length) {
      hits.append(el("div", { class: "panel" }, el("p", { class: "none" },
        result.total ? "Không còn kết quả ở trang này." : "Không tìm thấy văn bản phù hợp. Hãy thử ít từ hơn hoặc bỏ bớt bộ lọc.")));
    }
    for (const hit of result.hits) {
      if (hit.all_words === true) allWordsSeen = true;
      if (hit.all_words === false && (allWordsSeen || offset > 0) && !hits.querySelector(".some-words")) {
        hits.append(el("p", { class: "some-words meta" }, "Các kết quả sau chỉ chứa một phần các từ tìm kiếm:"));
      }
      hits.append(el("article", { class: "hit" + (hit.all_words === false ? " partial" : "") },
        el("div", {}, hit.doc_type ? el("span", { class: "badge" }, hit.doc_type) : null,
          numberTag(hit)),
        el("h3", {}, el("a", { href: planHref(hit.id), class: "hit-link" }, planLabel(hit))),
        metaLine([hit.place, vnDate(hit.date), baseName(hit.file)]),
        hit.snippet ? el("p", { class: "snippet" }, ...snippetNodes(hit.snippet)) : null));
    }

    // Pages
    const pages = Math.ceil(result.total / PAGE_SIZE);
    const current = Math.floor(offset / PAGE_SIZE);
    const nav = el("nav", { class: "pages", "aria-label": "Trang kết quả" });
    if (pages > 1) {
      const link = (page, label, rel) => {
        const off = page * PAGE_SIZE;
        if (off > MAX_OFFSET) return null;
        const p = new URLSearchParams(params);
        p.set("offset", String(off));
        return el("a", { href: searchHash(p), rel, "aria-current": page === current ? "page" : null,
          "aria-label": label ? null : "Trang " + (page + 1) }, label || String(page + 1));
      };
      if (current > 0) nav.append(link(current - 1, "‹ Trang trước", "prev"));
      let last = -1;
      for (let i = 0; i < pages; i++) {
        if (i === 0 || i === pages - 1 || Math.abs(i - current) <= 2) {
          if (last >= 0 && i - last > 1) nav.append(el("span", { class: "gap" }, "…"));
          nav.append(link(i));
          last = i;
        }
      }
      if (current < pages - 1) nav.append(link(current + 1, "Trang sau ›", "next"));
    }

    const hadFocus = document.activeElement;
    if (result.hits.length) {
      summary.append(exportLinks("plancite-tim-kiem", ["id", "number", "doc_type", "place", "date", "title", "file", "score", "snippet"],
        result.hits.map((h) => ({ ...h, snippet: snippetText(h.snippet) })), "export-hits"));
    }
    show(el("div", { class: "layout" }, aside, el("section", { "aria-labelledby": "result-count" }, offer, summary, hits, nav)));
    if (!firstRender && (!hadFocus || hadFocus === document.body || !document.contains(hadFocus))) {
      document.getElementById("result-count").focus({ preventScroll: true });
    }
  }

  // ---- "văn bản trích dẫn": type a document number any way, land on the plans citing it ----
  function citedBox(value) {
    const input = el("input", { id: "cited-q", type: "search", maxlength: MAX_FILTER_CHARS, value,
      placeholder: "125/2021/NĐ-CP, QĐ 2282 …", "aria-describedby": "cited-hint" });
    const form = el("form", { class: "cited-form", id: "cited-form", role: "search" },
      el("label", { for: "cited-q", class: "sr-only" }, "Số văn bản được trích dẫn"),
      input, el("button", { type: "submit", id: "cited-button" }, "Tra"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const v = input.value.trim();
      if (v) location.hash = "#/cited?" + new URLSearchParams({ q: v }).toString();
    });
    return el("section", { class: "panel", id: "cited-box" }, el("h2", {}, "Văn bản trích dẫn"),
      el("p", { class: "meta", id: "cited-hint" }, "Nhập số văn bản (mọi cách viết) để xem mọi văn bản trong kho trích dẫn nó."), form);
  }

  async function renderCited(params, my) {
    const q = params.get("q") || "";
    const r = await api("/api/cited?q=" + enc(q));
    if (my !== seq) return;
    if (r.documents.length === 1) {
      // One document: its page, replacing this step in the history.
      location.replace(citesHref(r.documents[0].key));
      return;
    }
    document.title = "Văn bản trích dẫn «" + q + "» · plancite";
    const list = el("ul", { class: "links", id: "cited-list" },
      r.documents.map((d) => el("li", {}, el("a", { href: citesHref(d.key) }, d.key),
        el("span", { class: "meta" }, " · " + nf.format(d.plans) + " văn bản trích dẫn"))));
    show(el("nav", { class: "crumbs" }, el("a", { href: lastSearch, id: "back" }, "← Kết quả tìm kiếm")),
      el("div", { class: "layout" }, el("aside", {}, citedBox(q)),
        el("section", { class: "panel" }, el("h1", { id: "cited-heading" }, "Văn bản «", q, "»"),
          r.documents.length ? list
            : el("p", { class: "none", id: "cited-none" }, "Chưa có văn bản nào trong kho trích dẫn số này. Hãy thử cách viết khác, ví dụ 125/2021/NĐ-CP."))));
    focusHeading();
  }

  // ---- diff of two tasks ("so sánh") ----
  async function renderDiff(params, my) {
    const d = await api("/api/diff?" + new URLSearchParams({ a: params.get("a") || "", b: params.get("b") || "" }).toString());
    if (my !== seq) return;
    document.title = "So sánh " + d.a.path + " · plancite";
    const side = (t, sign) => el("div", { class: "diff-side diff-" + sign },
      el("span", { class: "diff-sign" }, sign === "a" ? "−" : "+"), " ",
      el("a", { href: planHref(t.plan) }, [t.number, t.place, vnDate(t.date)].filter(Boolean).join(" · ")),
      " ", el("strong", {}, t.path), " ", t.heading);
    const body = el("div", { class: "diff doc", id: "diff-text", lang: "vi" });
    for (const c of d.changes) {
      if (c.op === "equal") body.append(c.text, " ");
      else body.append(el(c.op === "delete" ? "del" : "ins", { title: c.op === "delete" ? "Bỏ đi" : "Thêm vào" }, c.text), " ");
    }
    show(el("nav", { class: "crumbs" }, el("a", { href: lastTrace || lastSearch, id: "back" }, "← Quay lại")),
      el("section", { class: "panel", id: "diff" },
        el("h1", { id: "diff-heading" }, "So sánh hai nhiệm vụ"),
        side(d.a, "a"), side(d.b, "b"),
        el("p", { class: "meta", id: "diff-similarity" }, "Giống nhau " + Math.round(d.similarity * 100) + "% · ",
          el("del", {}, "chữ đỏ gạch ngang"), " chỉ có ở nhiệm vụ trước, ", el("ins", {}, "chữ xanh"), " chỉ có ở nhiệm vụ sau"),
        body));
    focusHeading();
  }

  // ---- trace view: a task through the years, and its threads ----
  async function renderTrace(params, my) {
    const q = params.get("q") || "";
    if (qInput.value.trim() !== q) qInput.value = q;
    const result = await api("/api/trace?" + params.toString());
    if (my !== seq) return;
    lastTrace = location.hash;
    document.title = "Theo dõi «" + q + "» · plancite";
    const back = el("p", {}, el("a", { href: lastSearch }, "← Kết quả tìm kiếm"));
    const heading = el("h1", { id: "trace-heading", tabindex: "-1" }, "Nhiệm vụ «", q, "» qua các năm");
    const max = Math.max(1, ...result.years.map((y) => y.tasks.length));
    const timeline = el("div", { class: "timeline", role: "list", "aria-label": "Số nhiệm vụ theo năm" });
    for (const y of result.years) {
      timeline.append(el("div", { class: "tl-year", role: "listitem" },
        el("div", { class: "tl-bar", style: "height:" + Math.round(12 + 120 * y.tasks.length / max) + "px",
          title: y.tasks.length + " nhiệm vụ trong " + y.plans + " văn bản" }),
        el("div", { class: "tl-count" }, nf.format(y.tasks.length)),
        el("a", { href: "#year-" + y.year, class: "tl-label" }, String(y.year)),
        el("div", { class: "meta" }, y.plans + " văn bản")));
    }
    const taskItem = (t, withSnippet) => el("li", {},
      el("a", { href: planHref(t.plan) }, [t.place, t.year].filter(Boolean).join(" ") + " · " + t.path),
      " ", t.heading,
      withSnippet && t.snippet ? el("p", { class: "snippet" }, ...snippetNodes(t.snippet)) : null);
    const threads = el("section", { class: "panel", id: "threads" }, el("h2", {}, "Mạch nhiệm vụ (" + result.threads.length + ")"));
    for (const th of result.threads) {
      // Each task beside the one before it in the thread: what changed ("so sánh").
      const items = th.tasks.map((t, i) => {
        const item = taskItem(t, true);
        if (i > 0) {
          const prev = th.tasks[i - 1];
          item.querySelector("a").after(" ", el("a", { class: "diff-link", href: "#/diff?" + new URLSearchParams({ a: prev.id, b: t.id }).toString(),
            title: "So sánh với " + [prev.place, prev.year].filter(Boolean).join(" ") + " " + prev.path }, "so sánh với mục trước"));
        }
        return item;
      });
      threads.append(el("article", { class: "thread" },
        el("h3", {}, th.label, el("span", { class: "meta" }, " · " + th.tasks.length + " nhiệm vụ")),
        el("ol", {}, ...items)));
    }
    const threadOf = new Map();
    result.threads.forEach((th, i) => th.tasks.forEach((t) => threadOf.set(t.id, i + 1)));
    const taskRows = result.years.flatMap((y) => y.tasks.map((t) => ({
      year: t.year, place: t.place, path: t.path, heading: t.heading, thread: threadOf.get(t.id) || null,
      thread_label: threadOf.has(t.id) ? result.threads[threadOf.get(t.id) - 1].label : null,
      id: t.id, plan: t.plan, file: t.file, snippet: snippetText(t.snippet) })));
    const years = el("section", { class: "panel", id: "years" }, el("h2", {}, "Theo năm"));
    for (const y of result.years) {
      years.append(el("h3", { id: "year-" + y.year }, y.year + " · " + y.plans + " văn bản, " + y.tasks.length + " nhiệm vụ"),
        el("ul", {}, ...y.tasks.map((t) => taskItem(t, false))));
    }
    if (!result.years.length) years.append(el("p", { class: "none" }, "Không có nhiệm vụ nào khớp."));
    const exportLine = taskRows.length
      ? el("p", {}, exportLinks("plancite-theo-doi", ["year", "place", "path", "heading", "thread", "thread_label", "id", "plan", "file", "snippet"], taskRows, "export-trace"))
      : null;
    show(el("div", { class: "trace" }, back, heading, exportLine, el("section", { class: "panel" }, timeline), threads, years));
    if (!firstRender) heading.focus({ preventScroll: true });
  }

  // ---- plan view ----
  // The plan's text, with each citation linked: to the cited plan when the archive holds
  // it, else to the list of plans citing the same document.
  // What linkedText looks for, built once per plan: a long decree has hundreds of
  // citations and sections, and the text is linked section by section.
  function citationMatcher(refs) {
    const targets = new Map();
    for (const r of refs) {
      const href = r.in_archive ? planHref(r.in_archive) : citesHref(r.key);
      for (const t of [r.text, r.key]) {
        const s = (t || "").trim();
        if (s.length >= 3 && !targets.has(s)) targets.set(s, { href, key: r.key, inArchive: !!r.in_archive });
      }
    }
    if (!targets.size) return null;
    const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    const keys = [...targets.keys()].sort((a, b) => b.length - a.length);
    const norm = (s) => s.replace(/\s+/g, " ");
    return { re: new RegExp(keys.map(esc).join("|"), "gu"), norm, byNorm: new Map(keys.map((k) => [norm(k), targets.get(k)])) };
  }
  function linkedText(text, matcher) {
    if (!matcher) return [text];
    const out = [];
    let at = 0;
    for (const m of text.matchAll(matcher.re)) {
      const t = matcher.byNorm.get(matcher.norm(m[0]));
      if (!t) continue;
      out.push(text.slice(at, m.index));
      out.push(el("a", { href: t.href, class: "cite" + (t.inArchive ? " in-archive" : ""),
        title: t.inArchive ? "Mở văn bản " + t.key + " trong kho" : "Các văn bản trích dẫn " + t.key }, m[0]));
      at = m.index + m[0].length;
    }
    out.push(text.slice(at));
    return out;
  }

  async function renderPlan(id, my) {
    const p = await api("/api/plans/" + enc(id));
    if (my !== seq) return;
    document.title = (p.number || p.id) + " · plancite";

    const fields = el("dl", { class: "fields" });
    const add = (label, value, id) => { if (value) fields.append(el("dt", {}, label), el("dd", { id }, value)); };
    add("Số, ký hiệu", p.number, "field-number");
    add("Loại văn bản", p.doc_type);
    add("Cơ quan ban hành", p.issuer);
    add("Nơi ban hành", p.place);
    add("Ngày ban hành", vnDate(p.date) || (p.year ? String(p.year) : ""));
    add("Người ký", p.signer);
    if (p.file) {
      fields.append(el("dt", {}, "Tệp"), el("dd", {}, el("a", { href: "/api/plans/" + enc(p.id) + "/file", id: "file-link",
        download: baseName(p.file), title: "Tải tệp gốc của văn bản" }, baseName(p.file))));
    }
    for (const extra of p.files || []) {
      if (extra !== p.file) fields.append(el("dt", {}, "Bản trùng"), el("dd", { class: "meta" }, baseName(extra)));
    }

    const head = el("section", { class: "panel", id: "plan-head" },
      el("div", {}, p.doc_type ? el("span", { class: "badge" }, p.doc_type) : null, numberTag(p, "plan-number")),
      el("h1", { id: "plan-title" }, planLabel(p)),
      fields);
    if (p.status && p.status.state) {
      const st = p.status;
      head.append(el("div", { class: "notice status", id: "plan-status" }, "Tình trạng: ",
        el("strong", {}, STATUS_LABELS[st.state] || st.state),
        st.by ? [" bởi ", st.by_id ? el("a", { href: planHref(st.by_id) }, st.by) : st.by] : null,
        st.date ? " (" + vnDate(st.date) + ")" : null));
    }

    // Cited documents, one line per key, in the order first cited, under the strongest
    // relation any of its citations has.
    const byKey = new Map();
    for (const c of p.citations) {
      const e = byKey.get(c.key) || { key: c.key, doc_type: c.doc_type, date: c.date, issuer: c.issuer, relation: "mention", count: 0, in_archive: null };
      e.count += 1;
      if (relationRank(c.relation) < relationRank(e.relation)) e.relation = relationOf(c.relation);
      e.in_archive = e.in_archive || c.in_archive;
      e.doc_type = e.doc_type || c.doc_type;
      e.date = e.date || c.date;
      e.resolution = e.resolution || c.resolution;
      byKey.set(c.key, e);
    }
    const refs = el("div", { id: "refs" });
    for (const [rel, items] of byRelation([...byKey.values()])) {
      const ul = el("ul", { class: "links" });
      for (const r of items) {
        ul.append(el("li", {},
          el("div", {}, el("a", { href: citesHref(r.key), class: "cite-key", title: "Các văn bản trích dẫn " + r.key }, r.key),
            r.count > 1 ? el("span", { class: "meta" }, " ×" + r.count) : null),
          el("div", { class: "line2" }, [r.doc_type, r.date ? vnDate(r.date) : null, r.issuer].filter(Boolean).join(" · ")),
          r.in_archive ? el("div", { class: "line2" }, el("span", { class: "badge archive" }, "Có trong kho"), " ",
            el("a", { href: planHref(r.in_archive), class: "archive-link" }, "Mở văn bản →")) : null));
      }
      refs.append(el("h3", { class: "rel-group", "data-relation": rel }, relationBadge(rel), " " + items.length), ul);
    }
    const citedBy = el("div", { id: "cited-by" });
    for (const [rel, items] of byRelation(p.cited_by)) {
      citedBy.append(el("h3", { class: "rel-group", "data-relation": rel }, relationBadge(rel), " " + items.length),
        el("ul", { class: "links" }, items.map((c) => el("li", {},
          el("div", {}, el("a", { href: planHref(c.id) }, c.number || c.id)),
          el("div", { class: "line2" }, [c.title, c.place, vnDate(c.date)].filter(Boolean).join(" · "))))));
    }

    // The outline jumps to its section in the text.
    const sections = p.sections || [];
    const outline = el("ul", { class: "outline", id: "outline" });
    const pieces = sectionedText(joinHeaderLines(p.text || ""), sections, p.citations);
    const textBox = el("div", { class: "doc", id: "plan-text", lang: "vi" });
    // A long decree (1 MB, thousands of sections) is shown from its start at once and
    // the rest is added in slices after the first frame; laying out all of it before
    // showing anything took most of a second.
    let nextPiece = 0;
    const appendText = (budget) => {
      let chars = 0;
      const slice = [];
      while (nextPiece < pieces.length && chars < budget) {
        const n = pieces[nextPiece++];
        chars += typeof n === "string" ? n.length : n.textContent.length;
        slice.push(n);
      }
      textBox.append(...slice);
    };
    const appendRest = () => appendText(Infinity);
    appendText(TEXT_FIRST_CHARS);

    const outlineItem = (s, i) => {
      const jump = el("button", { type: "button", class: "jump", "data-section": i, "data-path": s.path, title: "Đến mục " + s.path,
        disabled: !sectionsFound.has(i) },
        el("span", { class: "path" }, s.path), s.heading);
      jump.addEventListener("click", () => {
        appendRest();
        const target = document.getElementById("sec-" + i);
        if (!target) return;
        target.scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
      });
      return el("li", { style: "padding-left:" + Math.max(0, (s.level || 1) - 1) * 0.9 + "rem" }, jump);
    };
    // So is a long outline: its first items, and the rest on request.
    outline.append(...sections.slice(0, OUTLINE_FIRST).map(outlineItem));
    if (sections.length > OUTLINE_FIRST) {
      const all = el("button", { type: "button", class: "jump", id: "outline-all" }, "Hiện toàn bộ bố cục (" + nf.format(sections.length) + " mục)");
      all.addEventListener("click", () => {
        all.parentNode.remove();
        outline.append(...sections.slice(OUTLINE_FIRST).map((s, k) => outlineItem(s, OUTLINE_FIRST + k)));
      });
      outline.append(el("li", {}, all));
    }

    const side = el("aside", { "aria-label": "Liên kết trích dẫn" },
      el("section", { class: "panel" }, el("h2", { id: "refs-title" }, "Văn bản được trích dẫn (" + byKey.size + ")"),
        byKey.size ? refs : el("p", { class: "none" }, "Không tìm thấy trích dẫn.")),
      el("section", { class: "panel" }, el("h2", {}, "Được trích dẫn bởi (" + p.cited_by.length + ")"),
        p.cited_by.length ? citedBy : el("p", { class: "none", id: "cited-by-none" }, "Chưa có văn bản nào trong kho trích dẫn văn bản này.")),
      sections.length ? el("section", { class: "panel" }, el("h2", {}, "Bố cục"), outline) : null,
      (p.recipients || []).length ? el("section", { class: "panel" }, el("h2", {}, "Nơi nhận"),
        el("ul", { class: "outline" }, p.recipients.map((x) => el("li", {}, x)))) : null);

    const picture = neighbourhood({ label: p.number || planLabel(p), title: p.title },
      p.cited_by.map((c) => ({ label: c.number || c.id, title: c.title, href: planHref(c.id), relation: c.relation })),
      [...byKey.values()].map((r) => ({ label: r.key, title: r.doc_type, relation: r.relation,
        href: r.in_archive ? planHref(r.in_archive) : citesHref(r.key) })));
    const body = el("section", { class: "panel" }, el("h2", {}, "Toàn văn"), textBox);
    show(el("nav", { class: "crumbs" }, el("a", { href: lastSearch, id: "back" }, "← Kết quả tìm kiếm")),
      el("div", { class: "layout plan" }, el("div", {}, head, picture, body), side));
    const more = () => {
      if (nextPiece >= pieces.length || !textBox.isConnected) return;
      appendText(TEXT_SLICE_CHARS);
      setTimeout(more, 0);
    };
    requestAnimationFrame(() => setTimeout(more, 0));
    focusHeading();
  }

  // The header as `extract` reads it: a converter leaves its pieces on lines of their
  // own ("ỦY" / "BAN NHÂN DÂN", "Hải" / "Phòng, ngày 22"). In the header only (before
  // the first line that opens the outline, at most 40 lines), a line of one syllable
  // joins the next line, and a line the next continues in lower case joins it.
  function joinHeaderLines(text) {
    const lines = text.split("\n");
    const out = [];
    let i = 0;
    for (; i < lines.length && i < 40; i++) {
      const line = lines[i];
      if (/^\s*(I|1)\.\s/.test(line)) break;
      const prev = out.length ? out[out.length - 1] : null;
      const oneSyllable = prev !== null && /^\s*[\p{L}]{1,7}\s*$/u.test(prev);
      const continues = prev !== null && /[\p{L}\d]\s*$/u.test(prev) && /^\s*\p{Ll}/u.test(line);
      if (line.trim() && (oneSyllable || continues)) out[out.length - 1] = prev.replace(/\s+$/, "") + " " + line.trim();
      else out.push(line);
    }
    return [...out, ...lines.slice(i)].join("\n");
  }

  // The text cut where each section starts, each piece a target the outline jumps to,
  // its citations linked. A section is found by its heading's first words (spread over
  // lines or not), after the section before it, from the start of that line so that its
  // marker ("II.", "1.", "a)") is in view.
  const escRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const SECTION_WINDOW = 65536;
  // How much of a plan's text is shown at once, how much is added per slice after, and
  // how many outline items are shown before "Hiện toàn bộ".
  const TEXT_FIRST_CHARS = 60000;
  const TEXT_SLICE_CHARS = 100000;
  const OUTLINE_FIRST = 200;
  function sectionedText(text, sections, refs) {
    const cuts = [];
    let from = 0;
    sections.forEach((s, i) => {
      const words = (s.heading || "").replace(/…/g, " ").split(/\s+/).filter(Boolean).slice(0, 6);
      if (!words.length) return;
      // Near the section before it: a heading not found costs a window, not the text.
      const m = new RegExp(words.map(escRe).join("\\s+"), "u").exec(text.slice(from, from + SECTION_WINDOW));
      if (!m) return;
      const index = from + m.index;
      cuts.push([Math.max(from, text.lastIndexOf("\n", index) + 1), i]);
      from = index + m[0].length;
    });
    const out = [];
    const matcher = citationMatcher(refs);
    let at = 0, id = null;
    const flush = (end) => {
      if (end <= at && id === null) return;
      const piece = linkedText(text.slice(at, end), matcher);
      out.push(id === null ? piece : el("span", { id: "sec-" + id, class: "sec", tabindex: "-1" }, ...piece));
    };
    for (const [unit, i] of cuts) {
      flush(unit);
      at = unit;
      id = i;
    }
    flush(text.length);
    sectionsFound = new Set(cuts.map(([, i]) => i));
    return out.flat();
  }
  let sectionsFound = new Set();

  // ---- cited-document view ----
  const CITES_PAGE = 100;
  async function renderCites(key, my) {
    const r = await api("/api/cites/" + enc(key) + "?limit=" + CITES_PAGE);
    // When the archive holds the cited document, what it cites too.
    const own = r.in_archive.length ? await api("/api/plans/" + enc(r.in_archive[0].id)).catch(() => null) : null;
    if (my !== seq) return;
    document.title = r.key + " · plancite";
    const head = el("section", { class: "panel", id: "cites-head" },
      el("div", {}, el("span", { class: "badge" }, "Văn bản được trích dẫn")),
      el("h1", { id: "cites-key" }, r.key),
      el("p", { class: "meta", id: "cites-count" }, nf.format(r.total) + " văn bản trong kho trích dẫn, xếp theo ngày ban hành"));
    if (r.in_archive.length) {
      head.append(el("div", { class: "notice" }, "Văn bản này có trong kho: ",
        r.in_archive.map((a, i) => [i ? ", " : "", el("a", { href: planHref(a.id) }, a.title || a.number || a.id)])));
    }
    const list = el("div", { id: "citing" });
    const more = el("button", { type: "button", id: "cites-more" }, "Xem thêm");
    const exportSlot = el("p", { class: "export-slot" });
    const loaded = [];
    let shown = 0;
    const append = (page) => {
      loaded.push(...page.citing);
      exportSlot.replaceChildren(exportLinks("plancite-trich-dan-" + r.key.replace(/[^\p{L}\d]+/gu, "-"),
        ["id", "number", "title", "place", "date", "relation", "file", "contexts"], loaded, "export-cites"));
      for (const c of page.citing) {
        const item = el("article", { class: "hit citing" },
          el("div", {}, relationBadge(c.relation), numberTag(c)),
          el("h3", {}, el("a", { href: planHref(c.id) }, planLabel(c))),
          metaLine([c.place, vnDate(c.date), baseName(c.file)]));
        for (const ctx of c.contexts) {
          // A context cut inside a sentence says so.
          const text = /[.;:!?…”"]\s*$/.test(ctx) ? ctx : ctx.replace(/\s+$/, "") + " …";
          item.append(el("blockquote", {}, ...highlight(text, r.key)));
        }
        list.append(item);
      }
      shown += page.citing.length;
      more.hidden = shown >= page.total;
      more.textContent = "Xem thêm (" + nf.format(shown) + " / " + nf.format(page.total) + ")";
    };
    // A document cited by thousands of plans is read a page at a time.
    more.addEventListener("click", async () => {
      more.disabled = true;
      try {
        append(await api("/api/cites/" + enc(key) + "?limit=" + CITES_PAGE + "&offset=" + shown));
      } finally {
        more.disabled = false;
      }
    });
    append(r);
    const ownRefs = new Map();
    for (const c of own ? own.citations : []) {
      const e = ownRefs.get(c.key);
      if (!e || relationRank(c.relation) < relationRank(e.relation)) {
        ownRefs.set(c.key, { label: c.key, relation: c.relation, href: c.in_archive ? planHref(c.in_archive) : citesHref(c.key) });
      }
    }
    const picture = neighbourhood({ label: r.key },
      r.citing.map((c) => ({ label: c.number || c.id, title: c.title, href: planHref(c.id), relation: c.relation })),
      [...ownRefs.values()]);
    if (r.total > r.citing.length) {
      // The picture shows the first page; say how many more cite it.
      picture.querySelector("text.col-title").textContent = "Trích dẫn văn bản này (" + nf.format(r.total) + ")";
    }
    show(el("nav", { class: "crumbs" }, el("a", { href: lastSearch, id: "back" }, "← Kết quả tìm kiếm")), head,
      el("div", { style: "margin-top:1rem" }, picture, exportSlot, list, more));
    focusHeading();
  }

  // ---- header: stats, search box, keyboard ----
  async function loadStats() {
    try {
      const s = await api("/api/stats");
      document.getElementById("stats").textContent =
        nf.format(s.plans) + " văn bản · " + nf.format(s.citations) + " trích dẫn";
    } catch (e) { /* the page works without it */ }
  }

  document.getElementById("search-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const r = parseRoute();
    const p = r.view === "search" ? new URLSearchParams(r.params) : new URLSearchParams();
    p.delete("offset");
    p.set("q", qInput.value.trim());
    const target = searchHash(p);
    if (location.hash === target) route(); else location.hash = target;
  });
  document.addEventListener("keydown", (ev) => {
    const t = ev.target;
    const typing = t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || (t && t.isContentEditable);
    if (ev.key === "/" && !typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      qInput.focus();
      qInput.select();
    } else if (ev.key === "Escape" && t === qInput) {
      qInput.blur();
    }
  });
  window.addEventListener("hashchange", () => { loadStats(); route(); });
  qInput.focus();
  loadStats();
  route();
})();
