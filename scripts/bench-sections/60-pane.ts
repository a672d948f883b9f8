/**
 * The task pane (issue 5):
 * - gzip size of the pane's initial JavaScript (every script taskpane.html loads at start; aim ≤ 120 KB, issue 14),
 *   and proof that the xlsx adapter (exceljs) is not in it but in a lazy chunk;
 * - time from page load to the index shown for a 47-indicator workbook in Chromium: inside a simulated
 *   Excel (H6's strict fake as the page's Excel) and outside Excel (a file through the file input,
 *   which includes fetching and running the lazy exceljs chunk); median of 5 page loads each;
 * - the sync counts of a full read and write, counted by the fake Excel.
 * Uses the production bundle in dist/ (built first when older than the sources) and /usr/bin/chromium;
 * prints a notice and skips the browser figures when Chromium is missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import type { BenchSection } from '../bench-lib';
import { fmt } from '../bench-lib';
import {
  CHROMIUM,
  PANE_PAGE,
  chromiumAvailable,
  ensureProductionBuild,
  launchChromium,
  openPane,
  serveDist,
} from '../../test/taskpane/e2e-support';
import { assessmentGrid } from '../../test/taskpane/grids';
import { SPBE2020 } from '../../src/core/frameworks';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** Scripts taskpane.html loads at start (src attributes of local <script> tags). */
function initialScripts(dir: string): string[] {
  const html = fs.readFileSync(path.join(dir, PANE_PAGE), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Installed before the page's scripts: notes performance.now() when the index first shows a figure. */
const WATCH_INDEX = `
  window.__indexShownAt = null;
  new MutationObserver(function (_, obs) {
    var el = document.querySelector('[data-testid="index-value"]');
    if (el && /\\d/.test(el.textContent || '')) { window.__indexShownAt = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, characterData: true });
`;

export const section: BenchSection = {
  title: 'task pane (initial JavaScript, time to index in Chromium, Excel sync counts)',
  async run(ctx) {
    const build = ensureProductionBuild((line) => ctx.print(line));
    if (build.built) ctx.print(`production bundle built in ${fmt(build.ms / 1000, 1)} s`);

    // 1. Initial JavaScript of the pane.
    const dir = build.dir;
    const initial = initialScripts(dir);
    let gz = 0;
    let raw = 0;
    for (const src of initial) {
      const buf = fs.readFileSync(path.join(dir, src));
      raw += buf.length;
      gz += zlib.gzipSync(buf, { level: 9 }).length;
    }
    const lazy = fs.readdirSync(dir).filter((f) => f.endsWith('.js') && !initial.includes(f));
    const withExceljs = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8').includes('exceljs'); // its own messages name it
    const exceljsInitial = initial.filter(withExceljs);
    const exceljsLazy = lazy.filter(withExceljs);
    ctx.print(`pane's initial JavaScript: ${initial.length} files (${initial.join(', ')}), ${kb(raw)} raw, ${kb(gz)} gzip (aim ≤ 120 KB: ${gz <= 120 * 1024 ? 'met' : 'NOT met'})`);
    ctx.row({ figure: 'pane initial script (gzip)', value: gz / 1024, unit: 'KB', digits: 1, goal: { op: '<=', limit: 120 } });
    ctx.print(`xlsx adapter (exceljs) in the initial JavaScript: ${exceljsInitial.length ? 'YES (' + exceljsInitial.join(', ') + ')' : 'no'}; in lazy chunk(s): ${exceljsLazy.join(', ') || 'none found'}`);
    const lazyGz = exceljsLazy.reduce((n, f) => n + zlib.gzipSync(fs.readFileSync(path.join(dir, f)), { level: 9 }).length, 0);
    if (exceljsLazy.length) ctx.print(`lazy exceljs chunk(s), loaded only outside Excel when a gap sheet is written: ${kb(lazyGz)} gzip (reading a file loads the reader's own chunk: see the reader section)`);

    if (!chromiumAvailable()) {
      ctx.print(`NOTICE: ${CHROMIUM} is missing: the browser figures are skipped (install Debian's chromium package).`);
      return;
    }

    // 2. Time to index, 47 indicators.
    const server = await serveDist(dir);
    const browser = await launchChromium();
    // In place before the page's own scripts on every page of this browser.
    await browser.context.addInitScript(WATCH_INDEX);
    try {
      const grid = assessmentGrid({ fw: SPBE2020, levels: (n) => (n % 5) + 1 });
      const sheets = [{ name: grid.name, cells: grid.values }];
      const inExcel: number[] = [];
      let syncs = { initial: 0, write: 0, reRead: 0 };
      for (let i = 0; i < 5; i++) {
        const { page: p } = await openPane(browser, server, { mode: 'excel', sheets });
        await p.waitForFunction(() => (window as unknown as { __indexShownAt: number | null }).__indexShownAt !== null, undefined, { timeout: 60_000 });
        inExcel.push(await p.evaluate(() => (window as unknown as { __indexShownAt: number }).__indexShownAt));
        if (i === 0) syncs = await syncCounts(p, grid.name);
        await p.close();
      }
      ctx.print(`page load → index shown, inside (simulated) Excel, 47 indicators: median ${fmt(median(inExcel), 0)} ms (runs: ${inExcel.map((x) => fmt(x, 0)).join(', ')})`);

      const example = path.join(ctx.root, 'examples', 'spbe2020-contoh.xlsx');
      if (fs.existsSync(example)) {
        const outside: number[] = [];
        for (let i = 0; i < 5; i++) {
          const { page: p } = await openPane(browser, server, { mode: 'browser' });
          await p.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
          const t0 = await p.evaluate(() => performance.now());
          await p.setInputFiles('[data-testid="file-input"]', example);
          await p.waitForFunction(() => (window as unknown as { __indexShownAt: number | null }).__indexShownAt !== null, undefined, { timeout: 60_000 });
          const shown = await p.evaluate(() => (window as unknown as { __indexShownAt: number }).__indexShownAt);
          outside.push(shown - t0);
          await p.close();
        }
        ctx.print(`file chosen → index shown, outside Excel (examples/spbe2020-contoh.xlsx; includes fetching the reader's chunk from the local server and reading the file): median ${fmt(median(outside), 0)} ms (runs: ${outside.map((x) => fmt(x, 0)).join(', ')})`);
      }
      ctx.print(`Excel sync counts (strict fake): pane start = read + subscribe to changes ${syncs.initial}, re-read after an edit ${syncs.reRead}, write the gap sheet ${syncs.write} (aim: read ≤ 2, write ≤ 2)`);
    } finally {
      await browser.close();
      await server.close();
    }
  },
};

async function syncCounts(page: import('playwright-core').Page, sheet: string): Promise<{ initial: number; write: number; reRead: number }> {
  type Fake = { syncCount: number; syncLog: ReadonlyArray<{ n: number }>; resetSyncCount(): void; userEdit(s: string, a: string, v: unknown): void };
  const first = await page.evaluate(() => (window as unknown as { Excel: Fake }).Excel.syncCount);
  await page.evaluate(() => (window as unknown as { Excel: Fake }).Excel.resetSyncCount());
  // The edit changes the index: once the new figure shows, the re-read is complete (no sleeping).
  const before = await page.textContent('[data-testid="index-value"]');
  await page.evaluate((s) => (window as unknown as { Excel: Fake }).Excel.userEdit(s, 'C4', 5), sheet);
  await page.waitForFunction((b) => document.querySelector('[data-testid="index-value"]')?.textContent !== b, before, { timeout: 60_000 });
  const reRead = await page.evaluate(() => (window as unknown as { Excel: Fake }).Excel.syncCount);
  await page.evaluate(() => (window as unknown as { Excel: Fake }).Excel.resetSyncCount());
  await page.click('[data-testid="generate-gap"]');
  await page.waitForSelector('[data-testid="write-result"]', { timeout: 60_000 });
  const write = await page.evaluate(() => (window as unknown as { Excel: Fake }).Excel.syncCount);
  return { initial: first, write, reRead };
}
