/**
 * A real release build (`npm run build:release`: webpack --mode production --env release) with the
 * build-time settings set, into a temporary directory, and what it ships:
 * - dist/manifest.xml names ADDIN_URL and ADDIN_PROVIDER everywhere (the released identity, package.json's version);
 * - help.html: Indonesian and English, what the add-in does, the supported Excel versions, the privacy
 *   statement, how to report a problem (ADDIN_SUPPORT), no script;
 * - deploy/nginx.conf and deploy/web.config for that URL, mapping every file type the build emits;
 * - every shipped script parses at the chosen ECMAScript level (webpack.config.js ES_TARGET), checked with
 *   acorn (webpack's own parser); the inline script of taskpane.html at ES5, since it must run anywhere.
 * And the same command without the settings fails at once, naming them.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { all, byName, parseXml, path1 } from './xml';

const ROOT = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../scripts/addin-build.js') as typeof import('../../scripts/addin-build');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ES_TARGET } = require('../../webpack.config.js') as { ES_TARGET: number };
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };

/** acorn as webpack uses it (not a dependency of ours: resolved from webpack's own location). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const acorn = require(require.resolve('acorn', { paths: [path.dirname(require.resolve('webpack/package.json'))] })) as {
  parse(code: string, options: { ecmaVersion: number; sourceType: 'script' | 'module' }): unknown;
};

const URL_ = 'https://spbe.kabupaten-contoh.go.id/addin';
const PROVIDER = 'Diskominfo Kabupaten Contoh & <Mitra>';
const SUPPORT = 'spbe-helpdesk@kabupaten-contoh.go.id';

let out: string;
let result: { status: number | null; stdout: string; stderr: string };

function webpack(args: string[], env: Record<string, string | undefined>) {
  const clean = { ...process.env };
  for (const k of ['ADDIN_URL', 'ADDIN_PROVIDER', 'ADDIN_SUPPORT', 'SPBE_RELEASE']) delete clean[k];
  return spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...clean, ...env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

function files(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')]));
}

const read = (f: string) => fs.readFileSync(path.join(out, f), 'utf8');

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-release-'));
  result = webpack(['--mode', 'production', '--env', 'release', '--output-path', out], { ADDIN_URL: `${URL_}/`, ADDIN_PROVIDER: PROVIDER, ADDIN_SUPPORT: SUPPORT });
  if (result.status !== 0) throw new Error(`the release build failed (exit ${result.status}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
}, 600_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

test('the release build succeeds without warnings about the URL', () => {
  expect(result.status).toBe(0);
  expect(`${result.stdout}\n${result.stderr}`).not.toContain('ADDIN_URL is not set');
});

test('dist/manifest.xml names ADDIN_URL and the provider everywhere: the released add-in, version from package.json', () => {
  const xml = read('manifest.xml');
  expect(xml).not.toContain('localhost');
  expect(xml).not.toContain('(dev)');
  const d = parseXml(xml);
  expect(path1(d, 'ProviderName').text).toBe(PROVIDER);
  expect(path1(d, 'Id').text).toBe(build.IDENTITY.production.id);
  expect(path1(d, 'Version').text).toBe(`${PACKAGE.version}.0`);
  const urls = all(d, () => true).flatMap((e) => [...Object.values(e.attrs), e.text.trim()].filter((v) => /^https:\/\//.test(v)));
  expect(urls.length).toBeGreaterThan(15);
  for (const u of urls) expect({ u, ok: u.startsWith(`${URL_}/`) || u === 'https://spbe.kabupaten-contoh.go.id' }).toEqual({ u, ok: true });
  // and each names a file the build shipped
  const shipped = new Set(files(out));
  for (const u of urls.filter((x) => x.startsWith(`${URL_}/`))) expect({ u, shipped: shipped.has(u.slice(URL_.length + 1)) }).toEqual({ u, shipped: true });
  expect(path1(d, 'SupportUrl').attrs.DefaultValue).toBe(`${URL_}/help.html`);
  expect(byName(d, 'bt:Url').find((e) => e.attrs.id === 'GetStarted.LearnMoreUrl')?.attrs.DefaultValue).toBe(`${URL_}/help.html`);
});

test('help.html: Indonesian with English; what it does, supported Excel, privacy, how to report a problem; the settings; no script', () => {
  const html = read('help.html');
  expect(html).toMatch(/^<!doctype html><html lang="id">/i);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<%|%>/);
  // the settings, escaped
  expect(html).toContain('Diskominfo Kabupaten Contoh &amp; &lt;Mitra&gt;');
  expect(html).not.toContain('<Mitra>');
  expect(html).toContain(`<a href="mailto:${SUPPORT}">${SUPPORT}</a>`);
  expect(html).toContain(`<span data-testid="help-version">${PACKAGE.version}</span>`);
  // Indonesian, then English
  for (const heading of ['Apa yang dilakukan add-in ini', 'Versi Excel yang didukung', 'Privasi', 'Melaporkan masalah']) expect(html).toContain(heading);
  expect(html).toContain('<section lang="en" id="en">');
  for (const heading of ['What the add-in does', 'Supported Excel versions', 'Privacy', 'Reporting a problem']) expect(html).toContain(heading);
  // the facts users need
  expect(html).toContain('Microsoft 365 on Windows and on Mac');
  expect(html).toContain('Excel 2021 and Excel 2024');
  expect(html).toContain('Excel on the web');
  expect(html).toContain('Excel 2016 and Excel 2019 cannot run custom functions');
  expect(html).toContain('Nothing leaves your workbook');
  expect(html).toContain('Tidak ada data yang keluar dari buku kerja Anda');
  expect(html).toContain('<code>office.js</code>');
  // the browser page for those whose Excel cannot run the add-in
  expect(html).toContain('href="taskpane.html"');
});

test('deploy/nginx.conf and deploy/web.config for ADDIN_URL; every file type the build ships has a MIME type there', () => {
  const nginx = read('deploy/nginx.conf');
  const iis = read('deploy/web.config');
  expect(nginx).toBe(build.nginxConf(URL_));
  expect(iis).toBe(build.webConfig(URL_));
  expect(nginx).toContain('server_name spbe.kabupaten-contoh.go.id;');
  expect(nginx).toContain('location ^~ /addin/ {');
  parseXml(iis);
  const mapped = new Set(build.MIME_TYPES.map(([ext]) => ext));
  const exts = new Set(files(out).filter((f) => !f.startsWith('deploy/') && !f.endsWith('.LICENSE.txt')).map((f) => path.extname(f)));
  for (const ext of exts) expect({ ext, mapped: mapped.has(ext) }).toEqual({ ext, mapped: true });
  for (const ext of ['.html', '.js', '.json', '.xml', '.png']) expect(exts.has(ext)).toBe(true);
});

test(`every shipped script parses at ES${ES_TARGET}; the page's inline script at ES5`, () => {
  const scripts = files(out).filter((f) => f.endsWith('.js'));
  expect(scripts).toEqual(expect.arrayContaining(['runtime.js', 'functions.js', 'commands.js', 'taskpane.js']));
  expect(scripts.length).toBeGreaterThan(6);
  const failures: string[] = [];
  for (const f of scripts) {
    const code = read(f);
    try {
      acorn.parse(code, { ecmaVersion: ES_TARGET, sourceType: 'script' });
    } catch (e) {
      const pos = (e as { pos?: number }).pos ?? 0;
      failures.push(`${f}: ${(e as Error).message} near ${JSON.stringify(code.slice(Math.max(0, pos - 50), pos + 30))}`);
    }
  }
  expect(failures).toEqual([]);
  // the check can fail: ES2020 syntax is refused at this level
  expect(() => acorn.parse('a?.b ?? c', { ecmaVersion: ES_TARGET, sourceType: 'script' })).toThrow();
  expect(() => acorn.parse('try {} catch {}', { ecmaVersion: ES_TARGET, sourceType: 'script' })).toThrow();
  expect(() => acorn.parse('({...a})', { ecmaVersion: ES_TARGET, sourceType: 'script' })).toThrow();
  // inline scripts of the pages: ES5
  for (const page of ['taskpane.html', 'help.html']) {
    for (const m of read(page).matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) acorn.parse(m[1], { ecmaVersion: 5, sourceType: 'script' });
  }
  expect(read('taskpane.html')).toContain("typeof BigInt === 'function'");
});

test('the same release build without the settings fails at once, naming ADDIN_URL and ADDIN_SUPPORT', () => {
  const failed = webpack(['--mode', 'production', '--env', 'release', '--output-path', path.join(out, 'never')], {});
  expect(failed.status).not.toBe(0);
  const text = `${failed.stdout}\n${failed.stderr}`;
  expect(text).toContain('A release build needs ADDIN_URL');
  expect(text).toContain('ADDIN_SUPPORT');
  expect(fs.existsSync(path.join(out, 'never'))).toBe(false);
}, 120_000);
