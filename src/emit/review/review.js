// yomitori review page: draws one document at a time from the JSON block,
// with every row as a <mark> over its span. Text goes into the page only as
// DOM text nodes (never innerHTML), so no document text can become markup.
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('yomitori-data').textContent);
  const docs = data.documents;
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  // Most distinct first: the commonest types get them.
  const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#17becf', '#e377c2',
    '#8c564b', '#bcbd22', '#393b79', '#ad494a', '#637939', '#7b4173', '#3182bd', '#843c39', '#7f7f7f'];
  const typeKey = (r) => r.kind + '/' + r.type;

  // What the rows hold, over all documents: kinds → types → count, rules → count.
  const kinds = new Map();
  const rules = new Map();
  let totalRows = 0;
  for (const d of docs) {
    for (const r of d.rows) {
      if (!kinds.has(r.kind)) kinds.set(r.kind, new Map());
      const types = kinds.get(r.kind);
      types.set(r.type, (types.get(r.type) || 0) + 1);
      rules.set(r.rule, (rules.get(r.rule) || 0) + 1);
      totalRows++;
    }
  }
  const kindNames = [...kinds.keys()].sort();
  const colors = new Map();
  const byCount = [];
  for (const k of kindNames) for (const [t, n] of kinds.get(k)) byCount.push([n, k + '/' + t]);
  byCount.sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1));
  byCount.forEach(([, key], i) => colors.set(key, PALETTE[i % PALETTE.length]));
  const tint = (hex) => 'rgba(' + [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(',') + ',0.2)';

  const state = { doc: -1, offKinds: new Set(), offTypes: new Set(), offRules: new Set(), query: '', pinned: false };
  let rowMarks = []; // row index → its mark elements (a crossing row has several)
  let textNodes = []; // [{node, start}] in UTF-16 offsets of the current document

  function matchesQuery(r) {
    const q = state.query;
    if (!q) return true;
    return [r.text, r.normalized, r.id, r.rule, r.flags, r.type].some((s) => s.toLowerCase().includes(q));
  }
  function visible(r) {
    return !state.offKinds.has(r.kind) && !state.offTypes.has(typeKey(r)) && !state.offRules.has(r.rule) && matchesQuery(r);
  }

  // Cuts the text at every row edge; each piece is wrapped in the marks of
  // the rows covering it, outermost first (start ascending, end
  // descending). Marks shared with the previous piece stay open, so nested
  // rows become nested marks and a row crossing another's edge is split
  // into fragments that share data-row.
  function render(i) {
    const d = docs[i];
    const box = $('text');
    box.textContent = '';
    const rows = d.rows;
    const order = rows.map((_, j) => j).sort((a, b) => rows[a].u[0] - rows[b].u[0] || rows[b].u[1] - rows[a].u[1] || a - b);
    const rank = new Array(rows.length);
    order.forEach((j, n) => { rank[j] = n; });
    const cuts = new Set([0, d.text.length]);
    for (const r of rows) { cuts.add(r.u[0]); cuts.add(r.u[1]); }
    const points = [...cuts].sort((a, b) => a - b);
    const starting = new Map();
    for (const j of order) {
      const s = rows[j].u[0];
      if (!starting.has(s)) starting.set(s, []);
      starting.get(s).push(j);
    }
    rowMarks = rows.map(() => []);
    textNodes = [];
    const stack = []; // [{row, el, h}]
    const parent = () => (stack.length ? stack[stack.length - 1].el : box);
    const close = () => {
      const top = stack.pop();
      const h = top.h + 1;
      top.el.style.setProperty('--pad', ((h - 1) * 4 + 1) + 'px');
      if (stack.length) stack[stack.length - 1].h = Math.max(stack[stack.length - 1].h, h);
    };
    const open = (j) => {
      const r = rows[j];
      const m = document.createElement('mark');
      m.className = 'm';
      m.dataset.row = String(j);
      m.dataset.kind = r.kind;
      m.dataset.type = r.type;
      m.dataset.rule = r.rule;
      m.dataset.start = String(r.start);
      m.dataset.end = String(r.end);
      const c = colors.get(typeKey(r));
      m.style.setProperty('--c', c);
      m.style.setProperty('--bg', tint(c));
      parent().appendChild(m);
      rowMarks[j].push(m);
      return m;
    };
    let active = [];
    for (let p = 0; p < points.length; p++) {
      const at = points[p];
      active = active.filter((j) => rows[j].u[1] > at);
      for (const j of starting.get(at) || []) {
        if (rows[j].u[1] > at) active.push(j);
        // An empty row (no text) still gets its mark, at its place.
        else { stack.push({ row: j, el: open(j), h: 0 }); close(); }
      }
      if (p === points.length - 1) break;
      const next = points[p + 1];
      active.sort((a, b) => rank[a] - rank[b]);
      let keep = 0;
      while (keep < stack.length && keep < active.length && stack[keep].row === active[keep]) keep++;
      while (stack.length > keep) close();
      for (let n = keep; n < active.length; n++) stack.push({ row: active[n], el: open(active[n]), h: 0 });
      const t = document.createTextNode(d.text.slice(at, next));
      parent().appendChild(t);
      textNodes.push({ node: t, start: at });
    }
    while (stack.length) close();
  }

  function applyMarks() {
    if (state.doc < 0) return;
    const rows = docs[state.doc].rows;
    rowMarks.forEach((marks, j) => {
      const on = visible(rows[j]);
      for (const m of marks) {
        if (on) m.removeAttribute('data-off'); else m.setAttribute('data-off', '');
      }
    });
  }

  // Document list with per-document counts (visible / all when filtered).
  const docItems = docs.map((d, i) => {
    const li = el('li');
    li.dataset.doc = String(i);
    li.appendChild(el('span', 'name', d.id));
    li.appendChild(el('span', 'count'));
    li.title = d.id;
    li.addEventListener('click', () => show(i));
    $('docs').appendChild(li);
    return li;
  });

  function applyCounts() {
    docs.forEach((d, i) => {
      const n = d.rows.filter(visible).length;
      const all = d.rows.length;
      docItems[i].querySelector('.count').textContent = n === all ? String(all) : n + '/' + all;
      docItems[i].classList.toggle('empty', n === 0);
    });
    if (state.doc >= 0) {
      const d = docs[state.doc];
      const byKind = new Map();
      for (const r of d.rows) {
        if (!byKind.has(r.kind)) byKind.set(r.kind, new Map());
        const m = byKind.get(r.kind);
        m.set(r.type, (m.get(r.type) || 0) + 1);
      }
      const parts = [...byKind.keys()].sort().map((k) => {
        const types = [...byKind.get(k)].sort().map(([t, n]) => t + ' ' + n).join(', ');
        const n = [...byKind.get(k).values()].reduce((a, b) => a + b, 0);
        return n + ' ' + k + ' (' + types + ')';
      });
      const shown = d.rows.filter(visible).length;
      $('doccounts').textContent = d.rows.length + ' rows: ' + (parts.join(' · ') || 'none') +
        (shown === d.rows.length ? '' : ' — ' + shown + ' shown by the filters');
    }
  }

  function apply() {
    applyMarks();
    applyCounts();
  }

  function show(i) {
    if (i < 0 || i >= docs.length) return;
    state.doc = i;
    docItems.forEach((li, n) => li.classList.toggle('current', n === i));
    $('docname').textContent = docs[i].id;
    render(i);
    apply();
    clearDetail();
    try {
      if (location.hash !== '#doc-' + i) history.replaceState(null, '', '#doc-' + i);
    } catch (e) { /* some browsers refuse history on file:// pages; the hash is only a convenience */ }
  }

  // Legend: one checkbox per kind and per type, with its colour and count.
  for (const k of kindNames) {
    const box = el('div', 'kind');
    const label = el('label');
    const cb = el('input');
    cb.type = 'checkbox';
    cb.checked = true;
    cb.dataset.filter = 'kind';
    cb.value = k;
    cb.addEventListener('change', () => { if (cb.checked) state.offKinds.delete(k); else state.offKinds.add(k); apply(); });
    label.append(cb, ' ' + k);
    box.appendChild(label);
    for (const [t, n] of [...kinds.get(k)].sort()) {
      const key = k + '/' + t;
      const row = el('label', 'type');
      const tb = el('input');
      tb.type = 'checkbox';
      tb.checked = true;
      tb.dataset.filter = 'type';
      tb.value = key;
      tb.addEventListener('change', () => { if (tb.checked) state.offTypes.delete(key); else state.offTypes.add(key); apply(); });
      const sw = el('span', 'swatch');
      sw.style.borderColor = colors.get(key);
      sw.style.background = tint(colors.get(key));
      row.append(tb, sw, el('span', null, t), el('span', 'n', String(n)));
      box.appendChild(row);
    }
    $('kinds').appendChild(box);
  }
  const ruleBoxes = [];
  for (const [rule, n] of [...rules].sort()) {
    const label = el('label');
    const cb = el('input');
    cb.type = 'checkbox';
    cb.checked = true;
    cb.dataset.filter = 'rule';
    cb.value = rule;
    cb.addEventListener('change', () => { if (cb.checked) state.offRules.delete(rule); else state.offRules.add(rule); apply(); });
    label.append(cb, el('span', null, rule), el('span', 'n', String(n)));
    $('rules').appendChild(label);
    ruleBoxes.push(cb);
  }
  const setRules = (on) => {
    for (const cb of ruleBoxes) { cb.checked = on; if (on) state.offRules.delete(cb.value); else state.offRules.add(cb.value); }
    apply();
  };
  $('rules-all').addEventListener('click', () => setRules(true));
  $('rules-none').addEventListener('click', () => setRules(false));
  $('search').addEventListener('input', (e) => { state.query = e.target.value.trim().toLowerCase(); apply(); });
  $('docfilter').addEventListener('input', (e) => {
    const q = e.target.value.trim().toLowerCase();
    docs.forEach((d, i) => { docItems[i].hidden = q !== '' && !d.id.toLowerCase().includes(q); });
  });
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement || e.ctrlKey || e.metaKey || e.altKey) return;
    const step = e.key === 'j' ? 1 : e.key === 'k' ? -1 : 0;
    if (!step) return;
    for (let i = state.doc + step; i >= 0 && i < docs.length; i += step) {
      if (!docItems[i].hidden) { show(i); docItems[i].scrollIntoView({ block: 'nearest' }); break; }
    }
  });
  $('totals').textContent = docs.length + ' documents, ' + totalRows + ' rows';

  // The side panel: every row covering the point under the pointer, and the
  // innermost row's evidence span (ref_start..ref_end) highlighted.
  function rangeOf(u0, u1) {
    const find = (off, end) => {
      let lo = 0;
      let hi = textNodes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (textNodes[mid].start < off || (!end && textNodes[mid].start === off)) lo = mid; else hi = mid - 1;
      }
      return textNodes[lo];
    };
    if (!textNodes.length) return null;
    const a = find(u0, false);
    const b = find(u1, true);
    const range = document.createRange();
    range.setStart(a.node, Math.min(u0 - a.start, a.node.length));
    range.setEnd(b.node, Math.min(u1 - b.start, b.node.length));
    return range;
  }
  function clearDetail() {
    document.querySelectorAll('mark.hot').forEach((m) => m.classList.remove('hot'));
    if (window.CSS && CSS.highlights) CSS.highlights.delete('yomitori-ref');
    $('detail').replaceChildren(el('p', 'hint', 'Point at a mark to see its rows; click to pin.'));
    state.pinned = false;
  }
  function field(dl, name, value) {
    if (value === '' || value === null || value === undefined) return;
    dl.append(el('dt', null, name), el('dd', null, String(value)));
  }
  function detail(mark) {
    const d = docs[state.doc];
    const here = [];
    for (let m = mark; m && m !== $('text'); m = m.parentElement) {
      if (m.matches('mark.m') && !m.hasAttribute('data-off')) here.push(Number(m.dataset.row));
    }
    if (!here.length) return;
    document.querySelectorAll('mark.hot').forEach((m) => m.classList.remove('hot'));
    for (const m of rowMarks[here[0]]) m.classList.add('hot');
    const cards = here.map((j) => {
      const r = d.rows[j];
      const card = el('div', 'row');
      card.style.setProperty('--c', colors.get(typeKey(r)));
      card.appendChild(el('div', 'head', r.kind + ' · ' + r.type));
      const dl = el('dl');
      field(dl, 'text', r.text);
      field(dl, 'normalized', r.normalized);
      field(dl, 'id', r.id);
      field(dl, 'rule', r.rule);
      field(dl, 'flags', r.flags);
      field(dl, 'bytes', r.start + '..' + r.end);
      field(dl, 'line:col', r.line + ':' + r.column);
      if (r.ur) field(dl, 'ref', r.ref_start + '..' + r.ref_end + ' “' + d.text.slice(r.ur[0], r.ur[1]) + '”');
      card.appendChild(dl);
      return card;
    });
    $('detail').replaceChildren(...cards);
    const inner = d.rows[here[0]];
    if (window.CSS && CSS.highlights) {
      CSS.highlights.delete('yomitori-ref');
      const range = inner.ur ? rangeOf(inner.ur[0], inner.ur[1]) : null;
      if (range) CSS.highlights.set('yomitori-ref', new Highlight(range));
    }
  }
  $('text').addEventListener('mouseover', (e) => {
    if (state.pinned) return;
    const m = e.target instanceof Element ? e.target.closest('mark.m') : null;
    if (m) detail(m);
  });
  $('text').addEventListener('click', (e) => {
    const m = e.target instanceof Element ? e.target.closest('mark.m') : null;
    if (!m) { clearDetail(); return; }
    state.pinned = false;
    detail(m);
    state.pinned = true;
  });

  // For tests and for the console.
  window.yomitoriReview = { docs, show, apply, state, colors, marks: () => rowMarks, detail };

  const fromHash = /^#doc-(\d+)$/.exec(location.hash);
  show(fromHash ? Math.min(Number(fromHash[1]), docs.length - 1) : 0);
}());
