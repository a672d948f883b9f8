/**
 * End-to-end: the production bundle in a real browser (Debian's Chromium driven by playwright-core), with
 * office.js replaced by a local stub and nothing leaving 127.0.0.1.
 * (a) outside Excel: each example workbook (examples/) and a workbook with errors opened through the file
 *     input; figures and problems as the core computes them; "Buat Sheet Gap"; the downloaded workbook has
 *     the gap sheet and the source sheets intact; the same flow with the keyboard only (every control named in
 *     Chromium's accessibility tree, focus visible at every stop, the outcome in a polite live region);
 * (b) inside a simulated Excel: H6's strict fake Excel object model as the page's `Excel` global; clicking a
 *     problem selects its cell, editing a level updates the index, and the sync counts of a full read and write.
 * Screenshots of every state: test-results/taskpane/*.png (git-ignored).
 *
 * The bundle: dist/ is reused when it is newer than every source file (e.g. right after `npm run build`);
 * otherwise the project's webpack config is built once (production) into the git-ignored .tmp/e2e-dist,
 * which later runs reuse while it is fresh. Force a build with SPBE_E2E_REBUILD=1.
 * Without /usr/bin/chromium the tests are skipped with a notice; with CI=true they fail instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  chromiumAvailable,
  ensureProductionBuild,
  launchChromium,
  openPane,
  screenshot,
  serveDist,
  ROOT,
  CHROMIUM,
  type Browser,
} from './e2e-support';
import type { StaticServer } from './static-server';
import { loadWorkbook, markedSheetName, readWorkbookGrids, worksheetToGrid } from '../../src/xlsx/read';
import { defaultEngine, previewOf, type PlanPreview, type TargetChoice } from '../../src/taskpane/engine';
import { DEFAULT_SETTINGS } from '../../src/taskpane/controller';
import { formatExact } from '../../src/taskpane/format';
import { SPBE2020 } from '../../src/core/frameworks';
import type { Assessment, CellValue, Grid, PredicateBasis } from '../../src/core/types';
import { assessmentGrid, rowOf } from './grids';
import { workbookWithErrors } from './workbook-fixtures';

const EXAMPLES = ['spbe2018-contoh.xlsx', 'spbe2020-contoh.xlsx', 'pemdi2026-contoh.xlsx'];
const haveChromium = chromiumAvailable();
const runE2E = haveChromium || process.env.CI === 'true';

if (!haveChromium) {
  const notice = `${CHROMIUM} not found: the task pane's end-to-end tests are ${process.env.CI === 'true' ? 'FAILING (CI=true)' : 'SKIPPED'}. Install Debian's chromium package to run them.`;
  console.warn(notice);
  if (process.env.CI === 'true') {
    test('Chromium is installed for the end-to-end tests', () => {
      throw new Error(notice);
    });
  } else {
    test.skip(`end-to-end tests of the task pane (${CHROMIUM} missing)`, () => undefined);
  }
}

const describeE2E = runE2E && haveChromium ? describe : describe.skip;

let browser: Browser;
let server: StaticServer;
let tmp: string;
let buildDir: string;

function expectedOf(grids: Grid[]): Assessment {
  return defaultEngine.assess(grids, DEFAULT_SETTINGS);
}

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.textContent(`[data-testid="${testId}"]`)) ?? '').trim();
}

/**
 * The element's text becomes `expected` (polled for up to 30 s: the pane re-renders after an action, and two
 * shared cores under load may take a while); fails with the text last seen.
 */
async function expectText(page: Page, testId: string, expected: string | undefined): Promise<void> {
  const seen = await poll(() => textOf(page, testId), (t) => t === expected, 30_000);
  expect(seen).toBe(expected);
}

async function noHorizontalOverflow(page: Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll).toBeLessThanOrEqual(client);
}

async function openFile(page: Page, file: string): Promise<void> {
  await page.setInputFiles('[data-testid="file-input"]', file);
  await page.waitForSelector('[data-testid="index-value"], [data-testid="read-error"]', { timeout: 60_000 });
}

/** Checks what the pane shows against the core's own result for the same workbook. */
async function expectFigures(page: Page, a: Assessment): Promise<void> {
  expect(await page.getAttribute('[data-testid="framework-value"]', 'data-framework')).toBe(a.framework?.id);
  await expectText(page, 'framework-value', a.framework?.name);
  if (a.scores) {
    await expectText(page, 'index-value', formatExact(a.scores.exact, 'id'));
    await expectText(page, 'predicate-value', a.scores.predicate);
  } else {
    await expectText(page, 'index-value', '—');
    expect(await page.$('[data-testid="predicate-value"]')).toBeNull();
  }
  const toggle = await page.$('[data-testid="toggle-warnings"][aria-expanded="false"]');
  if (toggle) await toggle.click();
  const items = await page.$$eval('[data-testid="issue-item"]', (els) => els.map((e) => ({ severity: e.getAttribute('data-severity'), code: e.getAttribute('data-code'), cell: e.getAttribute('data-cell'), text: e.textContent ?? '' })));
  const expected = [...a.problems.filter((p) => p.severity === 'error'), ...a.problems.filter((p) => p.severity !== 'error')];
  expect(items.map((i) => [i.severity, i.code, i.cell])).toEqual(expected.map((p) => [p.severity, p.code, p.cell ?? '']));
  items.forEach((item, i) => expect(item.text).toContain(expected[i].message.id));
}

/** The JavaScript files the page has fetched so far (names within the build directory). */
async function loadedScripts(page: Page): Promise<string[]> {
  const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  return urls.filter((u) => u.startsWith(server.url + '/') && u.endsWith('.js')).map((u) => u.slice(server.url.length + 1));
}

/** True when a built script holds exceljs (its own messages name it). */
function hasExceljs(file: string): boolean {
  return fs.readFileSync(path.join(buildDir, file), 'utf8').includes('exceljs');
}

/** Polls `get` until `ok` holds (or `ms` pass, 30 s by default) and returns the last value. */
async function poll<T>(get: () => Promise<T>, ok: (v: T) => boolean, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await get();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await get();
  }
  return v;
}

/** Presses Tab until the focused element matches `selector` (at most 60 presses); fails when it is never reached. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`${selector} cannot be reached with the Tab key`);
}

/**
 * The focused control shows that it has focus: the area around it looks different while it has focus
 * and after Tab moved on (a ring, an outline, an underline). Shift+Tab then brings focus back.
 */
async function expectVisibleFocus(page: Page): Promise<void> {
  const id = () => page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.dataset.focusProbe = el.dataset.focusProbe ?? String(Math.random());
    return el.dataset.focusProbe;
  });
  const me = await id();
  // Document coordinates: the clip stays on the control even if moving focus scrolls the page.
  const box = await page.evaluate(() => {
    const r = (document.activeElement as HTMLElement).getBoundingClientRect();
    return { x: r.x + window.scrollX, y: r.y + window.scrollY, width: r.width, height: r.height };
  });
  const clip = { x: Math.max(0, box.x - 4), y: Math.max(0, box.y - 4), width: Math.min(320 - Math.max(0, box.x - 4), box.width + 8), height: box.height + 8 };
  const focused = await page.screenshot({ clip, fullPage: true });
  await page.keyboard.press('Tab');
  const unfocused = await page.screenshot({ clip, fullPage: true });
  await page.keyboard.press('Shift+Tab');
  expect(await id()).toBe(me);
  expect(Buffer.compare(focused, unfocused)).not.toBe(0);
}

/** Every control on the page has a name a screen reader can say (Chromium's accessibility tree). */
async function expectNamedControls(page: Page): Promise<void> {
  const tree = await page.locator('main').ariaSnapshot();
  const unnamed = tree.split('\n').filter((line) => /^\s*- (button|link|combobox|radio|textbox|checkbox|meter|radiogroup)\s*(\[.*\])?:?\s*$/.test(line));
  expect(unnamed).toEqual([]);
}

async function downloadResult(page: Page, name: string): Promise<Uint8Array> {
  await page.waitForSelector('[data-testid="download-result"]', { timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="download-result"]')]);
  const file = path.join(tmp, name);
  await download.saveAs(file);
  expect(download.suggestedFilename()).toBe(name);
  return new Uint8Array(fs.readFileSync(file));
}

describeE2E('task pane in Chromium', () => {
  beforeAll(async () => {
    const build = ensureProductionBuild((line) => console.warn(line));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-e2e-'));
    buildDir = build.dir;
    server = await serveDist(build.dir);
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('(a) outside Excel: a workbook opened in the browser', () => {
    test('the page says it runs in the browser, offers the file input, and makes no outside request', async () => {
      const { page, blocked, errors } = await openPane(browser, server, { mode: 'browser' });
      await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
      await expectText(page, 'privacy-note', 'Semuanya berjalan di peramban ini; berkas Anda tidak diunggah ke mana pun.');
      await noHorizontalOverflow(page);
      await screenshot(page, 'a0-browser-start-320px');
      // The English switch
      await page.selectOption('[data-testid="lang-select"]', 'en');
      await expectText(page, 'privacy-note', 'Everything runs in this browser; your file is not uploaded anywhere.');
      await screenshot(page, 'a0-browser-start-en');
      // The choice is remembered by this browser.
      const again = await openPane(browser, server, { mode: 'browser', keepStorage: true });
      await again.page.waitForSelector('[data-testid="privacy-note"]');
      await expectText(again.page, 'privacy-note', 'Everything runs in this browser; your file is not uploaded anywhere.');
      await again.page.close();
      await page.selectOption('[data-testid="lang-select"]', 'id');
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);

    for (const example of EXAMPLES) {
      test(`example ${example}: figures and problems as computed, gap sheet generated and downloaded`, async () => {
        const file = path.join(ROOT, 'examples', example);
        expect(fs.existsSync(file)).toBe(true);
        const bytes = new Uint8Array(fs.readFileSync(file));
        const grids = await readWorkbookGrids(bytes);
        const expected = expectedOf(grids);
        expect(expected.scores).not.toBeNull();

        const { page, blocked, errors } = await openPane(browser, server, { mode: 'browser' });
        await page.waitForSelector('[data-testid="file-input"]', { state: 'attached' });
        const initialScripts = await loadedScripts(page);
        await openFile(page, file);
        // Reading fetches only the reader's own small chunk; exceljs is in neither the initial JavaScript nor that.
        const laterScripts = (await loadedScripts(page)).filter((f) => !initialScripts.includes(f));
        expect(initialScripts.filter(hasExceljs)).toEqual([]);
        expect(laterScripts.filter(hasExceljs)).toEqual([]);
        expect(laterScripts.filter((f) => f.startsWith('xlsx-read'))).toHaveLength(1);
        await expectFigures(page, expected);
        await noHorizontalOverflow(page);
        await screenshot(page, `a1-${example.replace('.xlsx', '')}-index`);

        await page.click('[data-testid="generate-gap"]');
        const out = await downloadResult(page, example.replace('.xlsx', '-gap.xlsx'));
        // Writing the gap sheet fetched exceljs, in a chunk of its own.
        const writeScripts = (await loadedScripts(page)).filter((f) => !initialScripts.includes(f) && !laterScripts.includes(f));
        expect(writeScripts.filter(hasExceljs)).toHaveLength(1);
        await screenshot(page, `a1-${example.replace('.xlsx', '')}-generated`);
        expect(await page.getAttribute('[data-testid="write-result"]', 'data-sheet')).toBe('Analisis Gap');

        // The result: the source sheets as they were, then the gap sheet, marked as the tool's output.
        const result = await loadWorkbook(out);
        expect(result.worksheets.map((ws) => ws.name)).toEqual([...grids.map((g) => g.name), 'Analisis Gap']);
        expect(markedSheetName(result)).toBe('Analisis Gap');
        const after = await readWorkbookGrids(out); // leaves the marked gap sheet out
        expect(after.map((g) => g.name)).toEqual(grids.map((g) => g.name));
        for (const g of grids) {
          const same = after.find((x) => x.name === g.name) as Grid;
          expect(same.values).toEqual(g.values);
          expect(same.formulas ?? null).toEqual(g.formulas ?? null);
          expect(same.merges ?? null).toEqual(g.merges ?? null);
        }
        const gap = worksheetToGrid(result.getWorksheet('Analisis Gap'));
        expect(String(gap.values[0][0])).toBe(`Analisis Gap — ${expected.framework?.name}`);
        // the plan in the sheet names the indicators the pane's preview listed
        const gapText = gap.values.flat().filter((v): v is string => typeof v === 'string').join('\n');
        const preview = previewOf(expected, DEFAULT_SETTINGS);
        expect(preview.status).toBe('plan');
        if (preview.status === 'plan') for (const st of preview.steps) expect(gapText).toContain(st.name);
        // the result, read back, still gives the same index (the gap sheet is not taken for the assessment)
        expect(expectedOf(after).scores?.exact).toEqual(expected.scores?.exact);
        expect(blocked).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }, 180_000);
    }

    test('keyboard only: open a workbook, choose a target, create the gap sheet and download it; every control named, focus visible', async () => {
      const file = path.join(ROOT, 'examples', 'spbe2020-contoh.xlsx');
      const grids = await readWorkbookGrids(new Uint8Array(fs.readFileSync(file)));
      const settings = { ...DEFAULT_SETTINGS, target: { kind: 'level', level: 4 } as TargetChoice };
      const planned = previewOf(defaultEngine.assess(grids, settings), settings);
      const { page, errors } = await openPane(browser, server, { mode: 'browser' });
      await page.waitForSelector('[data-testid="open-file"]');
      await expectNamedControls(page);
      // The language switch and the "open a workbook" button are the first stops.
      await tabTo(page, '[data-testid="lang-select"]');
      await expectVisibleFocus(page);
      await tabTo(page, '[data-testid="open-file"]');
      await expectVisibleFocus(page);
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
      await chooser.setFiles(file);
      await page.waitForSelector('[data-testid="predicate-value"]');
      await expectNamedControls(page);
      // The target: one stop for the radio group, arrows move within it.
      await tabTo(page, '[data-testid="target-next"]');
      await expectVisibleFocus(page);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.isChecked('[data-testid="target-level"]')).toBe(true);
      await tabTo(page, '[data-testid="target-level-select"]');
      await expectVisibleFocus(page);
      await page.keyboard.press('ArrowDown'); // 3 → 4
      await page.waitForFunction(() => (document.querySelector('[data-testid="target-level-select"]') as HTMLSelectElement | null)?.value === '4');
      expect(planned.status).toBe('plan');
      await expectText(page, 'plan-summary', (planned as { message: string }).message);
      await tabTo(page, '[data-testid="generate-gap"]');
      await expectVisibleFocus(page);
      await screenshot(page, 'a5-keyboard-focus-generate');
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-testid="download-result"]');
      // The outcome is announced: it is inside a polite live region.
      expect(await page.$eval('[data-testid="write-result"]', (el) => el.closest('[aria-live="polite"]') !== null)).toBe(true);
      await tabTo(page, '[data-testid="download-result"]');
      await expectVisibleFocus(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('spbe2020-contoh-gap.xlsx');
      const out = path.join(tmp, 'keyboard-gap.xlsx');
      await download.saveAs(out);
      const result = await loadWorkbook(new Uint8Array(fs.readFileSync(out)));
      expect(markedSheetName(result)).toBe('Analisis Gap');
      // the uniform level 4 chosen with the keyboard is the sheet's target
      const gapValues = worksheetToGrid(result.getWorksheet('Analisis Gap')).values.flat();
      expect(gapValues).toContain('Semua indikator minimal tingkat 4.');
      // The settings are reachable too.
      for (const id of ['framework-select', 'column-select', 'basis-select']) {
        await tabTo(page, `[data-testid="${id}"]`);
        await expectVisibleFocus(page);
      }
      await screenshot(page, 'a5-keyboard-done');
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    test('target choices and settings: the preview follows, as the planner computes it', async () => {
      const file = path.join(ROOT, 'examples', 'spbe2020-contoh.xlsx');
      const grids = await readWorkbookGrids(new Uint8Array(fs.readFileSync(file)));
      const base = defaultEngine.assess(grids, DEFAULT_SETTINGS);
      const previewFor = (target: TargetChoice, basis: PredicateBasis = 'exact') => {
        const settings = { ...DEFAULT_SETTINGS, target, basis };
        return previewOf(defaultEngine.assess(grids, settings), settings);
      };
      const { page, errors } = await openPane(browser, server, { mode: 'browser' });
      await openFile(page, file);
      const expectPreview = async (p: PlanPreview) => {
        if (p.status === 'plan' || p.status === 'reached' || p.status === 'unreachable' || p.status === 'top') await expectText(page, 'plan-summary', p.message);
        if (p.status === 'plan') expect(await page.$$('[data-testid="plan-item"]')).toHaveLength(Math.min(12, p.steps.length));
      };
      await expectPreview(previewFor({ kind: 'next' }));

      await page.click('[data-testid="target-level"]');
      await page.selectOption('[data-testid="target-level-select"]', '4');
      await expectPreview(previewFor({ kind: 'level', level: 4 }));
      await screenshot(page, 'a4-target-level-4');

      await page.click('[data-testid="target-index"]');
      await page.fill('[data-testid="target-index-input"]', '9');
      await page.waitForSelector('text=Tulis indeks antara 1 dan 5, misalnya 2,60.');
      await page.click('[data-testid="generate-gap"]');
      await expectText(page, 'write-result', 'Tulis indeks antara 1 dan 5, misalnya 2,60.');
      await screenshot(page, 'a4-target-index-invalid');
      await page.fill('[data-testid="target-index-input"]', '3,2');
      await expectPreview(previewFor({ kind: 'index', text: '3,2' }));
      await screenshot(page, 'a4-target-index');

      // Predicate basis and framework override, as the core computes them.
      await page.selectOption('[data-testid="basis-select"]', 'rounded');
      const rounded = defaultEngine.assess(grids, { ...DEFAULT_SETTINGS, basis: 'rounded' });
      await expectText(page, 'predicate-value', rounded.scores?.predicate);
      await page.selectOption('[data-testid="framework-select"]', base.framework?.id as string);
      await expectText(page, 'framework-value', base.framework?.name);
      expect(await page.textContent('[data-testid="framework-value"] + span')).toBe('(dipilih oleh Anda)');
      // The other stage column (Penilaian Mandiri) instead of the most advanced one.
      const other = base.table?.levelColumns.find((c) => c.col !== base.table?.levelColumn.col);
      expect(other).toBeDefined();
      await page.selectOption('[data-testid="column-select"]', String(other!.col));
      const withOther = defaultEngine.assess(grids, { ...DEFAULT_SETTINGS, basis: 'rounded', framework: base.framework!.id, column: other!.col });
      expect(withOther.table?.levelColumn.col).toBe(other!.col);
      await page.waitForFunction((t) => document.querySelector('[data-testid="index-value"]')?.textContent === t, formatExact(withOther.scores!.exact, 'id'));
      expect(await textOf(page, 'column-value')).toContain(`kolom ${other!.letter}`);
      await noHorizontalOverflow(page);
      await screenshot(page, 'a4-settings');
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    test('a workbook with errors: errors listed first with their cells; no gap sheet, and why', async () => {
      const wb = workbookWithErrors();
      const file = path.join(tmp, 'Penilaian dengan kesalahan.xlsx');
      await wb.xlsx.writeFile(file);
      const grids = await readWorkbookGrids(new Uint8Array(fs.readFileSync(file)));
      const expected = expectedOf(grids);
      const errorCells = expected.problems.filter((p) => p.severity === 'error').map((p) => p.cell);
      expect(errorCells).toEqual(expect.arrayContaining(['C10', 'C15', 'C33', 'C44']));

      const { page, errors } = await openPane(browser, server, { mode: 'browser' });
      await openFile(page, file);
      await expectFigures(page, expected);
      expect(await textOf(page, 'problem-count')).toMatch(/^4 kesalahan, \d+ peringatan$/);
      // outside Excel there is no cell to select: no "click a problem" hint, the cell is written in each item
      expect(await page.$('[data-testid="problems-hint"]')).toBeNull();
      await noHorizontalOverflow(page);
      await screenshot(page, 'a2-errors-all-warnings');
      await page.click('[data-testid="toggle-warnings"]');
      expect(await page.$$('[data-testid="issue-item"]')).toHaveLength(4 + 3);
      await screenshot(page, 'a2-errors');
      await page.click('[data-testid="generate-gap"]');
      await page.waitForSelector('[data-testid="write-result"]');
      await expectText(page, 'write-result', 'Sheet gap belum dapat dibuat: perbaiki dulu 4 kesalahan di daftar masalah.');
      expect(await page.$('[data-testid="download-result"]')).toBeNull();
      await screenshot(page, 'a2-errors-blocked');
      // In English, the same problems in English
      await page.selectOption('[data-testid="lang-select"]', 'en');
      const first = await page.textContent('[data-testid="issue-item"]');
      const firstError = expected.problems.find((p) => p.severity === 'error');
      expect(first).toContain(firstError?.message.en);
      // the message of the blocked write follows the language switch
      await expectText(page, 'write-result', 'The gap sheet cannot be created yet: first fix the 4 error(s) in the problem list.');
      await screenshot(page, 'a2-errors-en');
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    test('a file that is not a workbook: a plain message, no crash', async () => {
      const file = path.join(tmp, 'daftar.xlsx');
      fs.writeFileSync(file, 'No;Tingkat\n1;3\n');
      const { page, errors } = await openPane(browser, server, { mode: 'browser' });
      await openFile(page, file);
      expect(await textOf(page, 'read-error')).toMatch(/^Buku kerja tidak dapat dibaca: /);
      await screenshot(page, 'a3-not-a-workbook');
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  });

  describe('(b) inside a simulated Excel (strict fake object model)', () => {
    function fakeSheets(levels: (no: number) => CellValue) {
      const grid = assessmentGrid({ fw: SPBE2020, levels });
      return [{ name: 'Petunjuk', cells: [['Isi kolom C dengan tingkat 1–5.']] }, { name: grid.name, cells: grid.values }];
    }
    const excel = (page: Page) => ({
      syncCount: () => page.evaluate(() => (window as unknown as { Excel: { syncCount: number } }).Excel.syncCount),
      reset: () => page.evaluate(() => (window as unknown as { Excel: { resetSyncCount(): void } }).Excel.resetSyncCount()),
      selection: () => page.evaluate(() => (window as unknown as { Excel: { selection(): string | null } }).Excel.selection()),
      edit: (sheet: string, a1: string, v: string | number) =>
        page.evaluate(([s, a, x]) => (window as unknown as { Excel: { userEdit(s: string, a: string, v: unknown): void } }).Excel.userEdit(s as string, a as string, x), [sheet, a1, v] as const),
      sheetNames: () => page.evaluate(() => (window as unknown as { Excel: { sheetNames(): string[] } }).Excel.sheetNames()),
      active: () => page.evaluate(() => (window as unknown as { Excel: { activeSheet(): string | null } }).Excel.activeSheet()),
      snapshot: (name: string) => page.evaluate((n) => (window as unknown as { Excel: { snapshot(n: string): string } }).Excel.snapshot(n), name),
      charts: (name: string) => page.evaluate((n) => (window as unknown as { Excel: { sheet(n: string): { charts: unknown[] } | null } }).Excel.sheet(n)?.charts.length ?? 0, name),
    });

    test('clicking a problem selects its cell; fixing it clears the problem; editing a level updates the index; read and write sync counts', async () => {
      const badRow = rowOf(SPBE2020, 5);
      const badRow2 = rowOf(SPBE2020, 9);
      const { page, blocked, errors } = await openPane(browser, server, { mode: 'excel', sheets: fakeSheets((n) => (n === 5 ? 'belum' : n === 9 ? 7 : 3)), displayLanguage: 'id-ID' });
      const x = excel(page);
      await page.waitForSelector('[data-testid="issue-item"]', { timeout: 60_000 });
      expect(await page.$('[data-testid="file-input"]')).toBeNull();
      await expectText(page, 'problem-count', '2 kesalahan, 0 peringatan');
      await expectText(page, 'problems-hint', 'Klik sebuah masalah untuk memilih selnya di Excel.');
      // each problem is a button naming the cell it selects
      expect(await page.$$eval('[data-testid="issue-item"] button', (els) => els.map((e) => e.getAttribute('aria-label')?.split(':')[0]))).toEqual([
        `Pilih sel C${badRow} di lembar Penilaian`,
        `Pilih sel C${badRow2} di lembar Penilaian`,
      ]);
      await expectText(page, 'index-value', '—');
      const initialSyncs = await x.syncCount(); // read + subscribing to changes
      await noHorizontalOverflow(page);
      await screenshot(page, 'b1-excel-error');

      // Keyboard: Tab to the problem and press Enter.
      const first = page.locator('[data-testid="issue-item"]').first();
      expect(await first.getAttribute('data-cell')).toBe(`C${badRow}`);
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.closest('[data-testid="issue-item"]') !== null)) break;
      }
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
      await expectVisibleFocus(page);
      await expectNamedControls(page);
      await page.keyboard.press('Enter');
      expect(await poll(() => x.selection(), (v) => v === `Penilaian!C${badRow}`)).toBe(`Penilaian!C${badRow}`);
      await screenshot(page, 'b2-excel-selected');
      // With the mouse: the second problem.
      await page.locator('[data-testid="issue-item"]').nth(1).click();
      expect(await poll(() => x.selection(), (v) => v === `Penilaian!C${badRow2}`)).toBe(`Penilaian!C${badRow2}`);

      // The ribbon's one-click command with errors: opens the pane, writes nothing.
      await page.evaluate(() => new Promise<void>((resolve) => (window as unknown as { __OFFICE_CALLS__: { associated: Record<string, (e: { completed(): void }) => void> } }).__OFFICE_CALLS__.associated.generateGapSheet({ completed: resolve })));
      expect(await page.evaluate(() => (window as unknown as { __OFFICE_CALLS__: { showAsTaskpane: number } }).__OFFICE_CALLS__.showAsTaskpane)).toBe(1);
      expect(await x.sheetNames()).toEqual(['Petunjuk', 'Penilaian']);

      // The user fixes the cell in Excel: the problem goes and the index appears, without a button.
      await x.edit('Penilaian', `C${badRow2}`, 3);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="issue-item"]').length === 1, undefined, { timeout: 30_000 });
      await x.reset();
      await x.edit('Penilaian', `C${badRow}`, 3);
      await page.waitForFunction(() => document.querySelector('[data-testid="index-value"]')?.textContent === '3,00', undefined, { timeout: 30_000 });
      await expectText(page, 'predicate-value', 'Baik');
      expect(await page.$('[data-testid="issue-item"]')).toBeNull();
      const reReadSyncs = await x.syncCount();

      // Editing a level updates the index: indicator 47 weighs 3.00 %, 3 → 5 adds 0.06.
      await x.edit('Penilaian', `C${rowOf(SPBE2020, 47)}`, 5);
      await page.waitForFunction(() => document.querySelector('[data-testid="index-value"]')?.textContent === '3,06', undefined, { timeout: 30_000 });
      await screenshot(page, 'b3-excel-fixed');

      // Buat Sheet Gap: written, activated, source untouched; syncs counted.
      const before = await x.snapshot('Penilaian');
      await x.reset();
      await page.click('[data-testid="generate-gap"]');
      await page.waitForSelector('[data-testid="write-result"]', { timeout: 60_000 });
      const writeSyncs = await x.syncCount();
      // Calculation is suspended during the write sync (the second: the first only probes names and sheets).
      const log = await page.evaluate(() => (window as unknown as { Excel: { syncLog: Array<{ calculationSuspended: boolean; failed: string | null }> } }).Excel.syncLog.map((l) => ({ ...l })));
      expect(log.map((l) => l.failed)).toEqual([null, null]);
      expect(log[1].calculationSuspended).toBe(true);
      await expectText(page, 'write-result', 'Sheet "Analisis Gap" telah dibuat dan diaktifkan.');
      expect(await x.sheetNames()).toEqual(['Petunjuk', 'Penilaian', 'Analisis Gap']);
      expect(await x.active()).toBe('Analisis Gap');
      expect(await x.snapshot('Penilaian')).toBe(before);
      expect(await x.charts('Analisis Gap')).toBeGreaterThan(0);
      await screenshot(page, 'b4-excel-generated');

      console.warn(`sync counts in the simulated Excel: first read + subscribe ${initialSyncs}, re-read after an edit ${reReadSyncs}, write ${writeSyncs}`);
      expect(initialSyncs).toBeLessThanOrEqual(3);
      expect(reReadSyncs).toBeLessThanOrEqual(2);
      expect(writeSyncs).toBeLessThanOrEqual(2);
      expect(blocked).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);

    test('the ribbon command writes the gap sheet in one click when the workbook is clean; English Excel gets an English pane and sheet', async () => {
      const { page, errors } = await openPane(browser, server, { mode: 'excel', sheets: fakeSheets(() => 2), displayLanguage: 'en-US' });
      const x = excel(page);
      await page.waitForSelector('[data-testid="predicate-value"]', { timeout: 60_000 });
      await expectText(page, 'index-value', '2.00');
      expect(await page.textContent('h1')).toBe('SPBE Index');
      await page.evaluate(() => new Promise<void>((resolve) => (window as unknown as { __OFFICE_CALLS__: { associated: Record<string, (e: { completed(): void }) => void> } }).__OFFICE_CALLS__.associated.generateGapSheet({ completed: resolve })));
      expect(await page.evaluate(() => (window as unknown as { __OFFICE_CALLS__: { showAsTaskpane: number } }).__OFFICE_CALLS__.showAsTaskpane)).toBe(0);
      expect(await x.sheetNames()).toEqual(['Petunjuk', 'Penilaian', 'Gap Analysis']);
      expect(await x.active()).toBe('Gap Analysis');
      // The open pane says what the button did.
      await page.waitForSelector('[data-testid="write-result"]');
      await expectText(page, 'write-result', 'Sheet "Gap Analysis" was created and activated.');
      await screenshot(page, 'b5-excel-ribbon-en');
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  });
});
