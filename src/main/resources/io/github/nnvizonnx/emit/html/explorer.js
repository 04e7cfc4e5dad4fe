// nnviz-onnx explorer: draws the model embedded in this page (gzip + base64 JSON, see docs/html-format.md) with
// dagre, laying out only what is visible, and lets its reader expand, collapse, unfold, search and inspect.
// Every text from the model reaches the page through textContent or an SVG text node: never as markup.
(() => {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  /**
   * A change that would draw more than this is refused: dagre's time grows fast with nodes and faster with the boxes
   * around them (bench/html-open.sh: 43 nodes in 9 boxes about 0.4 s, 327 nodes in 85 boxes about 15 s), so each box
   * counts as three nodes.
   */
  const LAYOUT_LIMIT = 360;
  const layoutWeight = (view) => view.count + 3 * view.boxes.length;
  const MAX_LINE = 60;
  const FEW_OP_TYPES = 3;
  const $ = (id) => document.getElementById(id);
  const status = (text) => { $('status').textContent = text; };
  const timings = (window.nnvizTimings = { start: performance.now() });

  // ------------------------------------------------------------------ the model

  async function decode() {
    const base64 = $('nnviz-model').textContent.trim();
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }

  /** The model's columns with what the drawing needs worked out once: children, paths, counts, op types. */
  function prepare(data) {
    const S = data.strings;
    const str = (i) => (i < 0 ? null : S[i]);
    const mod = data.modules;
    const nM = mod.parent.length;
    const nodes = data.nodes;
    const nN = nodes.kind.length;
    const children = Array.from({ length: nM }, () => []);
    const path = new Array(nM);
    const level = new Int32Array(nM);
    path[0] = '';
    for (let m = 1; m < nM; m++) {
      const p = mod.parent[m];
      children[p].push(m);
      path[m] = p === 0 ? mod.name[m] : path[p] + '.' + mod.name[m];
      level[m] = level[p] + 1;
    }
    const inside = new Int32Array(nM);
    for (let n = 0; n < nN; n++) inside[nodes.module[n]]++;
    const opTypes = Array.from({ length: nM }, () => []);
    const opCount = new Int32Array(nM);
    for (let n = 0; n < nN; n++) {
      if (nodes.kind[n] !== 0) continue;
      const op = S[nodes.op[n]];
      for (let m = nodes.module[n]; m >= 0; m = mod.parent[m]) {
        opCount[m]++;
        const types = opTypes[m];
        if (types.length <= FEW_OP_TYPES && !types.includes(op)) types.push(op);
      }
    }
    for (let m = nM - 1; m > 0; m--) inside[mod.parent[m]] += inside[m];
    // head: the member drawn for itself and every member after it; those before it are drawn one by one
    const folds = data.view.folds.map((f, i) => ({ id: i, members: f.members, head: 0 }));
    const memberOf = new Map();
    for (const f of folds) f.members.forEach((m, k) => memberOf.set(m, { fold: f, k }));
    return {
      data, S, str, mod, nM, nodes, nN, children, path, level, inside, opTypes, opCount, folds, memberOf,
      kind: (m) => S[mod.kind[m]],
      title: (m) => (mod.title[m] === 0 ? mod.name[m] : mod.title[m]),
      cls: (m) => str(mod.cls[m]),
      // a module of one node draws no box: its node stands for it and names it
      transparent: (m) => m !== 0 && inside[m] <= 1,
      tensors: data.tensors,
      edges: data.edges,
      redirect: null,
      adjacency: null,
    };
  }

  /**
   * For a run folded into its head member, what the last member sent out comes from the head's matching node:
   * members are identical, so their nodes correspond one to one in order (as the folding pass found them). Worked
   * out again when a run's head moves.
   */
  function foldRedirects(M) {
    const key = M.folds.map((f) => f.head).join(',');
    if (M.redirect && M.redirectKey === key) return M.redirect;
    const redirect = new Int32Array(M.nN).fill(-1);
    const role = new Map(); // module -> [fold, 0 for the head, 1 for the last member]
    for (const f of M.folds) {
      if (!isFolded(f)) continue;
      role.set(f.members[f.head], [f, 0]);
      role.set(f.members[f.members.length - 1], [f, 1]);
    }
    const lists = new Map([...role.values()].map(([f]) => [f, [[], []]]));
    for (let n = 0; n < M.nN; n++) {
      for (let m = M.nodes.module[n]; m > 0; m = M.mod.parent[m]) {
        const r = role.get(m);
        if (r) lists.get(r[0])[r[1]].push(n);
      }
    }
    for (const [, [head, last]] of lists) {
      for (let k = 0; k < last.length && k < head.length; k++) redirect[last[k]] = head[k];
    }
    M.redirect = redirect;
    M.redirectKey = key;
    return redirect;
  }
  const isFolded = (f) => f.head < f.members.length - 1;
  /** How many members a click on a run's badge draws one by one more. */
  const UNFOLD_STEP = 10;

  /** Incoming and outgoing edges by node, built the first time a node is inspected. */
  function adjacency(M) {
    if (M.adjacency) return M.adjacency;
    const into = Array.from({ length: M.nN }, () => []);
    const out = Array.from({ length: M.nN }, () => []);
    const e = M.edges;
    for (let i = 0; i < e.length; i += 3) {
      out[e[i]].push(i);
      into[e[i + 1]].push(i);
    }
    M.adjacency = { into, out };
    return M.adjacency;
  }

  // ------------------------------------------------------------------ texts, as the other formats write them

  const clip = (s) => (s.length <= MAX_LINE ? s : s.slice(0, MAX_LINE - 1) + '…');
  function humanCount(n) {
    if (n < 1000) return String(n);
    const units = ['K', 'M', 'B', 'T'];
    let v = n;
    let u = -1;
    while (v >= 1000 && u < units.length - 1) { v /= 1000; u++; }
    return (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2)).replace(/\.?0+$/, '') + units[u];
  }
  const paramLine = (M, p) => humanCount(p) + ' params' +
      (M.data.totalParams > 0 ? ` (${(100 * p / M.data.totalParams).toFixed(1)}%)` : '');
  const namesClass = (title, cls) => {
    if (!title.startsWith(cls)) return false;
    const rest = title.slice(cls.length);
    return rest === '' || (rest.length > 1 && rest[0] === '_' && /^[0-9–]+$/.test(rest.slice(1)));
  };
  const withClass = (title, cls) => (cls == null || namesClass(title, cls) ? title : `${title} (${cls})`);

  /** The run {@code m} is drawn for, with the members after it, or null. */
  function foldedRun(M, state, m) {
    const r = M.memberOf.get(m);
    return r && r.k === r.fold.head && isFolded(r.fold) ? r.fold : null;
  }
  const foldCount = (f) => f.members.length - f.head;
  /** {@code layer.0–11} when both titles end in a number after the same text, else {@code first…last}. */
  function range(first, last) {
    const a = /\d*$/.exec(first)[0].length;
    const b = /\d*$/.exec(last)[0].length;
    const stem = first.slice(0, first.length - a);
    return a > 0 && b > 0 && stem === last.slice(0, last.length - b) ? `${first}–${last.slice(stem.length)}` : `${first}…${last}`;
  }
  const moduleTitle = (M, state, m) => {
    const f = foldedRun(M, state, m);
    return f ? range(M.title(m), M.title(f.members[f.members.length - 1])) : M.title(m);
  };
  function boxTitle(M, state, m) {
    const title = moduleTitle(M, state, m) || '(unnamed)';
    if (M.kind(m) === 'CONTROL_FLOW') return clip(title === M.cls(m) ? title : `${M.cls(m)} ${title}`);
    return clip(withClass(title, M.cls(m)));
  }
  /** The innermost module holding only this node that has a class, else the innermost: the name the node shows. */
  function ownModule(M, n) {
    let own = -1;
    for (let m = M.nodes.module[n]; m > 0 && M.transparent(m); m = M.mod.parent[m]) {
      if (own < 0 || (M.cls(m) != null && (M.cls(own) == null || namesClass(M.title(own), M.cls(own))))) own = m;
    }
    return own;
  }
  /** Lines of a node: a bold title, then details, then what a comparison found, as Labels.java writes them. */
  function nodeLines(M, state, item) {
    const lines = ownLines(M, state, item);
    const change = changeOf(M, item);
    return change ? [...lines, clip(change.text)] : lines;
  }
  /**
   * What a comparison of two models found about a drawn node or box ({ module } or { node }): its look and the line
   * its label shows; null when the page draws one model or the item is the same in both.
   */
  function changeOf(M, item) {
    const looks = M.data.changeLooks;
    if (!looks) return null;
    const columns = item.module >= 0 ? M.mod : M.nodes;
    const i = item.module >= 0 ? item.module : item.node;
    const k = columns.change[i];
    return k < 0 ? null : { look: looks[k], text: M.str(columns.changeText[i]) };
  }
  /** Draws a change's outline on a node's or box's shape, as the other formats do; a removed part is faded. */
  function markChange(shape, group, change, lineWidth) {
    if (!change) return;
    const look = change.look;
    shape.setAttribute('stroke', look.color);
    shape.setAttribute('stroke-width', lineWidth * look.width);
    if (dashes[look.border]) shape.setAttribute('stroke-dasharray', dashes[look.border]);
    else shape.removeAttribute('stroke-dasharray');
    if (look.fill) shape.setAttribute('fill', look.fill);
    if (look.text) group.style.setProperty('--change-text', look.text);
    group.classList.add('change-' + look.word);
  }
  function ownLines(M, state, item) {
    const st = M.data.style;
    if (item.module >= 0) {
      const m = item.module;
      const f = foldedRun(M, state, m);
      const cls = M.cls(m);
      const lines = [];
      let title = moduleTitle(M, state, m) || '(unnamed)';
      if (M.kind(m) === 'CONTROL_FLOW') {
        title = cls || title;
        if (M.mod.name[m] !== cls) lines.push(M.mod.name[m]);
      } else if (cls != null && st.names) {
        if (f) lines.push(`${cls} ×${foldCount(f)}`);
        else if (!namesClass(title, cls)) lines.push(cls);
      } else {
        if (f) title += ` ×${foldCount(f)}`;
        const types = M.opTypes[m];
        if (types.length === 1) lines.push(types[0]);
        else if (types.length <= FEW_OP_TYPES) lines.push(types.join(' + '));
        else lines.push(`${M.opCount[m]} ops`);
      }
      const p = f ? f.members.slice(f.head).reduce((s, x) => s + M.mod.params[x], 0) : M.mod.params[m];
      if (st.params && p > 0) lines.push(paramLine(M, p));
      return [clip(title), ...lines.map(clip)];
    }
    const n = item.node;
    const nodes = M.nodes;
    if (nodes.kind[n] !== 0) {
      const t = M.data.nodeTensor[n];
      const label = t >= 0 ? M.str(M.tensors.label[t]) : null;
      return [clip(nodes.name[n] || '(unnamed)'), ...(label ? [clip(label)] : [])];
    }
    const lines = [clip(M.S[nodes.op[n]] || '(unnamed)')];
    const domain = M.str(nodes.domain[n]);
    if (domain && domain !== 'ai.onnx') lines.push(clip(domain));
    const own = ownModule(M, n);
    if (own >= 0 && st.names) lines.push(clip(withClass(M.title(own), M.cls(own))));
    if (st.params && nodes.params[n] > 0) lines.push(clip(paramLine(M, nodes.params[n])));
    return lines;
  }
  function family(M, item) {
    if (item.module >= 0) return M.kind(item.module) === 'CONTROL_FLOW' ? 'flow' : 'module';
    if (M.nodes.kind[item.node] !== 0) return 'io';
    return M.data.families[M.S[M.nodes.op[item.node]]] || 'other';
  }

  // ------------------------------------------------------------------ what is visible

  function initialState(M) {
    const expanded = new Uint8Array(M.nM);
    const collapsed = new Set(M.data.view.collapsed);
    for (let m = 0; m < M.nM; m++) {
      const p = M.mod.parent[m];
      const member = M.memberOf.get(m);
      // the other members of a folded run start closed: a run drawn one by one shows one box each
      expanded[m] = (m === 0 || (expanded[p] && !collapsed.has(m) && !(member && member.k > 0))) ? 1 : 0;
    }
    return { expanded, selected: null, hits: new Set() };
  }

  /** Visible items (nodes, closed modules), the boxes around them and the edges between them. */
  function computeView(M, state) {
    const { mod, nM, nN, nodes } = M;
    const hiddenMod = new Uint8Array(nM);
    const rep = new Int32Array(nM);
    for (let m = 0; m < nM; m++) {
      const p = mod.parent[m];
      const member = M.memberOf.get(m);
      hiddenMod[m] = (p >= 0 && hiddenMod[p]) || (member && member.k > member.fold.head) ? 1 : 0;
      if (hiddenMod[m]) rep[m] = -3;
      else if (p >= 0 && rep[p] >= 0) rep[m] = rep[p];
      else rep[m] = m !== 0 && !M.transparent(m) && !state.expanded[m] && M.inside[m] > 0 ? m : -1;
    }
    const itemOf = (n) => {
      const r = rep[nodes.module[n]];
      return r === -3 ? -1 : r >= 0 ? nN + r : n;
    };
    const shown = new Uint8Array(nN + nM);
    let count = 0;
    for (let n = 0; n < nN; n++) {
      const it = itemOf(n);
      if (it >= 0 && !shown[it]) { shown[it] = 1; count++; }
    }
    const items = [];
    for (let it = 0; it < nN + nM; it++) {
      if (shown[it]) items.push(it < nN ? { key: it, id: 'n' + it, node: it, module: -1 } : { key: it, id: 'm' + (it - nN), node: -1, module: it - nN });
    }
    const redirect = M.folds.some(isFolded) ? foldRedirects(M) : null;
    const edges = [];
    const seen = new Set();
    const e = M.edges;
    for (let i = 0; i < e.length; i += 3) {
      const b = itemOf(e[i + 1]);
      if (b < 0) continue;
      let s = e[i];
      let a = itemOf(s);
      let moved = false;
      while (a < 0 && redirect && redirect[s] >= 0) { s = redirect[s]; a = itemOf(s); moved = true; }
      if (a < 0 || a === b) continue;
      if (moved || a >= nN || b >= nN) {
        const key = a + ',' + b + ',' + e[i + 2];
        if (seen.has(key)) continue;
        seen.add(key);
      }
      edges.push({ from: a, to: b, tensor: e[i + 2], index: i });
    }
    // boxes: the open modules around visible items
    const boxOf = new Map();
    const boxes = new Set();
    const useBoxes = M.data.style.boxes;
    const enclosingBox = (m) => {
      while (m > 0 && (M.transparent(m))) m = mod.parent[m];
      return useBoxes ? m : 0;
    };
    for (const it of items) {
      const start = it.module >= 0 ? mod.parent[it.module] : nodes.module[it.node];
      const box = enclosingBox(start);
      boxOf.set(it.key, box);
      for (let b = box; b > 0 && !boxes.has(b); b = enclosingBox(mod.parent[b])) boxes.add(b);
    }
    return { items, edges, boxes: [...boxes], boxOf, count, parentBox: (b) => enclosingBox(mod.parent[b]) };
  }

  // ------------------------------------------------------------------ layout and drawing

  /** Extra dagre settings (benchmarks compare rankers with them). */
  const layoutOptions = {};
  let measureContext = null;
  function textWidth(text, bold, size) {
    if (!measureContext) measureContext = document.createElement('canvas').getContext('2d');
    measureContext.font = `${bold ? 'bold ' : ''}${size}px ${getComputedStyle(document.body).getPropertyValue('--font')}`;
    return measureContext.measureText(text).width;
  }

  function layout(M, state, view) {
    const st = M.data.style;
    const g = new dagre.graphlib.Graph({ compound: true, multigraph: true });
    const lr = M.data.direction !== 'TB';
    // A box's title sits in the gap dagre leaves between its border and what it holds: half a rank top to bottom,
    // the separation of border dummies (edgesep) left to right.
    const title = st.fontSize * 1.5 + 6;
    g.setGraph({ rankdir: lr ? 'LR' : 'TB', nodesep: Math.max(22, title), ranksep: lr ? 36 : Math.max(28, 2 * title),
      edgesep: lr ? Math.max(16, title) : 16, marginx: 16, marginy: 16, ...layoutOptions });
    g.setDefaultEdgeLabel(() => ({}));
    const line = st.fontSize * 1.3;
    for (const it of view.items) {
      const lines = nodeLines(M, state, it);
      const width = Math.max(...lines.map((t, k) => textWidth(t, k === 0, st.fontSize))) + 20;
      g.setNode(it.id, { width: Math.max(width, 40), height: lines.length * line + 10, item: it, lines });
    }
    for (const b of view.boxes) g.setNode('b' + b, { box: b });
    for (const b of view.boxes) {
      const p = view.parentBox(b);
      if (p > 0) g.setParent('b' + b, 'b' + p);
    }
    for (const it of view.items) {
      const b = view.boxOf.get(it.key);
      if (b > 0) g.setParent(it.id, 'b' + b);
    }
    const idOf = (key) => (key < M.nN ? 'n' + key : 'm' + (key - M.nN));
    view.edges.forEach((e, k) => {
      const label = st.shapes ? M.str(M.tensors.label[e.tensor]) : null;
      const size = label ? { width: textWidth(label, false, st.edgeFontSize) + 6, height: st.edgeFontSize * 1.3, labelpos: 'c' } : {};
      g.setEdge(idOf(e.from), idOf(e.to), { ...size, label, edge: e }, 'e' + k);
    });
    dagre.layout(g);
    return g;
  }

  const el = (name, attrs, parent) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  };
  const dashes = { dashed: '5 3', dotted: '1 2' };

  /** A smooth path through dagre's points. */
  function curve(points) {
    let d = `M${points[0].x},${points[0].y}`;
    if (points.length === 2) return d + `L${points[1].x},${points[1].y}`;
    for (let i = 1; i < points.length - 1; i++) {
      const p = points[i];
      const next = points[i + 1];
      const mid = i === points.length - 2 ? next : { x: (p.x + next.x) / 2, y: (p.y + next.y) / 2 };
      d += `Q${p.x},${p.y} ${mid.x},${mid.y}`;
    }
    return d;
  }

  function draw(M, state, g, world) {
    const st = M.data.style;
    world.replaceChildren();
    const defs = el('defs', {}, world);
    const marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M0,0L10,5L0,10z', fill: st.edge }, marker);
    const titleSize = st.fontSize;
    const boxLayer = el('g', { class: 'boxes' }, world);
    const edgeLayer = el('g', { class: 'edges' }, world);
    const nodeLayer = el('g', { class: 'nodes' }, world);
    const boxes = g.nodes().map((v) => g.node(v)).filter((n) => n.box !== undefined);
    boxes.sort((a, b) => M.level[a.box] - M.level[b.box]);
    const boxLevel = new Map();
    for (const b of boxes) {
      const p = g.parent('b' + b.box);
      boxLevel.set(b.box, p ? boxLevel.get(g.node(p).box) + 1 : 1);
      const level = boxLevel.get(b.box);
      const top = b.y - b.height / 2;
      const group = el('g', { class: 'box', 'data-module': String(b.box) }, boxLayer);
      const frame = el('rect', { x: b.x - b.width / 2, y: top, width: b.width, height: b.y + b.height / 2 - top, rx: 6,
        fill: st.moduleFills[(level - 1) % st.moduleFills.length], stroke: st.moduleBorder, 'stroke-width': st.lineWidth }, group);
      const boxChange = changeOf(M, { module: b.box });
      markChange(frame, group, boxChange, st.lineWidth);
      const title = el('text', { class: 'title', x: b.x - b.width / 2 + 8, y: top + titleSize * 1.2, 'font-size': titleSize }, group);
      title.textContent = boxTitle(M, state, b.box) + (boxChange ? ` · ${boxChange.text}` : '');
      title.addEventListener('click', (ev) => { ev.stopPropagation(); toggleModule(b.box, ev); });
      title.addEventListener('mouseenter', () => showInfo({ module: b.box, node: -1 }));
      const member = M.memberOf.get(b.box);
      if (member && member.k === member.fold.head && isFolded(member.fold)) {
        foldBadge(group, b.x + b.width / 2 - 8, top + 3, member.fold);
      } else if (member && member.k === 0) {
        const f = member.fold;
        badge(group, b.x + b.width / 2 - 8, top + 3, `fold ×${f.members.length}`, 'Fold the run again', () => setFold(f, 0));
      }
    }
    for (const v of g.edges()) {
      const e = g.edge(v);
      const group = el('g', { class: 'edge' }, edgeLayer);
      el('path', { d: curve(e.points), stroke: st.edge, 'stroke-width': st.lineWidth, 'marker-end': 'url(#arrow)' }, group);
      if (e.label) {
        const t = el('text', { x: e.x, y: e.y + st.edgeFontSize * 0.35, 'text-anchor': 'middle', 'font-size': st.edgeFontSize }, group);
        t.textContent = e.label;
      }
    }
    const line = st.fontSize * 1.3;
    for (const v of g.nodes()) {
      const n = g.node(v);
      if (!n.item) continue;
      const it = n.item;
      const fam = family(M, it);
      const [borderStyle, borderWidth] = st.borders[fam];
      const group = el('g', { class: 'node', id: 'node-' + it.id, 'data-kind': it.module >= 0 ? 'module' : M.nodes.kind[it.node] === 0 ? 'op' : 'io',
        'data-index': String(it.module >= 0 ? it.module : it.node) }, nodeLayer);
      const x = n.x - n.width / 2;
      const y = n.y - n.height / 2;
      const shape = el('rect', { class: 'shape', x, y, width: n.width, height: n.height, rx: fam === 'io' ? n.height / 2 : 3,
        fill: st.fills[fam], stroke: st.border, 'stroke-width': borderWidth }, group);
      if (dashes[borderStyle]) shape.setAttribute('stroke-dasharray', dashes[borderStyle]);
      const change = changeOf(M, it);
      markChange(shape, group, change, st.lineWidth);
      if (it.module >= 0) { // a closed module: a second outline, as a subroutine box
        el('rect', { x: x + 3, y: y + 3, width: n.width - 6, height: n.height - 6, rx: 2, fill: 'none', stroke: st.border, 'stroke-width': st.lineWidth * 0.6 }, group);
      } else if (change && change.look.doubled) { // an added node: a second outline, as Graphviz's peripheries
        el('rect', { x: x - 3, y: y - 3, width: n.width + 6, height: n.height + 6, rx: 5, fill: 'none', stroke: change.look.color, 'stroke-width': st.lineWidth }, group);
      }
      n.lines.forEach((text, k) => {
        const t = el('text', { x: n.x, y: y + 5 + line * (k + 0.75), 'text-anchor': 'middle', 'font-size': st.fontSize }, group);
        if (k === 0) t.setAttribute('font-weight', 'bold');
        t.textContent = text;
      });
      if (state.hits.has(it.key)) group.classList.add('hit');
      if (state.selected && state.selected.key === it.key) group.classList.add('selected');
      group.addEventListener('mouseenter', () => showInfo(it));
      group.addEventListener('mouseleave', () => showInfo(state.selected));
      group.addEventListener('click', (ev) => {
        ev.stopPropagation();
        select(it);
        if (it.module >= 0) toggleModule(it.module, ev);
      });
      const member = it.module >= 0 ? M.memberOf.get(it.module) : null;
      if (member && member.k === member.fold.head && isFolded(member.fold)) foldBadge(group, x + n.width + 4, y - 8, member.fold);
    }
    for (const b of boxes) {
      if (state.hits.has(M.nN + b.box)) boxLayer.querySelector(`[data-module="${b.box}"]`).classList.add('hit');
    }
  }

  /** The badge of a folded run: a click draws the next members one by one. */
  function foldBadge(parent, right, top, f) {
    const next = Math.min(f.members.length - 1, f.head + UNFOLD_STEP);
    const tip = next === f.members.length - 1 ? 'Draw every member of the run' : `Draw ${next - f.head} more members of the run one by one`;
    badge(parent, right, top, `×${foldCount(f)} ▸`, tip, () => setFold(f, next));
  }

  function badge(parent, right, top, text, tip, action) {
    const size = 10;
    const w = textWidth(text, true, size) + 10;
    const group = el('g', { class: 'badge' }, parent);
    el('title', {}, group).textContent = tip;
    el('rect', { x: right - w, y: top, width: w, height: size + 6, rx: 4 }, group);
    const t = el('text', { x: right - w / 2, y: top + size + 1, 'text-anchor': 'middle', 'font-size': size }, group);
    t.textContent = text;
    group.addEventListener('click', (ev) => { ev.stopPropagation(); action(); });
  }

  // ------------------------------------------------------------------ the page

  let M = null;
  let state = null;
  let graph = null;
  let view = null;
  const camera = { x: 0, y: 0, k: 1 };

  function applyCamera() {
    $('world').setAttribute('transform', `translate(${camera.x},${camera.y}) scale(${camera.k})`);
  }
  function fit() {
    const svg = $('view').getBoundingClientRect();
    const gr = graph.graph();
    const k = Math.min(svg.width / Math.max(gr.width, 1), svg.height / Math.max(gr.height, 1), 1.5);
    camera.k = k;
    camera.x = (svg.width - gr.width * k) / 2;
    camera.y = (svg.height - gr.height * k) / 2;
    applyCamera();
  }
  /**
   * The first view: the whole drawing when its text stays readable so, else its top at a readable size (a detection
   * model's tall chain fitted whole would be specks), to be panned.
   */
  function firstView() {
    const svg = $('view').getBoundingClientRect();
    const gr = graph.graph();
    const whole = Math.min(svg.width / Math.max(gr.width, 1), svg.height / Math.max(gr.height, 1));
    if (whole >= 0.6) {
      fit();
      return;
    }
    camera.k = Math.min(1, svg.width / Math.max(gr.width, 1)) >= 0.6 ? Math.min(1, svg.width / gr.width) : 0.8;
    camera.x = (svg.width - gr.width * camera.k) / 2;
    camera.y = 8;
    applyCamera();
  }
  /** Where a layout position is on screen now. */
  const toScreen = (p) => ({ x: camera.x + p.x * camera.k, y: camera.y + p.y * camera.k });
  function centerOn(p) {
    const svg = $('view').getBoundingClientRect();
    camera.k = Math.max(camera.k, 0.8);
    camera.x = svg.width / 2 - p.x * camera.k;
    camera.y = svg.height / 2 - p.y * camera.k;
    applyCamera();
  }

  /** The layout position of the item or box that stands for module {@code m}, or of node {@code n}. */
  function positionOf(key) {
    if (!graph) return null;
    const id = key < M.nN ? 'n' + key : 'm' + (key - M.nN);
    const node = graph.node(id) || (key >= M.nN ? graph.node('b' + (key - M.nN)) : null);
    return node ? { x: node.x, y: node.y } : null;
  }

  /**
   * Lays out and draws the current state; when it would show more than LAYOUT_LIMIT items, {@code undo} restores
   * the state before and nothing changes. {@code anchorKey} stays where it was on screen.
   */
  function render(undo, anchorKey) {
    const t0 = performance.now();
    const next = computeView(M, state);
    if (layoutWeight(next) > LAYOUT_LIMIT && undo) {
      undo();
      status(`Not opened: that would draw ${next.count.toLocaleString()} nodes in ${next.boxes.length.toLocaleString()} boxes, too many to lay out quickly; close something first, or open a module inside it.`);
      return false;
    }
    const anchorBefore = anchorKey != null ? positionOf(anchorKey) : null;
    const screenBefore = anchorBefore ? toScreen(anchorBefore) : null;
    view = next;
    const t1 = performance.now();
    graph = layout(M, state, view);
    const t2 = performance.now();
    draw(M, state, graph, $('world'));
    const t3 = performance.now();
    const anchorAfter = anchorKey != null ? positionOf(anchorKey) : null;
    if (screenBefore && anchorAfter) {
      camera.x = screenBefore.x - anchorAfter.x * camera.k;
      camera.y = screenBefore.y - anchorAfter.y * camera.k;
      applyCamera();
    }
    Object.assign(timings, { view: t1 - t0, layout: t2 - t1, draw: t3 - t2 });
    status(`${view.count.toLocaleString()} nodes and ${view.edges.length.toLocaleString()} edges drawn of ${M.nN.toLocaleString()} nodes · click a module to open or close it`);
    renderTree();
    return true;
  }

  /** Every module open and every run drawn one by one, unless that is past the layout limit (for benchmarks). */
  function openEverything() {
    const expanded = state.expanded.slice();
    const heads = M.folds.map((f) => f.head);
    state.expanded.fill(1);
    M.folds.forEach((f) => { f.head = f.members.length - 1; });
    return render(() => { state.expanded = expanded; M.folds.forEach((f, i) => { f.head = heads[i]; }); });
  }

  /**
   * Closes the deepest open modules, a level at a time, until the view can be laid out quickly: a view asked for
   * with every level of a large model would otherwise keep the page blank for minutes. Returns how many levels.
   */
  function closeToFit() {
    let levels = 0;
    for (let v = computeView(M, state); layoutWeight(v) > LAYOUT_LIMIT; v = computeView(M, state)) {
      let deepest = 0;
      for (const b of v.boxes) deepest = Math.max(deepest, M.level[b]);
      if (deepest === 0) break;
      for (const b of v.boxes) if (M.level[b] === deepest) state.expanded[b] = 0;
      levels++;
    }
    return levels;
  }

  function toggleModule(m, ev) {
    const was = state.expanded[m];
    state.expanded[m] = was ? 0 : 1;
    render(() => { state.expanded[m] = was; }, M.nN + m);
    if (ev) select({ key: M.nN + m, module: m, node: -1 });
  }
  function setFold(f, head) {
    const before = f.head;
    f.head = head;
    render(() => { f.head = before; }, M.nN + f.members[before]);
    showInfo(state.selected);
  }

  /** Opens every module around {@code key} (and every folded run hiding it); true when something changed. */
  function reveal(key) {
    let changed = false;
    const start = key < M.nN ? M.nodes.module[key] : M.mod.parent[key - M.nN];
    for (let m = start; m > 0; m = M.mod.parent[m]) {
      if (!M.transparent(m) && !state.expanded[m]) { state.expanded[m] = 1; changed = true; }
    }
    for (let m = key < M.nN ? M.nodes.module[key] : key - M.nN; m > 0; m = M.mod.parent[m]) {
      const member = M.memberOf.get(m);
      if (member && member.k > member.fold.head) { member.fold.head = member.k; changed = true; }
    }
    return changed;
  }
  function goTo(key) {
    const expanded = state.expanded.slice();
    const heads = M.folds.map((f) => f.head);
    if (reveal(key)) {
      render(() => { state.expanded = expanded; M.folds.forEach((f, i) => { f.head = heads[i]; }); });
    }
    const item = key < M.nN ? { key, node: key, module: -1 } : { key, node: -1, module: key - M.nN };
    select(item);
    const p = positionOf(key);
    if (p) centerOn(p);
  }

  function select(item) {
    state.selected = item;
    for (const old of document.querySelectorAll('.node.selected')) old.classList.remove('selected');
    if (item) {
      const node = document.getElementById('node-' + (item.module >= 0 ? 'm' + item.module : 'n' + item.node));
      if (node) node.classList.add('selected');
    }
    showInfo(item);
    crumbs(item);
  }

  // ------------------------------------------------------------------ details

  function tableRows(table, rows) {
    for (const [k, v] of rows) {
      if (v == null || v === '') continue;
      const tr = table.insertRow();
      tr.insertCell().textContent = k;
      tr.insertCell().textContent = v;
    }
  }
  function heading(parent, level, text) {
    const h = document.createElement(level);
    h.textContent = text;
    parent.appendChild(h);
  }
  /** One entry per edge: the tensor's name, then its type and shape and the node at the other end. */
  function tensorList(parent, edgeIndexes, end, direction) {
    const list = document.createElement('div');
    list.className = 'tensors';
    for (const i of edgeIndexes) {
      const t = M.edges[i + 2];
      const other = M.edges[i + end];
      const entry = document.createElement('div');
      const name = document.createElement('div');
      name.className = 'tensor-name';
      name.textContent = M.tensors.name[t] || '(unnamed)';
      const what = document.createElement('div');
      const type = [M.str(M.tensors.type[t]), M.str(M.tensors.shape[t])].filter((x) => x).join(' ') || 'shape unknown';
      const peer = M.nodes.kind[other] === 0 ? M.S[M.nodes.op[other]] : M.nodes.name[other];
      what.textContent = `${type} · ${direction} ${peer}`;
      entry.append(name, what);
      list.appendChild(entry);
    }
    parent.appendChild(list);
  }
  function showInfo(item) {
    const info = $('info');
    info.replaceChildren();
    if (!item) {
      const hint = document.createElement('p');
      hint.className = 'hint';
      hint.textContent = 'Hover or click a node to see its details. Click a module to open or close it; ×N opens a folded run. Drag to pan, scroll to zoom.';
      info.appendChild(hint);
      legend(info);
      return;
    }
    const table = document.createElement('table');
    if (item.module >= 0) {
      const m = item.module;
      const f = M.memberOf.get(m);
      heading(info, 'h2', boxTitle(M, state, m));
      tableRows(table, [['path', M.path[m]], ['change', changeOf(M, { module: m })?.text], ['class', M.cls(m)], ['qualified class', M.str(M.mod.qcls[m])],
        ['kind', M.kind(m).toLowerCase().replace('_', ' ')], ['parameters', M.mod.params[m] > 0 ? paramLine(M, M.mod.params[m]) : null],
        ['operations', M.opCount[m].toLocaleString()],
        ['op types', M.opTypes[m].length > FEW_OP_TYPES ? M.opTypes[m].slice(0, FEW_OP_TYPES).join(', ') + ', …' : M.opTypes[m].join(', ')],
        ['run', f ? `${f.k + 1} of ${f.fold.members.length} (${range(M.title(f.fold.members[0]), M.title(f.fold.members[f.fold.members.length - 1]))})` : null]]);
      info.appendChild(table);
      const actions = document.createElement('div');
      actions.className = 'actions';
      const button = (text, action) => {
        const b = document.createElement('button');
        b.textContent = text;
        b.addEventListener('click', action);
        actions.appendChild(b);
      };
      if (!M.transparent(m)) button(state.expanded[m] ? 'Close' : 'Open', () => toggleModule(m));
      if (f && isFolded(f.fold) && f.k === f.fold.head) {
        button(`Draw all ${f.fold.members.length}`, () => setFold(f.fold, f.fold.members.length - 1));
      }
      if (f && f.fold.head > 0) button('Fold the run', () => setFold(f.fold, 0));
      info.appendChild(actions);
      return;
    }
    const n = item.node;
    const nodes = M.nodes;
    const { into, out } = adjacency(M);
    if (nodes.kind[n] !== 0) {
      heading(info, 'h2', nodes.name[n] || '(unnamed)');
      const t = M.data.nodeTensor[n];
      tableRows(table, [['kind', nodes.kind[n] === 1 ? 'model input' : 'model output'], ['change', changeOf(M, item)?.text],
        ['tensor', t >= 0 ? M.tensors.name[t] : null], ['type', t >= 0 ? M.str(M.tensors.type[t]) : null],
        ['shape', t >= 0 ? M.str(M.tensors.shape[t]) : null]]);
      info.appendChild(table);
    } else {
      heading(info, 'h2', M.S[nodes.op[n]]);
      const m = nodes.module[n];
      tableRows(table, [['name', nodes.name[n]], ['change', changeOf(M, item)?.text], ['domain', M.str(nodes.domain[n]) || 'ai.onnx'],
        ['module', M.path[m] || '(model)'], ['class', M.cls(ownModule(M, n) >= 0 ? ownModule(M, n) : m)],
        ['parameters', nodes.params[n] > 0 ? paramLine(M, nodes.params[n]) : null]]);
      info.appendChild(table);
      const attrs = nodes.attrs[n];
      if (attrs !== 0) {
        heading(info, 'h3', 'Attributes');
        const at = document.createElement('table');
        for (let k = 0; k < attrs.length; k += 2) tableRows(at, [[M.S[attrs[k]], M.S[attrs[k + 1]]]]);
        info.appendChild(at);
      }
    }
    if (into[n].length) {
      heading(info, 'h3', 'Inputs');
      tensorList(info, into[n], 0, 'from');
    }
    if (out[n].length) {
      heading(info, 'h3', 'Outputs');
      tensorList(info, out[n], 1, 'to');
    }
  }
  function legend(parent) {
    if (!view) return;
    heading(parent, 'h3', 'Colours');
    const used = new Set(view.items.map((it) => family(M, it)));
    const names = { conv: 'convolution', linear: 'linear / matmul', norm: 'normalization', act: 'activation', pool: 'pooling',
      math: 'elementwise math', shape: 'shape / reshape / indexing', reduce: 'reduction', attn: 'attention', rnn: 'recurrent',
      flow: 'control flow', quant: 'quantization', const: 'constant', io: 'input / output', module: 'closed module', other: 'other' };
    const table = document.createElement('table');
    for (const f of Object.keys(names)) {
      if (!used.has(f)) continue;
      const tr = table.insertRow();
      const swatch = tr.insertCell();
      swatch.style.background = M.data.style.fills[f];
      swatch.style.border = `1px solid ${M.data.style.border}`;
      swatch.style.width = '2em';
      tr.insertCell().textContent = names[f];
    }
    for (const look of M.data.changeLooks || []) {
      const tr = table.insertRow();
      const swatch = tr.insertCell();
      swatch.style.border = `3px ${look.border} ${look.color}`;
      if (look.fill) swatch.style.background = look.fill;
      tr.insertCell().textContent = look.description;
    }
    parent.appendChild(table);
  }

  function crumbs(item) {
    const nav = $('crumbs');
    nav.replaceChildren();
    if (!item) return;
    const chain = [];
    for (let m = item.module >= 0 ? item.module : M.nodes.module[item.node]; m > 0; m = M.mod.parent[m]) {
      if (!M.transparent(m) || m === item.module) chain.unshift(m);
    }
    const root = document.createElement('button');
    root.textContent = 'model';
    root.addEventListener('click', fit);
    nav.appendChild(root);
    for (const m of chain) {
      const sep = document.createElement('span');
      sep.className = 'sep';
      sep.textContent = '›';
      nav.appendChild(sep);
      const b = document.createElement('button');
      b.textContent = M.title(m) || '(unnamed)';
      b.title = M.path[m];
      b.addEventListener('click', () => goTo(M.nN + m));
      nav.appendChild(b);
    }
  }

  // ------------------------------------------------------------------ module tree

  const treeOpen = new Set([0]);
  function renderTree() {
    const tree = $('tree');
    if (tree.classList.contains('closed')) return;
    const list = document.createElement('ul');
    const add = (parentList, m) => {
      for (const c of M.children[m]) {
        if (M.inside[c] === 0) continue;
        if (M.transparent(c)) continue;
        const li = document.createElement('li');
        const row = document.createElement('div');
        const hasChildren = M.children[c].some((x) => M.inside[x] > 0 && !M.transparent(x));
        const twist = document.createElement('span');
        twist.className = 'twist';
        twist.textContent = hasChildren ? (treeOpen.has(c) ? '▾' : '▸') : '';
        twist.addEventListener('click', (ev) => {
          ev.stopPropagation();
          if (treeOpen.has(c)) treeOpen.delete(c); else treeOpen.add(c);
          renderTree();
        });
        const stateMark = document.createElement('span');
        stateMark.className = 'state';
        stateMark.textContent = state.expanded[c] ? '□' : '■';
        stateMark.title = state.expanded[c] ? 'open: click to close' : 'closed: click to open';
        stateMark.addEventListener('click', (ev) => { ev.stopPropagation(); toggleModule(c); });
        const label = document.createElement('span');
        label.className = 'label';
        label.textContent = M.title(c) || '(unnamed)';
        const cls = document.createElement('span');
        cls.className = 'cls';
        cls.textContent = M.cls(c) ? M.cls(c) : '';
        row.append(twist, stateMark, label, cls);
        row.addEventListener('click', () => goTo(M.nN + c));
        if (state.selected && state.selected.module === c) li.className = 'current';
        li.appendChild(row);
        parentList.appendChild(li);
        if (hasChildren && treeOpen.has(c)) {
          const sub = document.createElement('ul');
          li.appendChild(sub);
          add(sub, c);
        }
      }
    };
    add(list, 0);
    tree.replaceChildren(list);
  }

  // ------------------------------------------------------------------ search

  let searchCache = null;
  function search(query) {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    if (!searchCache) {
      searchCache = {
        names: M.nodes.name.map((s) => String(s).toLowerCase()),
        ops: M.nodes.op.map((i) => (i >= 0 ? M.S[i].toLowerCase() : '')),
        paths: M.path.map((p, m) => (p + ' ' + (M.cls(m) || '')).toLowerCase()),
      };
    }
    const hits = [];
    for (let m = 1; m < M.nM; m++) {
      if (M.inside[m] > 0 && !M.transparent(m) && searchCache.paths[m].includes(q)) hits.push(M.nN + m);
    }
    for (let n = 0; n < M.nN; n++) {
      if (searchCache.ops[n] === q || searchCache.names[n].includes(q) || (q.length > 2 && searchCache.ops[n].includes(q))) hits.push(n);
    }
    return hits;
  }
  function describe(key) {
    if (key >= M.nN) return [M.path[key - M.nN], 'module' + (M.cls(key - M.nN) ? ' ' + M.cls(key - M.nN) : '')];
    const n = key;
    return [M.nodes.name[n] || '(unnamed)', M.nodes.kind[n] === 0 ? M.S[M.nodes.op[n]] : 'input / output'];
  }
  /** Reveals the first hits (as many as fit the layout limit), highlights them and shows the list. */
  function runSearch(query) {
    const hits = search(query);
    state.hits = new Set();
    const results = $('results');
    results.replaceChildren();
    results.hidden = hits.length === 0;
    $('hits').textContent = query.trim() ? `${hits.length.toLocaleString()} found` : '';
    if (!hits.length) { render(null); return; }
    for (const key of hits.slice(0, 200)) {
      const row = document.createElement('div');
      const [name, what] = describe(key);
      const w = document.createElement('span');
      w.className = 'what';
      w.textContent = ' ' + what;
      row.append(document.createTextNode(name), w);
      row.title = name;
      row.addEventListener('click', () => { state.hits.add(key); goTo(key); });
      results.appendChild(row);
    }
    let shown = 0;
    for (const key of hits.slice(0, 10)) {
      const expanded = state.expanded.slice();
      const heads = M.folds.map((f) => f.head);
      if (reveal(key) && layoutWeight(computeView(M, state)) > LAYOUT_LIMIT) {
        state.expanded = expanded;
        M.folds.forEach((f, i) => { f.head = heads[i]; });
        break;
      }
      state.hits.add(key);
      shown++;
    }
    render(null);
    if (shown) {
      const p = positionOf(hits[0]);
      select(hits[0] < M.nN ? { key: hits[0], node: hits[0], module: -1 } : { key: hits[0], node: -1, module: hits[0] - M.nN });
      if (p) centerOn(p);
      $('hits').textContent = `${hits.length.toLocaleString()} found, ${shown} shown`;
    }
  }

  // ------------------------------------------------------------------ exports

  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  const baseName = () => (M.data.title.split(/[\\/]/).pop() || 'model').replace(/\.[^.]*$/, '');

  function svgText() {
    const gr = graph.graph();
    const copy = $('view').cloneNode(true);
    copy.removeAttribute('id');
    copy.removeAttribute('class');
    copy.setAttribute('xmlns', SVG);
    copy.setAttribute('viewBox', `0 0 ${gr.width} ${gr.height}`);
    copy.setAttribute('width', gr.width);
    copy.setAttribute('height', gr.height);
    const world = copy.querySelector('#world');
    world.removeAttribute('transform');
    world.removeAttribute('id');
    for (const b of copy.querySelectorAll('.badge')) b.remove();
    // characters XML 1.0 cannot hold (control characters, lone surrogates) would make the file unreadable
    for (const t of copy.querySelectorAll('text')) {
      t.textContent = t.textContent.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    }
    const style = document.createElementNS(SVG, 'style');
    style.textContent = `text { font-family: ${M.data.style.font}; fill: ${M.data.style.text}; } path { fill: none; }`;
    copy.insertBefore(style, copy.firstChild);
    const bg = document.createElementNS(SVG, 'rect');
    bg.setAttribute('width', '100%');
    bg.setAttribute('height', '100%');
    bg.setAttribute('fill', M.data.style.background || '#ffffff');
    copy.insertBefore(bg, world);
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
  }

  /** Mermaid text: every character that could mean something to Mermaid as an entity code. */
  const mermaidText = (s) => '"' + [...s].map((c) => (/[A-Za-z0-9 ._\-×/:,()+%]/.test(c) ? c : `#${c.codePointAt(0)};`)).join('') + '"';
  function mermaid() {
    const st = M.data.style;
    const out = [`flowchart ${M.data.direction === 'TB' ? 'TB' : 'LR'}`];
    const idOf = (key) => (key < M.nN ? 'n' + key : 'm' + (key - M.nN));
    const inBox = new Map();
    for (const it of view.items) {
      const b = view.boxOf.get(it.key);
      if (!inBox.has(b)) inBox.set(b, []);
      inBox.get(b).push(it);
    }
    const childBoxes = new Map();
    for (const b of view.boxes) {
      const p = view.parentBox(b);
      if (!childBoxes.has(p)) childBoxes.set(p, []);
      childBoxes.get(p).push(b);
    }
    const families = new Map();
    const write = (box, depth) => {
      const indent = '    '.repeat(depth);
      for (const it of inBox.get(box) || []) {
        const lines = nodeLines(M, state, it);
        const label = mermaidText(lines.join('\n')).replace(/#10;/g, '<br>');
        const fam = family(M, it);
        if (!families.has(fam)) families.set(fam, []);
        families.get(fam).push(idOf(it.key));
        const shape = it.module >= 0 ? ['[[', ']]'] : fam === 'io' ? ['([', '])'] : ['[', ']'];
        out.push(`${indent}${idOf(it.key)}${shape[0]}${label}${shape[1]}`);
      }
      for (const b of childBoxes.get(box) || []) {
        out.push(`${indent}subgraph b${b}[${mermaidText(boxTitle(M, state, b))}]`);
        write(b, depth + 1);
        out.push(`${indent}end`);
      }
    };
    write(0, 1);
    for (const e of view.edges) {
      const label = st.shapes ? M.str(M.tensors.label[e.tensor]) : null;
      out.push(`    ${idOf(e.from)} -->${label ? '|' + mermaidText(label) + '|' : ''} ${idOf(e.to)}`);
    }
    for (const [fam, ids] of families) {
      out.push(`    classDef fam_${fam} fill:${st.fills[fam]},stroke:${st.border},color:${st.text}`);
      out.push(`    class ${ids.join(',')} fam_${fam}`);
    }
    return out.join('\n') + '\n';
  }

  // ------------------------------------------------------------------ wiring

  function applyStyle(st) {
    const root = document.documentElement.style;
    const bg = st.background || '#ffffff';
    root.setProperty('--bg', bg);
    root.setProperty('--text', st.text);
    root.setProperty('--edge', st.edge);
    root.setProperty('--font', st.font);
    const rgb = bg.length === 7 ? [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16)) : [255, 255, 255];
    const dark = (0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]) < 128;
    root.setProperty('--panel', dark ? '#26282c' : '#f4f5f7');
    root.setProperty('--line', dark ? '#3d4148' : '#d0d4da');
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }

  function panAndZoom() {
    const svg = $('view');
    let drag = null;
    svg.addEventListener('pointerdown', (ev) => {
      if (ev.button !== 0) return;
      drag = { x: ev.clientX, y: ev.clientY, cx: camera.x, cy: camera.y, moved: false };
    });
    svg.addEventListener('pointermove', (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
      if (!drag.moved) svg.setPointerCapture(ev.pointerId); // only now: a capture would take the click from the node
      drag.moved = true;
      svg.classList.add('panning');
      camera.x = drag.cx + dx;
      camera.y = drag.cy + dy;
      applyCamera();
    });
    const end = (ev) => {
      if (drag && drag.moved) {
        // a drag is not a click on what it started over
        const swallow = (e) => { e.stopPropagation(); e.preventDefault(); };
        window.addEventListener('click', swallow, { capture: true, once: true });
        setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0);
      }
      drag = null;
      svg.classList.remove('panning');
      if (ev.pointerId !== undefined && svg.hasPointerCapture(ev.pointerId)) svg.releasePointerCapture(ev.pointerId);
    };
    svg.addEventListener('pointerup', end);
    svg.addEventListener('pointercancel', end);
    svg.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const box = svg.getBoundingClientRect();
      const px = ev.clientX - box.left;
      const py = ev.clientY - box.top;
      const factor = Math.exp(-ev.deltaY * 0.0015);
      const k = Math.min(8, Math.max(0.02, camera.k * factor));
      camera.x = px - (px - camera.x) * (k / camera.k);
      camera.y = py - (py - camera.y) * (k / camera.k);
      camera.k = k;
      applyCamera();
    }, { passive: false });
    svg.addEventListener('dblclick', fit);
    svg.addEventListener('click', () => { select(null); $('results').hidden = true; });
  }

  async function main() {
    let data;
    try {
      data = await decode();
    } catch (e) {
      status('This page could not read its model: ' + e.message);
      throw e;
    }
    timings.decoded = performance.now() - timings.start;
    M = prepare(data);
    state = initialState(M);
    applyStyle(data.style);
    $('title').textContent = baseName();
    $('title').title = data.title + (data.producer ? ' · ' + data.producer : '');
    document.title = baseName() + ' · nnviz-onnx';
    panAndZoom();
    const closed = closeToFit();
    render(null);
    if (closed) status(`Opened ${closed} level${closed > 1 ? 's' : ''} less deep than asked, to be laid out quickly: click a module to open it.`);
    firstView();
    showInfo(null);
    let pending = null;
    $('search').addEventListener('input', (ev) => {
      clearTimeout(pending);
      pending = setTimeout(() => runSearch(ev.target.value), 300);
    });
    $('search').addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') { clearTimeout(pending); runSearch(ev.target.value); }
      if (ev.key === 'Escape') { ev.target.value = ''; runSearch(''); }
    });
    $('fit').addEventListener('click', fit);
    $('toggle-tree').addEventListener('click', () => { $('tree').classList.toggle('closed'); renderTree(); });
    $('export-svg').addEventListener('click', () => download(baseName() + '.svg', 'image/svg+xml', svgText()));
    $('export-mermaid').addEventListener('click', () => download(baseName() + '.mmd', 'text/plain', mermaid()));
    timings.firstDrawing = performance.now(); // since the page began to load
    document.body.dataset.ready = 'true';
    // for scripts that drive the page (tests, benchmarks)
    window.nnviz = { svgText, mermaid, runSearch, timings, openEverything, layoutOptions,
      show: (element) => { const b = element.getBBox(); centerOn({ x: b.x + b.width / 2, y: b.y + b.height / 2 }); } };
  }
  main();
})();
