// Test harness: renders every *.mmd file of a directory with the real mermaid 11
// (node_modules/mermaid/dist/mermaid.min.js) inside headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core; no browser download, no network).
//
//   node render.mjs <dir> [--svg] [--measure] [--batch N] [--workers N]
//
// Prints one JSON document on stdout:
//   {"mermaidVersion":"11.x.y","results":[
//      {"file":"a.mmd","ok":true,"nodes":12,"clusters":3},
//      {"file":"b.mmd","ok":false,"error":"..."}]}
// "nodes"/"clusters" count the elements with class `node` / `cluster` in the rendered SVG.
// A diagram fails when mermaid.render throws, or when it returns an error diagram
// (aria-roledescription="error", "Syntax error in text", or mermaid's maxTextSize stand-in diagram).
// Mermaid runs with its DEFAULT config except startOnLoad:false and securityLevel:'strict'
// (so maxEdges 500 and maxTextSize 50000 apply; both are "secure" keys that diagrams cannot override).
//
// --svg      also writes <name>.svg next to each <name>.mmd (for debugging; error diagrams too).
// --measure  shows each diagram as GitHub does, in an 880 px wide column (the SVG scaled down to fit, never up),
//            and adds "width"/"height" (px, as displayed) and "fontPx" (the median node-label font size as
//            displayed: its computed font size times the scale) to each successful result.
// --batch N    number of diagrams rendered per page.evaluate round trip (default 25).
// --workers N  pages (each in its own browser context / renderer process) rendering in parallel
//              in the one browser (default min(4, available CPUs)); output order is always sorted.
//
// Exit status: 0 when the harness ran (even if diagrams failed); 1 on harness failure; 2 on bad usage.
// Diagnostics go to stderr.

import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.NNVIZ_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function usage(msg) {
  if (msg) process.stderr.write(`render.mjs: ${msg}\n`);
  process.stderr.write('usage: node render.mjs <dir> [--svg] [--measure] [--batch N] [--workers N]\n');
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dir: null, svg: false, measure: false, batch: 25, workers: Math.min(4, availableParallelism()) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--svg') opts.svg = true;
    else if (a === '--measure') opts.measure = true;
    else if (a === '--batch') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage('--batch needs a positive integer');
      opts.batch = n;
    } else if (a === '--workers') {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 1) usage('--workers needs a positive integer');
      opts.workers = n;
    } else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (opts.dir === null) opts.dir = a;
    else usage(`unexpected argument ${a}`);
  }
  if (opts.dir === null) usage('missing <dir>');
  return opts;
}

// Runs inside the page. Renders the given diagrams one after the other; never throws per diagram.
async function renderBatchInPage({ items, wantSvg, measure }) {
  const COLUMN_PX = 880; // GitHub's Markdown column on a desktop screen
  // Lays the SVG out in the column as GitHub does (mermaid's own style: width 100%, max-width its natural width).
  const measured = (svg) => {
    const column = document.createElement('div');
    column.style.width = `${COLUMN_PX}px`;
    column.innerHTML = svg;
    document.body.appendChild(column);
    const element = column.querySelector('svg');
    const box = element.getBoundingClientRect();
    const natural = element.viewBox.baseVal.width || box.width;
    const scale = box.width / natural;
    const sizes = [...element.querySelectorAll('.node .nodeLabel, .node text')]
      .map((label) => parseFloat(getComputedStyle(label).fontSize) * scale)
      .filter((px) => Number.isFinite(px))
      .sort((a, b) => a - b);
    const fontPx = sizes.length === 0 ? 0 : sizes[Math.floor(sizes.length / 2)];
    column.remove();
    return { width: box.width, height: box.height, fontPx };
  };
  const ERROR_MARKERS = [
    'aria-roledescription="error"',
    'Syntax error in text',
    'Maximum text size in diagram exceeded',
  ];
  const cleanDom = () => {
    // mermaid leaves its temporary <div id="d..."> (with an error diagram) in <body> when it throws;
    // wipe everything so a failed render cannot affect the next one.
    document.body.replaceChildren();
  };
  const count = (svg) => {
    const t = document.createElement('template'); // inert: nothing runs, nothing is laid out
    t.innerHTML = svg;
    return {
      nodes: t.content.querySelectorAll('.node').length,
      clusters: t.content.querySelectorAll('.cluster').length,
    };
  };
  const errorText = (e) => {
    if (e == null) return 'unknown error';
    if (typeof e === 'string') return e;
    return String(e.message ?? e.str ?? e);
  };
  const out = [];
  for (const { id, text } of items) {
    cleanDom();
    try {
      const { svg } = await window.mermaid.render(id, text);
      const marker = ERROR_MARKERS.find((m) => svg.includes(m));
      const r = marker
        ? { ok: false, error: `mermaid rendered an error diagram (${marker})` }
        : { ok: true, ...count(svg), ...(measure ? measured(svg) : {}) };
      if (wantSvg) r.svg = svg;
      out.push(r);
    } catch (e) {
      const r = { ok: false, error: errorText(e) };
      if (wantSvg) {
        const errSvg = document.querySelector(`#d${id} svg`);
        if (errSvg) r.svg = errSvg.outerHTML;
      }
      out.push(r);
    }
  }
  cleanDom();
  return out;
}

async function newMermaidPage(context, mermaidJs) {
  const page = await context.newPage();
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: mermaidJs });
  await page.evaluate(() => {
    if (!window.mermaid || typeof window.mermaid.render !== 'function') {
      throw new Error('mermaid global not found after loading mermaid.min.js');
    }
    window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  });
  return page;
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const dir = resolve(opts.dir);
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usage(`not a directory: ${dir}`);

  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mmd') && statSync(join(dir, f)).isFile())
    .sort();
  const mermaidPkg = JSON.parse(readFileSync(join(HERE, 'node_modules/mermaid/package.json'), 'utf8'));
  const mermaidJs = readFileSync(join(HERE, 'node_modules/mermaid/dist/mermaid.min.js'), 'utf8');

  const results = new Array(files.length);
  const t0 = Date.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  try {
    let next = 0; // index of the first file of the next batch to hand out
    const worker = async () => {
      // One context (and so one renderer process) per worker; nothing may come from the network,
      // mermaid is injected as inline script text.
      const context = await browser.newContext();
      await context.route('**/*', (route) => route.abort());
      let page = await newMermaidPage(context, mermaidJs);
      const renderItems = async (names, base) => {
        const items = names.map((f, k) => ({ id: `mmd${base + k}`, text: readFileSync(join(dir, f), 'utf8') }));
        return page.evaluate(renderBatchInPage, { items, wantSvg: opts.svg, measure: opts.measure });
      };
      while (next < files.length) {
        const i = next;
        next += opts.batch;
        const names = files.slice(i, i + opts.batch);
        let batch;
        try {
          batch = await renderItems(names, i);
        } catch (e) {
          // The page itself broke (crash, OOM, ...): retry this batch one diagram per fresh page.
          process.stderr.write(`render.mjs: batch at ${i} failed (${e.message}); retrying one by one\n`);
          batch = [];
          for (let k = 0; k < names.length; k++) {
            await page.close().catch(() => {});
            page = await newMermaidPage(context, mermaidJs);
            try {
              batch.push(...(await renderItems([names[k]], i + k)));
            } catch (e2) {
              batch.push({ ok: false, error: `harness: page failed while rendering: ${e2.message}` });
            }
          }
          await page.close().catch(() => {});
          page = await newMermaidPage(context, mermaidJs);
        }
        names.forEach((f, k) => {
          const r = batch[k];
          if (opts.svg && r.svg) writeFileSync(join(dir, f.replace(/\.mmd$/, '.svg')), r.svg);
          results[i + k] = r.ok
            ? { file: f, ok: true, nodes: r.nodes, clusters: r.clusters, width: r.width, height: r.height,
                fontPx: r.fontPx }
            : { file: f, ok: false, error: r.error };
        });
      }
      await context.close().catch(() => {});
    };
    const workers = Math.max(1, Math.min(opts.workers, Math.ceil(files.length / opts.batch)));
    await Promise.all(Array.from({ length: workers }, worker));
  } finally {
    await browser.close().catch(() => {});
  }
  const failed = results.filter((r) => !r.ok).length;
  process.stderr.write(
    `render.mjs: mermaid ${mermaidPkg.version}: ${results.length} diagram(s), ${failed} failed, ${Date.now() - t0} ms\n`,
  );
  process.stdout.write(JSON.stringify({ mermaidVersion: mermaidPkg.version, results }) + '\n');
}

main().catch((e) => {
  process.stderr.write(`render.mjs: harness failure: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
