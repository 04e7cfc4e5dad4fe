// Test harness: opens a page written by nnviz-onnx's html format in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core; no browser download) with EVERY network request blocked, drives it
// as a reader would, and prints one JSON report on stdout.
//
//   node explore.mjs <page.html> [--screenshot out.png] [--search TEXT] [--steps hover,expand,fold,search,export]
//                    [--width 1600] [--height 1000] [--timeout 120000]
//
// Report: {"ready":bool, "openMs":n (navigation to first drawing, as the page measured it),
//          "wallMs":n (as this script measured it), "timings":{...}, "drawn":{"nodes":n,"boxes":n,"edges":n},
//          "consoleErrors":[...], "pageErrors":[...], "requests":[urls other than the page itself],
//          "hover":{"index":n,"kind":"op","info":"text of the details panel"},
//          "expand":{"module":n,"before":{..},"after":{..},"info":"..."},
//          "fold":{"before":{..},"after":{..}} or null when the view folds nothing,
//          "search":{"query":"..","hits":"..","highlighted":n,"info":".."},
//          "export":{"svg":n characters,"svgParses":bool,"mermaid":"text"},
//          "foreignElements":n (img, iframe, object, embed elements, and scripts beyond the page's own three)}
// Exit status: 0 when the harness ran (whatever the page did); 1 on harness failure; 2 on bad usage.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.NNVIZ_CHROMIUM || '/usr/bin/chromium';
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic'];

function usage(msg) {
  process.stderr.write(`explore.mjs: ${msg}\nusage: node explore.mjs <page.html> [--screenshot out.png] [--search TEXT] [--steps LIST]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { page: null, screenshot: null, search: null, steps: ['hover', 'expand', 'fold', 'search', 'export'],
    width: 1600, height: 1000, timeout: 120000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${a} needs a value`));
    if (a === '--screenshot') opts.screenshot = value();
    else if (a === '--search') opts.search = value();
    else if (a === '--steps') opts.steps = value().split(',').filter((s) => s);
    else if (a === '--width') opts.width = Number(value());
    else if (a === '--height') opts.height = Number(value());
    else if (a === '--timeout') opts.timeout = Number(value());
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (opts.page === null) opts.page = a;
    else usage(`unexpected argument ${a}`);
  }
  if (opts.page === null) usage('missing <page.html>');
  return opts;
}

const counts = (page) => page.evaluate(() => ({
  nodes: document.querySelectorAll('#world .node').length,
  boxes: document.querySelectorAll('#world .box').length,
  edges: document.querySelectorAll('#world .edge').length,
}));
/** Pans the page so that {@code locator}'s element is in the middle, as a reader would before clicking it. */
const bringIntoView = (locator) => locator.evaluate((element) => window.nnviz.show(element));
const infoText = (page) => page.evaluate(() => document.getElementById('info').innerText);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const url = pathToFileURL(resolve(opts.page)).href;
  const report = { ready: false, consoleErrors: [], pageErrors: [], requests: [] };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport: { width: opts.width, height: opts.height }, acceptDownloads: true });
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeout);
    page.on('console', (m) => { if (m.type() === 'error') report.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => report.pageErrors.push(String(e.message || e)));
    page.on('request', (r) => {
      const u = r.url();
      if (u !== url && !u.startsWith('blob:') && !u.startsWith('data:')) report.requests.push(u);
    });
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: opts.timeout });
    report.wallMs = Date.now() - t0;
    report.ready = true;
    report.timings = await page.evaluate(() => window.nnvizTimings);
    report.openMs = report.timings.firstDrawing;
    report.drawn = await counts(page);
    if (opts.screenshot) await page.screenshot({ path: opts.screenshot });

    if (opts.steps.includes('hover')) {
      const op = page.locator('#world .node[data-kind="op"]').first();
      if (await op.count()) {
        await bringIntoView(op);
        await op.hover();
        report.hover = { index: Number(await op.getAttribute('data-index')), kind: 'op', info: await infoText(page) };
      } else {
        report.hover = null;
      }
    }
    if (opts.steps.includes('expand')) {
      const closed = page.locator('#world .node[data-kind="module"]').first();
      if (await closed.count()) {
        const before = await counts(page);
        const module = Number(await closed.getAttribute('data-index'));
        await bringIntoView(closed);
        await closed.click();
        const after = await counts(page);
        report.expand = { module, before, after, boxShown: await page.locator(`#world .box[data-module="${module}"]`).count() > 0,
          info: await infoText(page) };
      } else {
        report.expand = null;
      }
    }
    if (opts.steps.includes('fold')) {
      const badge = page.locator('#world .badge').first();
      if (await badge.count()) {
        const before = await counts(page);
        await bringIntoView(badge);
        await badge.click();
        report.fold = { before, after: await counts(page) };
      } else {
        report.fold = null;
      }
    }
    if (opts.steps.includes('search') && opts.search !== null) {
      await page.mouse.move(1, 1); // off the drawing: what the pointer rests on would show in the details instead
      await page.fill('#search', opts.search);
      await page.press('#search', 'Enter');
      report.search = { query: opts.search, hits: await page.locator('#hits').innerText(),
        highlighted: await page.locator('#world .node.hit, #world .box.hit').count(), info: await infoText(page) };
    }
    if (opts.steps.includes('export')) {
      const svg = await page.evaluate(() => window.nnviz.svgText());
      const svgParses = await page.evaluate((text) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return doc.getElementsByTagName('parsererror').length === 0 && doc.documentElement.localName === 'svg';
      }, svg);
      const download = page.waitForEvent('download');
      await page.click('#export-mermaid');
      const file = await (await download).path();
      const { readFileSync } = await import('node:fs');
      report.export = { svg: svg.length, svgParses, mermaid: readFileSync(file, 'utf8') };
    }
    report.timingsAfter = await page.evaluate(() => window.nnvizTimings);
    report.foreignElements = await page.evaluate(() => document.querySelectorAll('img, iframe, object, embed').length
      + Math.max(0, document.querySelectorAll('script').length - 3));
    if (opts.screenshot && opts.steps.length) await page.screenshot({ path: opts.screenshot.replace(/\.png$/, '-after.png') });
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report) + '\n');
}

main().catch((e) => {
  process.stderr.write(`explore.mjs: ${e.stack || e}\n`);
  process.exit(1);
});
