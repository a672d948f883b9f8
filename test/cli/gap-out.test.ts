/**
 * Where `spbe gap` writes and what it refuses (issue 10): --out ends in the input's own extension (the
 * package's kind decides, not its name), is not a folder, FIFO or device, not the input by any link, not
 * read-only — usage errors, exit 1, nothing written; --in-place through a symbolic link updates the real
 * workbook and keeps the link; a renamed sheet of ours is replaced and named in the text and the JSON
 * ("replaced"); a workbook whose structure is protected gets no sheet (WORKBOOK_STRUCTURE_LOCKED).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { runGap } from '../../src/cli/gap-command';
import { defaultOutPath } from '../../src/cli/out-file';
import { memoryIo } from '../../src/cli/main';
import { example2020 } from '../../scripts/make-examples';
import { buildWorkbook, NO_FEATURES } from '../xlsx/package-builder';
import { exampleModel } from '../xlsx/package/package-check';
import { WorkbookPackage } from '../../src/xlsx/package';

jest.setTimeout(60_000);

let dir = '';
let plain: Uint8Array;
let macro: Uint8Array;
beforeAll(async () => {
  const { grids } = await exampleModel(example2020());
  plain = buildWorkbook(grids, NO_FEATURES).bytes;
  macro = buildWorkbook(grids, { ...NO_FEATURES, macros: true }).bytes;
});
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-gap-out-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[]) {
  const io = memoryIo();
  const code = await runGap(['--target-predicate', 'Baik', ...argv], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

function put(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, bytes);
  return p;
}

function sheetsOf(file: string): string[] {
  return WorkbookPackage.open(new Uint8Array(fs.readFileSync(file))).sheetNames;
}

describe('--out is checked before anything is written (usage errors, exit 1)', () => {
  test('it must end in the input\'s own extension, decided by the package\'s content type', async () => {
    const xlsx = put('kab.xlsx', plain);
    const r = await run([xlsx, '--out', path.join(dir, 'out.xlsm'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('must end in .xlsx');
    const m = put('kab.xlsm', macro);
    const r2 = await run([m, '--out', path.join(dir, 'out.xlsx')]);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('harus berakhiran .xlsm');
    // a macro-enabled package called .xlsx: the package decides, so the output (and the default) is .xlsm
    const misnamed = put('salah.xlsx', macro);
    const r3 = await run([misnamed, '--out', path.join(dir, 'out.xlsx'), '--lang', 'en']);
    expect(r3.code).toBe(1);
    expect(r3.err).toContain('macro-enabled workbook (.xlsm)');
    const r4 = await run([misnamed, '--json']);
    expect(r4.code).toBe(0);
    expect(JSON.parse(r4.out.trim()).out).toBe(path.join(dir, 'salah-gap.xlsm'));
    for (const f of ['out.xlsx', 'out.xlsm']) expect(fs.existsSync(path.join(dir, f))).toBe(false);
  });

  test('not a folder, a FIFO or a device', async () => {
    const input = put('kab.xlsx', plain);
    const sub = path.join(dir, 'folder.xlsx');
    fs.mkdirSync(sub);
    const targets = [sub, `${path.join(dir, 'x')}${path.sep}`, '/dev/null'];
    const fifo = path.join(dir, 'pipe.xlsx');
    if (spawnSync('mkfifo', [fifo]).status === 0) targets.push(fifo);
    for (const out of targets) {
      const r = await run([input, '--out', out, '--lang', 'en']);
      expect({ out, code: r.code }).toEqual({ out, code: 1 });
      expect(r.err).toContain('is not a file');
    }
    expect(fs.readdirSync(sub)).toEqual([]);
  });

  test('not the input, by any name: a symbolic link or a hard link to it', async () => {
    const input = put('kab.xlsx', plain);
    const before = fs.readFileSync(input);
    const soft = path.join(dir, 'soft.xlsx');
    const hard = path.join(dir, 'hard.xlsx');
    fs.symlinkSync(input, soft);
    fs.linkSync(input, hard);
    for (const out of [soft, hard, path.join(dir, '.', 'kab.xlsx')]) {
      const r = await run([input, '--out', out, '--lang', 'en']);
      expect({ out, code: r.code }).toEqual({ out, code: 1 });
      expect(r.err).toContain('The output file is the input file');
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  test('not read-only (and --in-place does not replace a read-only workbook)', async () => {
    const input = put('kab.xlsx', plain);
    const out = put('locked.xlsx', new Uint8Array([1, 2, 3]));
    fs.chmodSync(out, 0o444);
    const r = await run([input, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('is read-only');
    expect([...fs.readFileSync(out)]).toEqual([1, 2, 3]);
    fs.chmodSync(input, 0o444);
    const r2 = await run([input, '--in-place']);
    expect(r2.code).toBe(1);
    expect(r2.err).toContain('hanya-baca');
    expect(Buffer.from(fs.readFileSync(input)).equals(Buffer.from(plain))).toBe(true);
  });

  test('the default output keeps the package\'s kind', () => {
    expect(defaultOutPath(path.join('a', 'kab.xlsx'), true)).toBe(path.join('a', 'kab-gap.xlsm'));
    expect(defaultOutPath(path.join('a', 'kab.xlsm'), false)).toBe(path.join('a', 'kab-gap.xlsx'));
    expect(defaultOutPath(path.join('a', 'kab.xlsm'))).toBe(path.join('a', 'kab-gap.xlsm'));
  });
});

test('--in-place through a symbolic link updates the real workbook and keeps the link', async () => {
  const realDir = path.join(dir, 'real');
  fs.mkdirSync(realDir);
  const real = path.join(realDir, 'kab.xlsm');
  fs.writeFileSync(real, macro);
  const link = path.join(dir, 'link.xlsm');
  fs.symlinkSync(real, link);
  const r = await run([link, '--in-place', '--json']);
  expect(r.code).toBe(0);
  expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  expect(fs.readlinkSync(link)).toBe(real);
  expect(sheetsOf(real)).toContain('Analisis Gap');
  expect(WorkbookPackage.open(new Uint8Array(fs.readFileSync(real))).macroEnabled).toBe(true);
  expect(fs.readdirSync(dir).sort()).toEqual(['link.xlsm', 'real']);
  expect(fs.readdirSync(realDir)).toEqual(['kab.xlsm']);
});

test('a sheet of ours renamed by the user is replaced, and said so in the text and the JSON ("replaced")', async () => {
  const input = put('kab.xlsx', plain);
  const first = await run([input, '--in-place']);
  expect(first.code).toBe(0);
  // the user renames our sheet
  const files = unzipSync(new Uint8Array(fs.readFileSync(input)));
  files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace(/name="Analisis Gap"/, 'name="Gap Lama"').replace(/'?Analisis Gap'?!\$A\$1/, "'Gap Lama'!$A$1"));
  fs.writeFileSync(input, zipSync(files));
  expect(sheetsOf(input)).toContain('Gap Lama');
  const j = await run([input, '--out', path.join(dir, 'out.xlsx'), '--json']);
  expect(j.code).toBe(0);
  const o = JSON.parse(j.out.trim());
  expect(o.replaced).toBe('Gap Lama');
  expect(o.gapSheet).toBe('Analisis Gap');
  expect(sheetsOf(o.out)).not.toContain('Gap Lama');
  const t = await run([input, '--out', path.join(dir, 'out2.xlsx'), '--lang', 'en']);
  expect(t.out).toContain('The earlier gap-analysis sheet "Gap Lama" was replaced.');
  // a first write replaces nothing
  const fresh = put('fresh.xlsx', plain);
  expect(JSON.parse((await run([fresh, '--json'])).out.trim()).replaced).toBeNull();
});

test('a workbook whose structure is protected gets no sheet: WORKBOOK_STRUCTURE_LOCKED, exit 1, the file untouched', async () => {
  const files = unzipSync(plain);
  files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace(/(<(?:\w+:)?sheets>)/, '<workbookProtection lockStructure="1"/>$1'));
  const bytes = zipSync(files);
  const input = put('kab.xlsx', bytes);
  expect(WorkbookPackage.open(bytes).structureLocked).toBe(true);
  for (const argv of [[input], [input, '--in-place'], [input, '--json', '--lang', 'en']]) {
    const r = await run(argv);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(argv.includes('en') ? /structure is protected/ : /Struktur buku kerja dilindungi/);
    if (argv.includes('--json')) expect(JSON.parse(r.out.trim())).toMatchObject({ code: 'WORKBOOK_STRUCTURE_LOCKED', out: null, gapSheet: null });
  }
  expect(Buffer.from(fs.readFileSync(input)).equals(Buffer.from(bytes))).toBe(true);
  expect(fs.readdirSync(dir)).toEqual(['kab.xlsx']);
});
