/**
 * Shared machinery of the pane's end-to-end tests (test/taskpane/e2e.test.ts) and the pane's bench section:
 * - the production bundle: dist/ reused when it is newer than every source file (e.g. after `npm run build`),
 *   else built once with the project's webpack config into the git-ignored .tmp/e2e-dist (reused while
 *   fresh); SPBE_E2E_REBUILD=1 forces a build;
 * - Debian's Chromium (/usr/bin/chromium, never a downloaded browser) driven by playwright-core, with a
 *   fresh profile directory;
 * - a local static server on 127.0.0.1 and a page whose requests never leave the machine: the CDN
 *   office.js is answered with a local stub (test/taskpane/office-stub.js), anything else not on
 *   127.0.0.1 is aborted;
 * - H6's strict fake Excel (test/excel/fake-excel.ts) compiled for the browser with @swc/core, so a page
 *   can run "inside Excel" with the fake installed as its `Excel` global.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { BrowserContext, FileChooser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './static-server';

export const ROOT = path.resolve(__dirname, '..', '..');
export const DIST = path.join(ROOT, 'dist');
export const CHROMIUM = process.env.SPBE_CHROMIUM ?? '/usr/bin/chromium';
export const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\//;
export const PANE_PAGE = 'taskpane.html';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumAvailable(): boolean {
  try {
    fs.accessSync(CHROMIUM, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function newestMtime(dir: string, skip: (p: string) => boolean = () => false): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (skip(p)) continue;
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

/** The build's own scripts and settings files: a change to any of them makes a new bundle. */
const BUILD_FILES = ['webpack.config.js', 'package.json', 'manifest.xml', 'scripts/addin-build.js', 'scripts/functions-metadata.js'];

/** The newest modification time of the inputs of the bundle: src/, assets/ and BUILD_FILES. */
function newestInput(): number {
  return Math.max(
    newestMtime(path.join(ROOT, 'src')),
    newestMtime(path.join(ROOT, 'assets')),
    ...BUILD_FILES.map((f) => (fs.existsSync(path.join(ROOT, f)) ? fs.statSync(path.join(ROOT, f)).mtimeMs : 0)),
  );
}

/** True when `dir`/taskpane.html exists and is newer than every input of the bundle. */
export function isFreshBuild(dir: string): boolean {
  const page = path.join(dir, PANE_PAGE);
  if (!fs.existsSync(page)) return false;
  return fs.statSync(page).mtimeMs >= newestInput();
}

/** Where the tests build when dist/ is stale: a git-ignored scratch directory, so a user's dist/ is never replaced. */
export const TEST_DIST = path.join(ROOT, '.tmp', 'e2e-dist');

/**
 * A production build of the current sources, as a directory: dist/ when it is fresh (e.g. right after
 * `npm run build`), else .tmp/e2e-dist when that is fresh, else a new build of the project's webpack
 * config (production mode) into .tmp/e2e-dist. SPBE_E2E_REBUILD=1 forces a new build.
 */
export function ensureProductionBuild(log: (line: string) => void = () => undefined): { dir: string; built: boolean; ms: number } {
  if (!process.env.SPBE_E2E_REBUILD) {
    if (isFreshBuild(DIST)) return { dir: DIST, built: false, ms: 0 };
    if (isFreshBuild(TEST_DIST)) return { dir: TEST_DIST, built: false, ms: 0 };
  }
  const config = path.join(ROOT, 'webpack.config.js');
  if (!fs.existsSync(config)) throw new Error('webpack.config.js is missing: cannot build the production bundle for the end-to-end tests');
  log(`building the production bundle (webpack --mode production) into ${path.relative(ROOT, TEST_DIST)} …`);
  const start = Date.now();
  // Build beside the target and swap it in, so two runs at once never see a half-written directory.
  const scratch = `${TEST_DIST}-${process.pid}-${Date.now()}`;
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--config', config, '--output-path', scratch],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' }, maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) {
    fs.rmSync(scratch, { recursive: true, force: true });
    throw new Error(`webpack failed (exit ${r.status}):\n${(r.stdout ?? '').slice(-4000)}\n${(r.stderr ?? '').slice(-4000)}`);
  }
  if (!fs.existsSync(path.join(scratch, PANE_PAGE))) throw new Error(`the build did not produce ${PANE_PAGE}`);
  fs.rmSync(TEST_DIST, { recursive: true, force: true });
  fs.renameSync(scratch, TEST_DIST);
  return { dir: TEST_DIST, built: true, ms: Date.now() - start };
}

/** test/excel/fake-excel.ts compiled to a browser script that defines window.__fakeExcelModule. */
export function fakeExcelBrowserScript(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const swc = require('@swc/core') as typeof import('@swc/core');
  const file = path.join(ROOT, 'test', 'excel', 'fake-excel.ts');
  const source = fs.readFileSync(file, 'utf8');
  const { code } = swc.transformSync(source, {
    filename: file,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2020' },
    module: { type: 'commonjs' },
  });
  return `(function(){var exports={};var module={exports:exports};\n${code}\nwindow.__fakeExcelModule=module.exports;})();`;
}

export interface Browser {
  readonly context: BrowserContext;
  readonly profile: string;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with a fresh profile directory (removed on close). */
export async function launchChromium(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 320, height: 900 },
    acceptDownloads: true,
    locale: 'id-ID',
    timeout: 60_000,
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close().catch(() => undefined);
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Serves a production build (the directory ensureProductionBuild returned). */
export async function serveDist(dir: string = DIST): Promise<StaticServer> {
  return serveStatic(dir);
}

export interface PageOptions {
  /** 'browser' = office.js reports no host; 'excel' = Excel host with a fake workbook. */
  readonly mode: 'browser' | 'excel';
  readonly displayLanguage?: string;
  /** Sheets of the fake workbook (excel mode), as createFakeExcel takes them. */
  readonly sheets?: unknown;
  readonly width?: number;
  /** Keep what earlier pages stored (the language choice); by default each page starts afresh. */
  readonly keepStorage?: boolean;
  /** Requirement sets the simulated Excel lacks (isSetSupported answers false for them). */
  readonly unsupported?: readonly string[];
}

/**
 * File choosers of each page, caught from the page's first moment on.
 *
 * Why not `Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')])`: adding the first
 * 'filechooser' listener makes Playwright switch on Chromium's file-chooser interception with a message it
 * does not wait for (Page.setInterceptFileChooserDialog), and a key press is one quick message of its own,
 * so the chooser the key opens can reach Chromium before the interception does. Headless Chromium then
 * closes the chooser unseen and the test waits in vain — sometimes, or on some machine and Chromium version
 * every time. (Measured here: 3 to 6 lost choosers in 20 key presses that way; a click, which makes several
 * round trips first, almost never loses.) Listening from before the page loads keeps the interception on
 * for the page's whole life, so no key press can overtake it.
 */
const fileChoosers = new WeakMap<Page, { queue: FileChooser[]; waiters: Array<(c: FileChooser) => void> }>();

/**
 * Runs `act` (a key press, a click) and returns the file chooser it opened; fails naming the wait when
 * none opens within `timeoutMs`.
 */
export async function fileChooserFrom(page: Page, act: () => Promise<void>, timeoutMs: number): Promise<FileChooser> {
  const box = fileChoosers.get(page);
  if (!box) throw new Error('fileChooserFrom: the page was not opened with openPane');
  box.queue.length = 0; // a chooser from before the action is not its answer
  let waiter: ((c: FileChooser) => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const next = new Promise<FileChooser>((resolve, reject) => {
    waiter = resolve;
    box.waiters.push(resolve);
    timer = setTimeout(() => reject(new Error(`no file chooser opened within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await act();
    return await next;
  } finally {
    if (timer) clearTimeout(timer);
    box.waiters = box.waiters.filter((w) => w !== waiter);
  }
}

/** Pages opened by openPane and not closed yet: closePanes() closes them after each test, passed or failed. */
const openPages = new Set<Page>();

export async function closePanes(): Promise<void> {
  const pages = [...openPages];
  openPages.clear();
  await Promise.all(pages.map((p) => p.close().catch(() => undefined)));
}

/**
 * Runs one step of a test; when it fails, the error says which step it was and keeps the original
 * message and stack, so a failure reads "step 'open the file chooser with Enter' failed: …".
 */
export async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    const original = e instanceof Error ? e : new Error(String(e));
    if (original.message.startsWith('step \'')) throw original; // an inner step already named itself
    const wrapped = new Error(`step '${name}' failed: ${original.message}`);
    wrapped.stack = `${wrapped.name}: ${wrapped.message}\n${(original.stack ?? '').split('\n').slice(1).join('\n')}`;
    throw wrapped;
  }
}

/** Opens a page in which nothing leaves 127.0.0.1: office.js is the local stub; other hosts are aborted. */
export async function openPane(browser: Browser, server: StaticServer, options: PageOptions): Promise<{ page: Page; blocked: string[]; errors: string[] }> {
  const page = await browser.context.newPage();
  openPages.add(page);
  page.once('close', () => openPages.delete(page));
  // Generous waits (never sleeps): two shared cores under load may be slow, never wrong. Every wait of a
  // step ends before the test's own timeout, so a failure names its step instead of "test timed out".
  page.setDefaultTimeout(45_000);
  await page.setViewportSize({ width: options.width ?? 320, height: 900 });
  const blocked: string[] = [];
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // File choosers are intercepted from now on (see fileChooserFrom).
  const choosers: { queue: FileChooser[]; waiters: Array<(c: FileChooser) => void> } = { queue: [], waiters: [] };
  fileChoosers.set(page, choosers);
  page.on('filechooser', (chooser) => {
    const waiter = choosers.waiters.shift();
    if (waiter) waiter(chooser);
    else choosers.queue.push(chooser);
  });
  const stub = fs.readFileSync(path.join(__dirname, 'office-stub.js'), 'utf8');
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (OFFICE_CDN.test(url)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: stub });
    if (url.startsWith(server.url + '/') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const config = { host: options.mode === 'excel' ? 'Excel' : null, displayLanguage: options.displayLanguage ?? 'id-ID', unsupported: options.unsupported ?? [] };
  await page.addInitScript(`window.__OFFICE_STUB__ = ${JSON.stringify(config)};`);
  if (!options.keepStorage) await page.addInitScript(`try { localStorage.clear(); } catch (e) {}`);
  if (options.mode === 'excel') {
    await page.addInitScript(fakeExcelBrowserScript());
    await page.addInitScript(`window.Excel = window.__fakeExcelModule.createFakeExcel(${JSON.stringify(options.sheets ?? [])});`);
  }
  // The page under test is the active tab of a focused window, whatever pages earlier tests left and
  // however this Chromium version treats background tabs: the document is visible from its first script
  // on, and keyboard focus and :focus-visible behave as for a user who is looking at the pane.
  await page.bringToFront();
  await page.goto(`${server.url}/${PANE_PAGE}`);
  return { page, blocked, errors };
}

export const RESULTS_DIR = path.join(ROOT, 'test-results', 'taskpane');

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** axe-core's browser script, from node_modules (a dev dependency: no network). */
let axeSource: string | null = null;

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: string[];
}

/**
 * Runs axe-core on the page as it is now (every rule axe runs by default, WCAG 2.x A and AA and best practices)
 * and returns the violations, each with the selectors of the elements concerned.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (axeSource === null) axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * A state of the pane the tests visit: axe-core finds no violation in it (the test fails naming the rules and
 * elements otherwise), and its screenshot goes to test-results/taskpane/<name>.png.
 */
export async function visitState(page: Page, name: string): Promise<string> {
  // Colours are judged once they settle: a button that was just enabled fades to its colours (a CSS transition).
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => undefined)),
    ),
  );
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`axe-core found ${violations.length} violation(s) in state '${name}':\n${violations.map((v) => `  ${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(', ')}`).join('\n')}`);
  return screenshot(page, name);
}
