/**
 * The pane on a workbook with a sheet per year, in Chromium on the production bundle (the machinery of
 * test/taskpane/e2e-support.ts): the newest year is assessed by default, outside Excel and inside (the
 * strict fake Excel); the note names the other sheet in the pane's words (no command-line option); the
 * sheet chooser lists both and choosing the older year shows its index.
 * Without /usr/bin/chromium the tests are skipped with a notice; with CI=true they fail instead.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { chromiumAvailable, isFreshBuild, launchChromium, openPane, visitState, serveDist, CHROMIUM, DIST, ROOT, TEST_DIST, type Browser } from './e2e-support';
import type { StaticServer } from './static-server';
import { SPBE2020 } from '../../src/core/frameworks';
import { assessmentGrid } from './grids';

const haveChromium = chromiumAvailable();
if (!haveChromium) {
  const notice = `${CHROMIUM} not found: the sheet-chooser tests of the task pane are ${process.env.CI === 'true' ? 'FAILING (CI=true)' : 'SKIPPED'}. Install Debian's chromium package to run them.`;
  console.warn(notice);
  if (process.env.CI === 'true') {
    test('Chromium is installed for the sheet-chooser tests', () => {
      throw new Error(notice);
    });
  } else {
    test.skip(`sheet-chooser tests of the task pane (${CHROMIUM} missing)`, () => undefined);
  }
}
const describeBrowser = haveChromium ? describe : describe.skip;

let browser: Browser;
let server: StaticServer;
let tmp: string;

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.textContent(`[data-testid="${testId}"]`)) ?? '').trim();
}

/** Waits (polling, up to 30 s) until the index shown is `value`. */
async function indexBecomes(page: Page, value: string): Promise<void> {
  await page.waitForFunction((v) => document.querySelector('[data-testid="index-value"]')?.textContent === v, value, { timeout: 30_000 });
}

async function expectChooser(page: Page): Promise<void> {
  // newest year by default: 2024 (all levels 3)
  await indexBecomes(page, '3,00');
  expect(await textOf(page, 'column-value')).toContain('Penilaian 2024');
  const options = await page.$$eval('[data-testid="sheet-select"] option', (els) => els.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent })));
  expect(options).toEqual([
    { value: '', text: 'Otomatis: Penilaian 2024' },
    { value: 'Penilaian 2023', text: 'Penilaian 2023 (tahun 2023)' },
    { value: 'Penilaian 2024', text: 'Penilaian 2024 (tahun 2024)' },
  ]);
  // the note names the other sheet and where to choose it here; no pane text names a command-line option
  const note = await page.$eval('[data-testid="issue-item"][data-code="OTHER_TABLES"]', (e) => ({ severity: e.getAttribute('data-severity'), text: e.textContent ?? '' }));
  expect(note.severity).toBe('info');
  expect(note.text).toContain('Penilaian 2023');
  expect(note.text).toContain('Pengaturan');
  expect(await page.textContent('main')).not.toMatch(/--\w+/);
  // a clean workbook with notes only: no problem count, "no problems"
  expect(await page.$('[data-testid="problem-count"]')).toBeNull();
  await page.selectOption('[data-testid="sheet-select"]', 'Penilaian 2023');
  await indexBecomes(page, '2,00');
  expect(await textOf(page, 'column-value')).toContain('Penilaian 2023');
  await page.selectOption('[data-testid="sheet-select"]', '');
  await indexBecomes(page, '3,00');
}

/**
 * A production bundle of the current sources in a folder of this test's own: a copy of dist/ or of the
 * end-to-end tests' .tmp/e2e-dist when one is fresh, else a build of its own. Never the shared folder
 * itself: test/taskpane/e2e.test.ts may be building or serving it at the same time (jest runs files in
 * parallel), and swapping it under a running page would break that test.
 */
function privateBundle(into: string): string {
  for (const ready of [DIST, TEST_DIST]) {
    try {
      if (isFreshBuild(ready)) {
        fs.cpSync(ready, into, { recursive: true });
        if (isFreshBuild(into)) return into;
      }
    } catch {
      // the folder was being replaced while it was copied: build instead
    }
    fs.rmSync(into, { recursive: true, force: true });
  }
  console.warn('building the production bundle (webpack --mode production) for the sheet-chooser tests …');
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--config', path.join(ROOT, 'webpack.config.js'), '--output-path', into],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) throw new Error(`webpack failed (exit ${r.status}):\n${(r.stdout ?? '').slice(-4000)}\n${(r.stderr ?? '').slice(-4000)}`);
  return into;
}

describeBrowser('the pane on a workbook with a sheet per year', () => {
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-chooser-'));
    server = await serveDist(privateBundle(path.join(tmp, 'dist')));
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  test('outside Excel: a file with 2024 before 2023 opens on 2024; the chooser switches to 2023 and back', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, level] of [['Penilaian 2023', 2], ['Penilaian 2024', 3]] as const) {
      const ws = wb.addWorksheet(name);
      for (const row of assessmentGrid({ fw: SPBE2020, levels: () => level }).values) ws.addRow([...row]);
    }
    const file = path.join(tmp, 'dua tahun.xlsx');
    await wb.xlsx.writeFile(file);
    const { page, errors } = await openPane(browser, server, { mode: 'browser' });
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForSelector('[data-testid="index-value"]', { timeout: 60_000 });
    await expectChooser(page);
    await visitState(page, 'c1-sheet-chooser-browser');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  test('inside (simulated) Excel: the same', async () => {
    const sheets = [2, 3].map((level) => ({ name: `Penilaian ${2021 + level}`, cells: assessmentGrid({ fw: SPBE2020, levels: () => level }).values }));
    const { page, errors } = await openPane(browser, server, { mode: 'excel', sheets, displayLanguage: 'id-ID' });
    await page.waitForSelector('[data-testid="index-value"]', { timeout: 60_000 });
    await expectChooser(page);
    await visitState(page, 'c2-sheet-chooser-excel');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
