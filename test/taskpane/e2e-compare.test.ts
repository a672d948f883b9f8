/**
 * End-to-end "Bandingkan" (Compare): the production bundle in Chromium (as e2e.test.ts: office.js replaced by
 * the local stub, nothing leaves 127.0.0.1).
 * (a) in the browser page: a 59/2020 workbook opened, Kota Denpasar 2018 (5/2018) opened as the second file;
 *     the change, both effects and the top movers as the core computes them; "Buat Sheet Perbandingan"; the
 *     downloaded copy holds the comparison sheet and the assessment sheet intact;
 * (b) inside a simulated Excel (the strict fake Excel as the page's `Excel`): a workbook with a sheet per year is
 *     compared at once; the comparison sheet is written into the workbook.
 * axe-core checks the page in each state (no WCAG 2 A/AA violation). Every wait is on a state the page shows;
 * no fixed sleeps. Without /usr/bin/chromium: skipped with a notice; with CI=true: failing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumAvailable, closePanes, ensureProductionBuild, launchChromium, openPane, screenshot, serveDist, step, CHROMIUM, type Browser } from './e2e-support';
import type { StaticServer } from './static-server';
import type { Grid } from '../../src/core/types';
import { SPBE2020 } from '../../src/core/frameworks';
import { openComparison } from '../../src/app/compare';
import { signed } from '../../src/core/compare-format';
import { topMovers } from '../../src/core/compare';
import { WorkbookPackage } from '../../src/xlsx/package';
import { readWorkbookGridsSync } from '../../src/xlsx/ooxml/read-workbook';
import { buildWorkbook, NO_FEATURES } from '../xlsx/package-builder';
import { ACEH_TENGAH_2025, denpasarGrid, simpleGrid } from '../core/grid-builders';
import { assessmentGrid } from './grids';

const haveChromium = chromiumAvailable();
if (!haveChromium) {
  const notice = `${CHROMIUM} not found: the Compare end-to-end tests are ${process.env.CI === 'true' ? 'FAILING (CI=true)' : 'SKIPPED'}.`;
  console.warn(notice);
  if (process.env.CI === 'true') {
    test('Chromium is installed for the Compare end-to-end tests', () => {
      throw new Error(notice);
    });
  } else {
    test.skip(`end-to-end tests of Compare (${CHROMIUM} missing)`, () => undefined);
  }
}
const describeE2E = haveChromium ? describe : describe.skip;

const STATE_TIMEOUT = 60_000;
const AXE = require.resolve('axe-core/axe.min.js');

let browser: Browser;
let server: StaticServer;
let tmp: string;

/** No WCAG 2 A/AA violations on the page as it is now. */
async function axe(page: Page, state: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } };
    const r = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect({ state, violations }).toEqual({ state, violations: [] });
}

function writeGrids(name: string, grids: ReadonlyArray<Grid>): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, buildWorkbook(grids, NO_FEATURES).bytes);
  return p;
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.textContent(`[data-testid="${testId}"]`, { timeout: STATE_TIMEOUT })) ?? '').trim();
}

describeE2E('Bandingkan in Chromium', () => {
  beforeAll(async () => {
    const build = ensureProductionBuild((line) => console.warn(line));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-e2e-compare-'));
    server = await serveDist(build.dir);
    browser = await launchChromium();
  }, 900_000);

  afterEach(() => closePanes());

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('(a) the browser page: a 59/2020 workbook, Kota Denpasar 2018 as the second file, the sheet in the downloaded copy', async () => {
    const after = simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, sheetName: 'Penilaian 2025' });
    const afterFile = writeGrids('aceh-2025.xlsx', [after]);
    const beforeFile = writeGrids('denpasar-2018.xlsx', [denpasarGrid()]);
    const expected = openComparison([{ grids: [denpasarGrid()], file: 'denpasar-2018.xlsx' }, { grids: [after], file: 'aceh-2025.xlsx' }]);
    if (expected.kind !== 'compared') throw new Error('the core does not compare these');
    const { page, blocked, errors } = await openPane(browser, server, { mode: 'browser', width: 360 });

    await step('open the 59/2020 workbook: the Compare section appears', async () => {
      await page.setInputFiles('[data-testid="file-input"]', afterFile);
      await page.waitForSelector('[data-testid="index-value"]', { timeout: STATE_TIMEOUT });
      await page.waitForSelector('[data-testid="compare-file"]', { state: 'attached', timeout: STATE_TIMEOUT });
      expect(await page.$('[data-testid="compare-sheet"]')).toBeNull();
      await axe(page, 'browser: a workbook opened');
    });
    await step('open Kota Denpasar 2018 as the second file: the comparison as the core computes it', async () => {
      await page.setInputFiles('[data-testid="compare-file"]', beforeFile);
      await page.waitForSelector('[data-testid="compare-result"]', { state: 'visible', timeout: STATE_TIMEOUT });
      expect(await text(page, 'compare-delta')).toBe(signed(expected.comparison.delta, 'id'));
      const movers = await page.$$eval('[data-testid="compare-movers"] li', (els) => els.map((e) => (e.textContent ?? '').split('.')[0]));
      expect(movers).toEqual(topMovers(expected.comparison, 5).map((r) => String(r.no)));
      expect(await text(page, 'compare-estimate')).toMatch(/Perkiraan, bukan nilai resmi/);
      await screenshot(page, 'compare-browser-result');
      await axe(page, 'browser: compared');
    });
    await step('Buat Sheet Perbandingan: the downloaded copy holds the sheet and the assessment intact', async () => {
      await page.click('[data-testid="compare-write"]');
      await page.waitForSelector('[data-testid="compare-written"]', { state: 'visible', timeout: STATE_TIMEOUT });
      await page.waitForSelector('[data-testid="compare-download"]', { state: 'visible', timeout: STATE_TIMEOUT });
      await axe(page, 'browser: sheet written');
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="compare-download"]')]);
      const file = path.join(tmp, 'download.xlsx');
      await download.saveAs(file);
      const bytes = new Uint8Array(fs.readFileSync(file));
      expect(WorkbookPackage.open(bytes).sheetNames).toEqual(['Penilaian 2025', 'Perbandingan']);
      expect(readWorkbookGridsSync(bytes).map((g) => g.name)).toEqual(['Penilaian 2025']);
    });
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);

  test('(b) inside Excel: a sheet per year compared at once; the comparison sheet written into the workbook', async () => {
    const levels = (bump: number) => (no: number) => Math.min(5, (ACEH_TENGAH_2025[String(no)] ?? 1) + (no === 32 ? bump : 0));
    const g2024 = assessmentGrid({ fw: SPBE2020, levels: levels(1), name: 'Penilaian 2024' });
    const g2023 = assessmentGrid({ fw: SPBE2020, levels: levels(-2), name: 'Penilaian 2023' });
    const sheets = [g2023, g2024].map((g) => ({ name: g.name, cells: g.values }));
    const { page, blocked, errors } = await openPane(browser, server, { mode: 'excel', sheets, displayLanguage: 'en-US' });
    await step('compared at once with the other year', async () => {
      await page.waitForSelector('[data-testid="compare-result"]', { state: 'visible', timeout: STATE_TIMEOUT });
      expect(await page.$eval('[data-testid="compare-sheet"]', (e) => (e as HTMLSelectElement).value)).toBe('Penilaian 2023');
      const expected = openComparison([{ grids: [g2024] }, { grids: [g2023] }]);
      if (expected.kind !== 'compared') throw new Error('the core does not compare these');
      expect(await text(page, 'compare-delta')).toBe(signed(expected.comparison.delta, 'en'));
      await screenshot(page, 'compare-excel-result');
      await axe(page, 'excel: compared');
    });
    await step('Create the Comparison Sheet: written into the workbook', async () => {
      await page.click('[data-testid="compare-write"]');
      await page.waitForSelector('[data-testid="compare-written"]', { state: 'visible', timeout: STATE_TIMEOUT });
      expect(await text(page, 'compare-written')).toBe('Sheet "Comparison" created.');
      const names = await page.evaluate(() => (window as unknown as { Excel: { sheetNames(): string[] } }).Excel.sheetNames());
      expect([...names].sort()).toEqual(['Comparison', 'Penilaian 2023', 'Penilaian 2024']);
      await axe(page, 'excel: sheet written');
    });
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
  }, 240_000);
});
