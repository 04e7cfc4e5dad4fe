// Test harness: decodes and renders every *.drawio file of a directory with the real mxGraph library
// (node_modules/mxgraph/javascript/mxClient.min.js) inside headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser download, no network).
//
//   node render.mjs <dir> [--png]
//
// Prints one JSON document on stdout:
//   {"mxgraphVersion":"4.2.2","results":[
//      {"file":"a.drawio","ok":true,"vertices":12,"edges":11,"rendered":23,"cells":{"n0":"b1",...}},
//      {"file":"b.drawio","ok":false,"error":"..."}]}
// A file fails when it has no mxGraphModel, when decoding or rendering throws, or when the page reports an error.
// "cells" maps every cell's id to its parent's id as mxGraph decoded it (the nesting); "rendered" counts the cells
// the view drew (a cell state with a shape or a label).
// --png  also writes <name>.png next to each <name>.drawio: the graph as mxGraph draws it.
//
// Exit status: 0 when the harness ran (even if files failed); 1 on harness failure; 2 on bad usage.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const HERE = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env.NNVIZ_CHROMIUM || '/usr/bin/chromium';
const MXGRAPH = join(HERE, 'node_modules', 'mxgraph', 'javascript');

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
const png = args.includes('--png');
if (!dir || args.some((a) => a.startsWith('--') && a !== '--png')) {
  process.stderr.write('usage: node render.mjs <dir> [--png]\n');
  process.exit(2);
}

// Runs inside the page: decodes one file into a fresh graph and reports what mxGraph made of it.
function decodeInPage(text) {
  const errors = [];
  const oldError = window.onerror;
  window.onerror = (message) => { errors.push(String(message)); };
  try {
    const doc = mxUtils.parseXml(text);
    if (doc.getElementsByTagName('parsererror').length > 0) {
      return { ok: false, error: 'XML: ' + doc.getElementsByTagName('parsererror')[0].textContent };
    }
    const models = doc.getElementsByTagName('mxGraphModel');
    if (models.length !== 1) return { ok: false, error: `${models.length} mxGraphModel elements` };
    const container = document.getElementById('graph');
    container.innerHTML = '';
    const graph = new mxGraph(container);
    graph.setHtmlLabels(true);
    const model = graph.getModel();
    model.beginUpdate();
    try {
      new mxCodec(doc).decode(models[0], model);
    } finally {
      model.endUpdate();
    }
    const cells = {};
    let vertices = 0;
    let edges = 0;
    let rendered = 0;
    for (const id of Object.keys(model.cells)) {
      const cell = model.cells[id];
      cells[id] = cell.parent ? cell.parent.id : null;
      if (cell.vertex) vertices++;
      if (cell.edge) edges++;
      const state = graph.view.getState(cell);
      if (state && (state.shape || state.text)) rendered++;
      if (cell.edge && (!cell.source || !cell.target)) errors.push(`edge ${id} lost an end`);
    }
    // The editor paints the diagram's background (a theme's dark one, say); plain mxGraph leaves it to the page.
    container.style.background = models[0].getAttribute('background') || '#ffffff';
    const bounds = graph.getGraphBounds();
    container.style.width = Math.ceil(bounds.x + bounds.width + 10) + 'px';
    container.style.height = Math.ceil(bounds.y + bounds.height + 10) + 'px';
    if (errors.length > 0) return { ok: false, error: errors.join('; ') };
    return { ok: true, vertices, edges, rendered, cells, width: bounds.width, height: bounds.height };
  } catch (e) {
    return { ok: false, error: String(e && e.stack || e) };
  } finally {
    window.onerror = oldError;
  }
}

async function main() {
  const files = readdirSync(dir).filter((f) => f.endsWith('.drawio')).sort();
  const version = JSON.parse(readFileSync(join(HERE, 'node_modules', 'mxgraph', 'package.json'), 'utf8')).version;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  const results = [];
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });
    await page.setContent('<!DOCTYPE html><html><body style="margin:0;background:#fff">'
      + '<div id="graph" style="position:relative;overflow:hidden"></div></body></html>');
    // No resource bundles or style sheets to fetch: the page has no network and mxGraph needs none to draw.
    await page.evaluate(() => {
      window.mxLoadResources = false;
      window.mxLoadStylesheets = false;
      window.mxForceIncludes = false;
      window.mxBasePath = '.';
    });
    await page.addScriptTag({ path: join(MXGRAPH, 'mxClient.min.js') });
    for (const file of files) {
      pageErrors.length = 0;
      const text = readFileSync(join(dir, file), 'utf8');
      const result = await page.evaluate(decodeInPage, text);
      if (result.ok && pageErrors.length > 0) {
        result.ok = false;
        result.error = pageErrors.join('; ');
      }
      if (png && result.ok) {
        const buffer = await page.locator('#graph').screenshot();
        writeFileSync(join(dir, file.replace(/\.drawio$/, '.png')), buffer);
      }
      results.push({ file, ...result });
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ mxgraphVersion: version, results }) + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
