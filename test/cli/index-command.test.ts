/**
 * `spbe index` run in-process through main(argv, io) on workbooks this test writes to a temp folder:
 * the JSON lines, the readable summary, exit codes 0/1/2, unreadable files, bad usage, order of many files,
 * and never a stack trace.
 */
import { Workbook } from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { main } from '../../src/cli/main';
import { memoryIo } from '../../src/cli/output';
import { parseCommandArgs } from '../../src/cli/args';
import { forEachOrdered } from '../../src/cli/index-command';
import { SPBE2020, SPBE2018 } from '../../src/core/frameworks';
import type { Framework } from '../../src/core/types';
import { assessmentSheetWorkbook, boundary } from './cli-fixtures';

const STACK = /\n\s+at .+[:(]\d+:\d+\)?/;

let dir: string;
const file = (name: string): string => path.join(dir, name);

/** A plain assessment sheet (see cli-fixtures.ts) written to the test folder. */
async function writeSheet(name: string, fw: Framework, level: (no: number) => number | string | null, extra: Array<[string, number | string]> = [], extraRows = 0): Promise<string> {
  const p = file(name);
  await assessmentSheetWorkbook(fw, level, extra, extraRows).xlsx.writeFile(p);
  return p;
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string; json: Array<Record<string, unknown>> }> {
  const io = memoryIo();
  const code = await main(argv, io);
  const out = io.stdout();
  const json = out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, out, err: io.stderr(), json };
}

let good: string;
let bad: string;
let edge: string;
let denpasar: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-cli-'));
  good = await writeSheet('good.xlsx', SPBE2020, (no) => (no <= 10 ? 4 : 2));
  bad = await writeSheet('bad.xlsx', SPBE2020, (no) => (no === 7 ? 'belum' : 3));
  edge = await writeSheet('edge.xlsx', SPBE2020, boundary);
  denpasar = await writeSheet('kota-2018.xlsx', SPBE2018, () => 3, [
    ['35-2', 1],
    ['35-3', 5],
  ]);
  fs.writeFileSync(file('random.xlsx'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251)));
  fs.writeFileSync(file('empty.xlsx'), Buffer.alloc(0));
  const g = fs.readFileSync(good);
  fs.writeFileSync(file('truncated.xlsx'), g.subarray(0, Math.floor(g.length * 0.6)));
  fs.writeFileSync(file('data.csv'), 'No,Indikator,Tingkat\n1,Kebijakan Internal Arsitektur SPBE,3\n');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('spbe index --json', () => {
  test('a complete workbook: one JSON line with the contract fields, exit 0', async () => {
    const r = await run('index', '--json', good);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.json).toHaveLength(1);
    const o = r.json[0];
    expect(Object.keys(o)).toEqual(['file', 'sheet', 'framework', 'column', 'index', 'indexRounded', 'predicate', 'domains', 'aspects', 'indicators', 'issues']);
    expect(o.file).toBe(good);
    expect(o.sheet).toBe('Penilaian Mandiri');
    expect(o.framework).toBe('spbe2020');
    expect(o.column).toBe('Tingkat');
    expect(o.index).toBeCloseTo(2.26, 12);
    expect(o.indexRounded).toBe(2.26);
    expect(o.predicate).toBe('Cukup');
    expect((o.domains as Array<{ indexRounded: number }>).map((d) => d.indexRounded)).toEqual([4, 2, 2, 2]);
    expect(o.aspects as unknown[]).toHaveLength(8);
    const inds = o.indicators as Array<{ no: unknown; level: unknown; weight: unknown; cell: unknown }>;
    expect(inds).toHaveLength(47);
    expect(inds[0]).toEqual({ no: 1, level: 4, weight: 1.3, cell: 'D4' });
    expect(inds[46]).toEqual({ no: 47, level: 2, weight: 3, cell: 'D50' });
  });

  test('a workbook with an error: index null, the problem with its cell and indicator, exit 2', async () => {
    const r = await run('index', '--json', bad);
    expect(r.code).toBe(2);
    const o = r.json[0];
    expect(o.index).toBeNull();
    expect(o.indexRounded).toBeNull();
    expect(o.predicate).toBeNull();
    const issues = o.issues as Array<{ severity: string; code: string; message: string; cell: string | null; indicator: string | null }>;
    const e = issues.find((i) => i.severity === 'error');
    expect(e).toBeDefined();
    expect(e!.cell).toBe('D10');
    expect(e!.indicator).toBe('7');
    expect(typeof e!.code).toBe('string');
    expect(e!.message.length).toBeGreaterThan(10);
  });

  test('messages follow --lang (Indonesian by default)', async () => {
    const id = (await run('index', '--json', bad)).json[0].issues as Array<{ severity: string; message: string }>;
    const en = (await run('index', '--json', '--lang', 'en', bad)).json[0].issues as Array<{ severity: string; message: string }>;
    expect(id.map((i) => i.severity)).toEqual(en.map((i) => i.severity));
    expect(id.find((i) => i.severity === 'error')!.message).not.toBe(en.find((i) => i.severity === 'error')!.message);
  });

  test('spbe2018 with indicator 35 for three public services', async () => {
    const r = await run('index', '--json', denpasar);
    expect(r.code).toBe(0);
    const o = r.json[0];
    expect(o.framework).toBe('spbe2018');
    const nos = (o.indicators as Array<{ no: unknown }>).map((i) => i.no);
    expect(nos.filter((n) => n === 35 || n === '35-2' || n === '35-3')).toEqual([35, '35-2', '35-3']);
    expect(o.index).toBe(3);
  });

  test('--predicate-basis decides a boundary: exact 1.7975 is Kurang, rounded 1.80 is Cukup', async () => {
    const exact = (await run('index', '--json', edge)).json[0];
    expect(exact.index).toBeCloseTo(1.7975, 12);
    expect(exact.indexRounded).toBe(1.8);
    expect(exact.predicate).toBe('Kurang');
    const rounded = (await run('index', '--json', '--predicate-basis', 'rounded', edge)).json[0];
    expect(rounded.predicate).toBe('Cukup');
    const eq = (await run('index', '--json', '--predicate-basis=rounded', edge)).json[0];
    expect(eq.predicate).toBe('Cukup');
  });

  test('--framework overrides detection; a regulation number is accepted', async () => {
    const r = await run('index', '--json', '--framework', '59/2020', good);
    expect(r.code).toBe(0);
    expect(r.json[0].framework).toBe('spbe2020');
  });

  test.each([
    ['random.xlsx', /xlsx/i],
    ['empty.xlsx', /kosong/i],
    ['truncated.xlsx', /rusak|tidak lengkap/i],
    ['data.csv', /CSV/],
    ['missing.xlsx', /tidak ditemukan/i],
  ])('an unreadable file (%s) gives { file, error } and exit 1', async (name, message) => {
    const r = await run('index', '--json', file(name));
    expect(r.code).toBe(1);
    expect(r.json).toEqual([{ file: file(name), error: expect.stringMatching(message) }]);
    expect(r.err).not.toMatch(STACK);
    expect(r.out).not.toMatch(STACK);
  });

  test('the exit code is the highest of all files: unreadable (1) + errors (2) gives 2; good + unreadable gives 1', async () => {
    expect((await run('index', '--json', good, file('empty.xlsx'), bad)).code).toBe(2);
    expect((await run('index', '--json', good, file('empty.xlsx'))).code).toBe(1);
    expect((await run('index', '--json', good, denpasar)).code).toBe(0);
  });

  test('many files: one line per file, in argument order', async () => {
    const big = await writeSheet('big.xlsx', SPBE2020, () => 3, [], 3000); // slower to read than the others
    const names = [big, file('empty.xlsx'), good, bad, file('missing.xlsx'), denpasar, edge, file('data.csv'), good, file('truncated.xlsx'), big, good];
    const r = await run('index', '--json', ...names);
    expect(r.json.map((o) => o.file)).toEqual(names);
    expect(r.json.map((o) => ('error' in o ? 'unreadable' : o.index === null ? 'errors' : 'ok'))).toEqual([
      'ok',
      'unreadable',
      'ok',
      'errors',
      'unreadable',
      'ok',
      'ok',
      'unreadable',
      'ok',
      'unreadable',
      'ok',
      'ok',
    ]);
    expect(r.code).toBe(2);
  });

  test('files named after the options, and after --', async () => {
    const r = await run('index', good, '--json');
    expect(r.json).toHaveLength(1);
    const r2 = await run('index', '--json', '--', good);
    expect(r2.json[0].file).toBe(good);
  });
});

describe('many files on worker threads (the built command, lib/)', () => {
  const root = path.join(__dirname, '..', '..');
  const built = fs.existsSync(path.join(root, 'lib', 'cli', 'index-worker.js'));
  if (!built && process.env.CI !== 'true') console.warn('skipping the worker-thread test: the command is not built (npm run build:cli)');
  (built || process.env.CI === 'true' ? test : test.skip)('same output, same order and same exit code as on one thread', () => {
    const names: string[] = [];
    for (let k = 0; k < 5; k++) names.push(good, bad, file(k % 2 ? 'empty.xlsx' : 'missing.xlsx'));
    names.push(denpasar, edge, file('data.csv'));
    const runBin = (jobs: string, extra: string[] = []) =>
      spawnSync(process.execPath, [path.join(root, 'bin', 'spbe.js'), 'index', ...extra, ...names], { encoding: 'utf8', env: { ...process.env, SPBE_JOBS: jobs } });
    const one = runBin('1', ['--json']);
    const two = runBin('2', ['--json']);
    expect(two.status).toBe(2);
    expect(one.status).toBe(2);
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe(one.stdout);
    const files = two.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { file: string }).file);
    expect(files).toEqual(names);
    const text2 = runBin('2', ['--lang', 'en']);
    expect(text2.stdout).toContain('18 files: 7 computed, 5 with errors, 6 could not be opened.');
    expect(text2.stdout.indexOf(denpasar)).toBeLessThan(text2.stdout.indexOf(edge));
  }, 60000);
});

describe('spbe index (readable summary)', () => {
  test('shows sheet, framework with regulation, level column, index exact and rounded, predicate, domains and aspects', async () => {
    const r = await run('index', good);
    expect(r.code).toBe(0);
    expect(r.out).toContain(good);
    expect(r.out).toContain('Penilaian Mandiri');
    expect(r.out).toContain('spbe2020');
    expect(r.out).toContain('Indeks SPBE (PermenPANRB 59/2020) — spbe2020, terdeteksi');
    expect(r.out).toMatch(/nilai penuh 2,26\)/);
    expect(r.out).toContain('D "Tingkat"');
    expect(r.out).toMatch(/Indeks:\s+2,26/);
    expect(r.out).toMatch(/Predikat:\s+Cukup/);
    expect(r.out).toContain('Kebijakan Internal SPBE');
    expect(r.out).toContain('Layanan Publik Berbasis Elektronik');
  });

  test('in English with --lang en, with decimal points', async () => {
    const r = await run('index', '--lang', 'en', good);
    expect(r.out).toMatch(/Index:\s+2\.26/);
    expect(r.out).toMatch(/Predicate:\s+Cukup/);
  });

  test('problems are listed with cell and message; the index is not shown', async () => {
    const r = await run('index', bad);
    expect(r.code).toBe(2);
    expect(r.out).toContain("'Penilaian Mandiri'!D10");
    expect(r.out).toMatch(/GALAT: /);
    // no raw codes in the readable output (they are in --json)
    expect(r.out).not.toMatch(/\b[A-Z]+_[A-Z_]+\b/);
    expect(r.out).toMatch(/tidak dihitung/);
  });

  test('several files end with a count', async () => {
    const r = await run('index', good, bad, file('empty.xlsx'));
    expect(r.out).toContain('3 berkas: 1 terhitung, 1 dengan galat, 1 tidak dapat dibuka.');
    expect(r.out).toMatch(/kosong/);
  });
});

describe('usage', () => {
  test('--help, index --help and --version print and exit 0', async () => {
    const h = await run('--help');
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/spbe <perintah>/);
    const hi = await run('index', '--help');
    expect(hi.code).toBe(0);
    expect(hi.out).toMatch(/--predicate-basis/);
    expect(hi.out).toMatch(/spbe2018/);
    const en = await run('index', '--help', '--lang', 'en');
    expect(en.out).toMatch(/Usage: spbe index/);
    const v = await run('--version');
    expect(v.code).toBe(0);
    expect(v.out).toMatch(/^spbe \d+\.\d+\.\d+/);
  });

  test.each([
    [['index', '--bogus', 'x.xlsx'], /--bogus/],
    [['index', '--predicate-basis', 'banker', 'x.xlsx'], /banker/],
    [['index', '--lang', 'fr', 'x.xlsx'], /fr/],
    [['index', '--framework', 'spbe1999', 'x.xlsx'], /spbe1999/],
    [['index', '--sheet'], /--sheet/],
    [['index', '--json=yes', 'x.xlsx'], /--json/],
    [['index'], /berkas/i],
    [['indeks', 'x.xlsx'], /indeks/],
    [['--nope'], /--nope/],
    [[], /spbe <perintah>/],
  ])('bad usage %j: a message on stderr, exit 1, no stack trace', async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(STACK);
    expect(r.json).toEqual([]);
  });

  test('a usage error follows --lang', async () => {
    const r = await run('index', '--lang', 'en', '--bogus');
    expect(r.err).toMatch(/Unknown option: --bogus/);
  });
});

describe('shared option parser', () => {
  test('common options plus a subcommand’s own', () => {
    const p = parseCommandArgs(['a.xlsx', '--target', '2.6', '--json', '--framework', 'pemdi2026', '--out=b.xlsx'], [{ name: 'target', value: true }, { name: 'out', value: true }]);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.positional).toEqual(['a.xlsx']);
    expect(p.options.target).toBe('2.6');
    expect(p.options.out).toBe('b.xlsx');
    expect(p.common).toMatchObject({ json: true, framework: 'pemdi2026', basis: 'exact', lang: 'id', help: false });
  });
});

describe('forEachOrdered', () => {
  test('keeps item order whatever order the work finishes in, with a bounded number in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const seen: number[] = [];
    await forEachOrdered(
      [50, 5, 30, 1, 20, 2, 10],
      3,
      async (ms) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, ms));
        inFlight--;
        return ms;
      },
      (ms) => seen.push(ms),
    );
    expect(seen).toEqual([50, 5, 30, 1, 20, 2, 10]);
    expect(most).toBeLessThanOrEqual(3);
  });
});

describe('a workbook with a sheet per year', () => {
  async function twoYears(name: string, order: Array<[string, number]>): Promise<string> {
    const wb = new Workbook();
    for (const [sheet, level] of order) {
      const ws = wb.addWorksheet(sheet);
      ws.getRow(1).values = [null, 'No', 'Indikator', 'Tingkat'] as never;
      SPBE2020.indicators.forEach((ind, i) => (ws.getRow(2 + i).values = [null, ind.no, ind.name, level] as never));
    }
    const p = file(name);
    await wb.xlsx.writeFile(p);
    return p;
  }

  test('the newest year is assessed by default, in either order; --sheet still chooses; the note names the other sheet', async () => {
    const a = await twoYears('a.xlsx', [['Penilaian 2023', 2], ['Penilaian 2024', 3]]);
    const b = await twoYears('b.xlsx', [['Penilaian 2024', 3], ['Penilaian 2023', 2]]);
    const r = await run('index', '--json', a, b);
    expect(r.code).toBe(0);
    for (const j of r.json) {
      expect(j).toMatchObject({ sheet: 'Penilaian 2024', index: 3 });
      expect(j.issues).toEqual([expect.objectContaining({ severity: 'info', code: 'OTHER_TABLES', cell: null })]);
      expect((j.issues as Array<{ message: string }>)[0].message).toContain('Penilaian 2023');
    }
    const chosen = await run('index', '--json', '--sheet', 'Penilaian 2023', a);
    expect(chosen.json[0]).toMatchObject({ sheet: 'Penilaian 2023', index: 2 });
  });

  test('the summary: no problems, and the note apart, naming the option that chooses another sheet', async () => {
    const a = await twoYears('c.xlsx', [['Penilaian 2023', 2], ['Penilaian 2024', 3]]);
    const r = await run('index', '--lang', 'en', a);
    expect(r.code).toBe(0);
    expect(r.out).toContain('No problems.');
    expect(r.out).toMatch(/Notes:\n\s+NOTE: Sheet\(s\) Penilaian 2023 also hold an assessment table; the one on sheet Penilaian 2024 was used, the newest assessment \(year 2024\)\. To use another, choose its sheet \(spbe option --sheet\)\./);
    expect(r.out).not.toContain('warning');
  });
});
