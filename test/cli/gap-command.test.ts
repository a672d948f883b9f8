/**
 * `spbe gap`: the command end to end, in-process (runGap with an in-memory Io) on workbooks the tests build.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { runGap, defaultOutPath } from '../../src/cli/gap-command';
import { main, memoryIo } from '../../src/cli/main';
import { buildAssessmentWorkbook, example2020, example2026 } from '../../scripts/make-examples';
import type { AssessmentSpec } from '../../scripts/make-examples';
import { SPBE2020 } from '../../src/core/frameworks';
import { ACEH } from '../core/gap-helpers';
import { unzipSync, strFromU8 } from 'fflate';
import { ALL_FEATURES, buildWorkbook } from '../xlsx/package-builder';
import { exampleModel, packageProblems } from '../xlsx/package/package-check';

let dir = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-gap-cli-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function writeSpec(name: string, spec: AssessmentSpec): Promise<string> {
  const p = path.join(dir, name);
  await buildAssessmentWorkbook(spec).xlsx.writeFile(p);
  return p;
}

function aceh(extra: Partial<AssessmentSpec> = {}): AssessmentSpec {
  return {
    framework: SPBE2020,
    sheetName: 'Rekap',
    titles: ['PEMERINTAH KABUPATEN ACEH TENGAH', 'Penilaian Mandiri SPBE 2025'],
    levels: ACEH,
    ...extra,
  };
}

async function sheetNames(file: string): Promise<string[]> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((w) => w.name);
}

async function run(argv: string[], deps = {}) {
  const io = memoryIo();
  const code = await runGap(argv, io, deps);
  return { code, out: io.stdout(), err: io.stderr() };
}

test('--target 2.6 on Aceh Tengah (2.594): one level step, a copy beside the input, the input untouched', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  const before = fs.readFileSync(input);
  const r = await run([input, '--target', '2.6', '--json']);
  expect(r.code).toBe(0);
  const o = JSON.parse(r.out.trim());
  expect(o).toMatchObject({ framework: 'spbe2020', index: 2.594, indexRounded: 2.59, predicate: 'Cukup', target: 2.6, reachable: true, steps: 1, gapSheet: 'Analisis Gap' });
  expect(o.plan).toEqual([{ no: 4, key: '4', from: 1, to: 2, steps: 1, uplift: 0.013, rank: 1, cycle: 1 }]);
  expect(o).toMatchObject({ maxRaise: 1, cycles: 1, roadmap: [{ cycle: 1, steps: 1, raised: 1, index: 2.607, indexRounded: 2.61, predicate: 'Baik' }] });
  expect(o.out).toBe(path.join(dir, 'aceh-gap.xlsx'));
  expect(fs.readFileSync(input).equals(before)).toBe(true);
  expect(await sheetNames(o.out)).toEqual(['Rekap', 'Analisis Gap']);
  // no temporary files left behind
  expect(fs.readdirSync(dir).sort()).toEqual(['aceh-gap.xlsx', 'aceh.xlsx']);
});

test('through main(): `spbe gap` is dispatched; readable output in English', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  const io = memoryIo();
  const out = path.join(dir, 'hasil.xlsx');
  const code = await main(['gap', input, '--target-predicate', 'Baik', '--out', out, '--lang', 'en'], io);
  expect(code).toBe(0);
  expect(io.stdout()).toContain('Plan, in order of priority (level steps in all: 1):');
  expect(io.stdout()).toContain('indicator 4: 1 · Rintisan → 2 · Terkelola');
  expect(io.stdout()).toContain(`Sheet "Gap Analysis" written to ${out}.`);
  expect(await sheetNames(out)).toEqual(['Rekap', 'Gap Analysis']);
});

test('--target-level and the Target column', async () => {
  const targets: Record<string, number> = { 1: 3, 21: 2, 22: 2 };
  const input = await writeSpec('t.xlsx', aceh({ targets }));
  const r1 = await run([input, '--json']);
  expect(r1.code).toBe(0);
  const o1 = JSON.parse(r1.out);
  expect(o1.targetMode).toBe('column');
  expect(o1.plan.map((p: { no: number }) => p.no).sort((a: number, b: number) => a - b)).toEqual([1, 21, 22]);
  const r2 = await run([input, '--target-level', '2', '--json', '--out', path.join(dir, 'lvl.xlsx')]);
  const o2 = JSON.parse(r2.out);
  expect(o2.targetMode).toBe('level');
  expect(o2.steps).toBe(Object.values(ACEH).filter((v) => v < 2).length);
});

test('an unreachable target says so and why, and still writes the sheet', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  const r = await run([input, '--target', '5.5', '--json', '--lang', 'en']);
  expect(r.code).toBe(0);
  const o = JSON.parse(r.out);
  expect(o.reachable).toBe(false);
  expect(o.reason.code).toBe('TARGET_ABOVE_MAXIMUM');
  expect(o.reason.message).toContain('5.00');
  expect(o.plan).toEqual([]);
});

test('pemdi2026: the plan never raises 5, 6, 7 or 18 (valued by other agencies); a goal only they could reach says so', async () => {
  const input = await writeSpec('pemdi.xlsx', example2026());
  const r = await run([input, '--target-predicate', 'Baik', '--predicate-basis', 'rounded', '--json']);
  expect(r.code).toBe(0);
  const o = JSON.parse(r.out);
  expect(o.reachable).toBe(true);
  // the cheapest plan by the tie rule used to include "indicator 5: 1 → 2"; now only indicators the agency
  // controls, one level per cycle: a roadmap of two cycles (without the cap it was 20, 19 and 1 to 5 at once)
  expect(o.plan.some((s: { no: number }) => [5, 6, 7, 18].includes(s.no))).toBe(false);
  expect(o.cycles).toBe(2);
  expect(o.plan.every((s: { from: number; to: number }) => Math.ceil(s.to) - Math.floor(s.from) === 1)).toBe(true);
  expect(o.roadmap.map((c: { cycle: number }) => c.cycle)).toEqual([1, 2]);
  const text = await run([input, '--target-predicate', 'Baik', '--predicate-basis', 'rounded']);
  expect(text.out).not.toMatch(/indikator (5|6|7|18):/);
  // every indicator the agency controls at 5, the four others still at 1: 4.44; so 4.9 needs the others
  const far = await run([input, '--target', '4.9', '--json', '--lang', 'en', '--out', path.join(dir, 'far.xlsx')]);
  const f = JSON.parse(far.out);
  expect(f.reachable).toBe(false);
  expect(f.reason.code).toBe('TARGET_NEEDS_OTHER_AGENCIES');
  expect(f.reason.message).toContain('indicators 5, 6, 7 and 18');
  expect(f.plan).toEqual([]);
});

test('bad input: exit 2 with the issues, no file written', async () => {
  const levels: Record<string, number | string> = { ...ACEH, 7: 'belum' };
  const input = await writeSpec('bad.xlsx', aceh({ levels }));
  const r = await run([input, '--json']);
  expect(r.code).toBe(2);
  const o = JSON.parse(r.out);
  expect(o.index).toBeNull();
  expect(o.issues.some((i: { severity: string }) => i.severity === 'error')).toBe(true);
  expect(o.out).toBeNull();
  expect(fs.existsSync(defaultOutPath(input))).toBe(false);
  expect(fs.readdirSync(dir)).toEqual(['bad.xlsx']);
});

test('an unreadable file: exit 1, no file written', async () => {
  const input = path.join(dir, 'not.xlsx');
  fs.writeFileSync(input, 'No;Indikator;Tingkat\n1;x;3\n');
  const r = await run([input, '--json']);
  expect(r.code).toBe(1);
  expect(JSON.parse(r.out).error).toBeTruthy();
  expect(fs.readdirSync(dir)).toEqual(['not.xlsx']);
});

test('a failure half-way through writing leaves no output file and no temporary file', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  const out = path.join(dir, 'out.xlsx');
  const failing = async (temp: string, bytes: Uint8Array) => {
    fs.writeFileSync(temp, bytes.subarray(0, Math.floor(bytes.length / 2)));
    throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
  };
  const r = await run([input, '--target', '2.6', '--out', out], { writeTemp: failing });
  expect(r.code).toBe(1);
  expect(r.err).toContain('ENOSPC');
  expect(r.err).toContain('Tidak ada berkas yang ditulis');
  expect(fs.readdirSync(dir)).toEqual(['aceh.xlsx']);
});

test('a failed write over an existing output leaves the old file as it was', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  const out = path.join(dir, 'out.xlsx');
  fs.writeFileSync(out, 'old content');
  const r = await run([input, '--out', out], { writeTemp: async () => { throw new Error('disk full'); } });
  expect(r.code).toBe(1);
  expect(fs.readFileSync(out, 'utf8')).toBe('old content');
  // with --json the failure is a JSON line on stdout too
  const j = await run([input, '--out', out, '--json'], { writeTemp: async () => { throw new Error('disk full'); } });
  expect(j.code).toBe(1);
  const line = JSON.parse(j.out.trim());
  expect(line).toMatchObject({ file: input, out: null, gapSheet: null });
  expect(line.error).toContain('disk full');
});

test('--in-place replaces the input atomically; its sheets survive; a second run replaces the gap sheet', async () => {
  const input = await writeSpec('contoh.xlsx', example2020());
  const r = await run([input, '--in-place', '--target-predicate', 'Baik']);
  expect(r.code).toBe(0);
  expect(await sheetNames(input)).toEqual(['Petunjuk', 'Penilaian Mandiri', 'Rekap', 'Analisis Gap']);
  const r2 = await run([input, '--in-place', '--target-level', '3']);
  expect(r2.code).toBe(0);
  expect(r2.out).toContain('Lembar analisis gap sebelumnya, "Analisis Gap", diganti.');
  expect(await sheetNames(input)).toEqual(['Petunjuk', 'Penilaian Mandiri', 'Rekap', 'Analisis Gap']);
  expect(fs.readdirSync(dir)).toEqual(['contoh.xlsx']);
});

test('usage errors: exit 1, nothing written', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  for (const argv of [
    [input, '--target', '2.6', '--target-level', '3'],
    [input, '--target', 'abc'],
    [input, '--target-level', '7'],
    [input, '--target-predicate', 'Luar Biasa'],
    [input, '--out', input],
    [input, '--in-place', '--out', path.join(dir, 'x.xlsx')],
    [],
    [input, input],
    [input, '--bogus'],
  ]) {
    const r = await run(argv);
    expect({ argv, code: r.code }).toEqual({ argv, code: 1 });
    expect(r.err).toContain('spbe:');
  }
  expect(fs.readdirSync(dir)).toEqual(['aceh.xlsx']);
});

test('--help prints the usage in the chosen language', async () => {
  const r = await run(['--help', '--lang', 'en']);
  expect(r.code).toBe(0);
  expect(r.out).toContain('Usage: spbe gap FILE');
});

test('`spbe index` on a workbook `spbe gap` wrote: the same figures from the assessment sheet, never from the gap sheet', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  const before = memoryIo();
  expect(await main(['index', '--json', input], before)).toBe(0);
  const out = path.join(dir, 'aceh-gap.xlsx');
  expect((await run([input, '--target', '2.6', '--out', out])).code).toBe(0);

  const after = memoryIo();
  expect(await main(['index', '--json', out], after)).toBe(0);
  const a = JSON.parse(before.stdout().trim());
  const b = JSON.parse(after.stdout().trim());
  expect(b.sheet).toBe('Rekap');
  expect({ ...b, file: a.file }).toEqual(a);

  // The user renamed the gap sheet and moved it first (Excel keeps the marker name on it): still left out.
  const wb = new Workbook();
  await wb.xlsx.readFile(out);
  const gapSheet = wb.getWorksheet('Analisis Gap')!;
  gapSheet.name = 'Rencana Aksi';
  (gapSheet as unknown as { orderNo: number }).orderNo = -1;
  (wb.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap = {};
  wb.definedNames.add("'Rencana Aksi'!$A$1", 'SPBE_GAP_MARKER');
  const moved = path.join(dir, 'moved.xlsx');
  await wb.xlsx.writeFile(moved);
  expect(await sheetNames(moved)).toEqual(['Rencana Aksi', 'Rekap']);
  const third = memoryIo();
  expect(await main(['index', '--json', moved], third)).toBe(0);
  expect({ ...JSON.parse(third.stdout().trim()), file: a.file }).toEqual(a);

  // A second `spbe gap` on the output replaces the gap sheet (it reads Rekap, not the old gap sheet).
  const again = await run([moved, '--target', '2.6', '--out', path.join(dir, 'again.xlsx'), '--json']);
  expect(again.code).toBe(0);
  expect(JSON.parse(again.out.trim())).toMatchObject({ sheet: 'Rekap', index: 2.594, gapSheet: 'Analisis Gap' });
  expect(await sheetNames(path.join(dir, 'again.xlsx'))).toEqual(['Analisis Gap', 'Rekap']);
});

test('--out in a folder that does not exist: says so, exit 1, nothing written', async () => {
  const input = await writeSpec('aceh.xlsx', aceh());
  const missing = path.join(dir, 'tidak-ada');
  const r = await run([input, '--out', path.join(missing, 'out.xlsx')]);
  expect(r.code).toBe(1);
  expect(r.err).toContain(`folder ${missing} tidak ada`);
  expect(r.err).not.toContain('.tmp');
  expect(fs.readdirSync(dir)).toEqual(['aceh.xlsx']);
  const en = await run([input, '--lang', 'en', '--out', path.join(missing, 'out.xlsx')]);
  expect(en.err).toContain(`the folder ${missing} does not exist`);
});

test('a macro-enabled workbook with a chart, an external link, protection, validations, custom XML and properties: `spbe gap` writes a -gap.xlsm keeping every part, and --in-place keeps it an .xlsm', async () => {
  const { grids } = await exampleModel(example2020());
  const book = buildWorkbook(grids, ALL_FEATURES);
  const input = path.join(dir, 'kab.xlsm');
  fs.writeFileSync(input, book.bytes);
  const r = await run([input, '--target-predicate', 'Baik', '--json']);
  expect(r.code).toBe(0);
  const o = JSON.parse(r.out.trim());
  expect(o.out).toBe(path.join(dir, 'kab-gap.xlsm'));
  expect(o.gapSheet).toBe('Analisis Gap (2)'); // the user's own "Analisis Gap" is kept
  expect(fs.readFileSync(input).equals(Buffer.from(book.bytes))).toBe(true);
  const before = unzipSync(book.bytes);
  const after = unzipSync(new Uint8Array(fs.readFileSync(o.out)));
  const edited = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet2.xml'];
  for (const [name, bytes] of Object.entries(before)) {
    if (edited.includes(name)) continue;
    expect({ name, same: Buffer.from(after[name] ?? []).equals(Buffer.from(bytes)) }).toEqual({ name, same: true });
  }
  expect(strFromU8(after['[Content_Types].xml'])).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  expect(packageProblems(new Uint8Array(fs.readFileSync(o.out)))).toEqual([]);

  const again = await run([input, '--in-place', '--target-level', '3']);
  expect(again.code).toBe(0);
  const inPlace = unzipSync(new Uint8Array(fs.readFileSync(input)));
  expect(inPlace['xl/vbaProject.bin']).toEqual(before['xl/vbaProject.bin']);
  expect(strFromU8(inPlace['[Content_Types].xml'])).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
});

test('the default output keeps the input\'s kind: .xlsx → -gap.xlsx, .xlsm → -gap.xlsm', () => {
  expect(defaultOutPath(path.join('a', 'kab.xlsx'))).toBe(path.join('a', 'kab-gap.xlsx'));
  expect(defaultOutPath(path.join('a', 'Kab.XLSM'))).toBe(path.join('a', 'Kab-gap.xlsm'));
});

describe('the plan options and the team columns (issues 12 and 10)', () => {
  test('--max-raise, --strategy, --lock: in the JSON; bad values are usage errors (exit 1) in the chosen language', async () => {
    const input = await writeSpec('aceh.xlsx', aceh());
    const r = await run([input, '--target', '2.7', '--max-raise', '5', '--strategy', 'balanced', '--lock', '4,12', '--json']);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out.trim());
    expect(o).toMatchObject({ maxRaise: 5, strategy: 'balanced', locks: ['4', '12'], cycles: 1, teamEntries: 0 });
    for (const item of o.plan) expect(['4', '12']).not.toContain(item.key);
    for (const item of o.plan) expect(item.cycle).toBe(1);
    const d = JSON.parse((await run([input, '--target', '2.7', '--json', '--out', path.join(dir, 'd.xlsx')])).out.trim());
    expect(d).toMatchObject({ maxRaise: 1, strategy: 'fewest', locks: [] });
    for (const [args, en] of [
      [['--max-raise', '0'], 'Invalid --max-raise value: "0"'],
      [['--max-raise', '1.5'], 'Invalid --max-raise value'],
      [['--strategy', 'greedy'], 'Invalid --strategy value: "greedy"'],
      [['--lock', '12,x'], 'Invalid --lock value'],
      [['--lock', '99'], 'Cannot lock "99"'],
    ] as const) {
      const bad = await run([input, ...args, '--lang', 'en']);
      expect(bad.code).toBe(1);
      expect(bad.err).toContain(en);
    }
    const id = await run([input, '--strategy', 'greedy']);
    expect(id.err).toContain('Nilai --strategy tidak berlaku');
  });

  test('text output: the cycles, level names, and the evidence a step relies on', async () => {
    const input = await writeSpec('aceh.xlsx', aceh());
    const r = await run([input, '--target', '2.7', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Evaluation cycles: 1 \(at most 1 level per indicator per cycle; strategy: fewest steps\)/);
    // levels with their names (59/2020: process capability)
    expect(r.out).toMatch(/indicator \d+: 1 · Rintisan → 2 · Terkelola/);
    // a step from level 2 with no evidence in the sheet relies on accepted evidence for level 2
    const lv = await run([input, '--target-level', '3', '--lang', 'en', '--out', path.join(dir, 'lv.xlsx')]);
    expect(lv.out).toMatch(/indicator \d+: 2 · Terkelola → 3 · Terdefinisi \(\+[\d.]+ index points\) — needs accepted evidence for level 2/);
    expect(lv.out).not.toMatch(/1 · Rintisan → 2 · Terkelola[^\n]*needs accepted evidence/);
  });

  test('a rerun keeps what the team typed into the earlier gap sheet, and its targets and locks feed the plan', async () => {
    const input = await writeSpec('aceh.xlsx', aceh());
    const first = path.join(dir, 'first.xlsx');
    expect((await run([input, '--target', '2.6', '--out', first])).code).toBe(0);
    // the team fills in its columns in Excel (here: exceljs)
    const wb = new Workbook();
    await wb.xlsx.readFile(first);
    const ws = wb.getWorksheet('Analisis Gap')!;
    const header = ws.getRow(9);
    const col = (name: string) => {
      let c = -1;
      header.eachCell((cell, n) => {
        if (cell.value === name) c = n;
      });
      if (c < 0) throw new Error(`no column ${name}`);
      return c;
    };
    const rowOf = (no: number) => {
      for (let r = 10; r < 60; r++) if (ws.getCell(r, 1).value === no) return r;
      throw new Error(`no row ${no}`);
    };
    ws.getCell(rowOf(4), col('Penanggung Jawab (OPD/PIC)')).value = 'Diskominfo';
    ws.getCell(rowOf(4), col('Tautan Bukti')).value = 'https://drive.example/4';
    ws.getCell(rowOf(7), col('Tenggat')).value = new Date(Date.UTC(2027, 2, 31));
    ws.getCell(rowOf(10), col('Kunci')).value = 'Ya';
    ws.getCell(rowOf(12), col('Target')).value = 3;
    const edited = path.join(dir, 'edited.xlsx');
    await wb.xlsx.writeFile(edited);

    const again = path.join(dir, 'again.xlsx');
    const r = await run([edited, '--json', '--out', again]);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out.trim());
    // 4 (owner, link), 7 (deadline), 10 (lock), 12 (a raised target), and the planned step carried as a target
    expect(o.teamEntries).toBeGreaterThanOrEqual(4);
    expect(o.targetMode).toBe('column');
    expect(o.locks).toEqual(['10']);
    expect(o.plan.map((p: { key: string }) => p.key)).toContain('12');
    const text = await run([edited, '--out', path.join(dir, 'again2.xlsx')]);
    expect(text.out).toMatch(/\d+ baris isian tim dari lembar gap sebelumnya dibawa/);

    const wb2 = new Workbook();
    await wb2.xlsx.readFile(again);
    const ws2 = wb2.getWorksheet('Analisis Gap')!;
    const row4 = [...Array(60).keys()].find((r) => r > 9 && ws2.getCell(r, 1).value === 4)!;
    const values = (r: number) => (ws2.getRow(r).values as unknown[]).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
    expect(values(row4)).toContain('Diskominfo');
    expect(values(row4)).toContain('https://drive.example/4');
    const row10 = [...Array(60).keys()].find((r) => r > 9 && ws2.getCell(r, 1).value === 10)!;
    expect(values(row10)).toContain('Ya');
  });
});
