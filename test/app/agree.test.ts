/**
 * The command, the pane and the ribbon agree by construction: the same workbooks run through
 * - the command (`spbe gap --json`, which writes a gap workbook),
 * - the pane's engine (on the grids the browser pane reads from the same bytes),
 * - the ribbon's one-click command (on a fake Excel host holding the same grids),
 * and give the same assessment (sheet, framework, exact index, problem codes), the same target (goal and
 * mode) and the same plan (which indicators, from which level to which). Among the workbooks: one with a
 * Target column (the default goal is that column everywhere) and one with a sheet per year (the newest
 * year is assessed everywhere).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Workbook } from 'exceljs';
import type { CellValue, Framework } from '../../src/core/types';
import type { SheetModel } from '../../src/core/sheet-model';
import { SPBE2020, SPBE2018, PEMDI2026 } from '../../src/core/frameworks';
import { readWorkbookGrids } from '../../src/xlsx/read';
import { runGap } from '../../src/cli/gap-command';
import { memoryIo } from '../../src/cli/main';
import { defaultEngine, previewOf } from '../../src/taskpane/engine';
import { DEFAULT_SETTINGS } from '../../src/taskpane/controller';
import { generateGapSheet } from '../../src/commands/commands';
import { FakeHost } from '../taskpane/fake-host';

jest.setTimeout(60_000);

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-agree-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface SheetSpec {
  readonly name: string;
  readonly fw: Framework;
  readonly title: string;
  readonly level: (no: number) => CellValue;
  readonly target?: (no: number) => CellValue;
}

async function workbook(file: string, sheets: ReadonlyArray<SheetSpec>): Promise<string> {
  const wb = new Workbook();
  wb.addWorksheet('Petunjuk').addRow(['Isi kolom Tingkat dengan 1–5.']);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(['PEMERINTAH KABUPATEN CONTOH']);
    ws.addRow([s.title]);
    ws.addRow(s.target ? ['No', 'Indikator', 'Tingkat', 'Target'] : ['No', 'Indikator', 'Tingkat']);
    for (const ind of s.fw.indicators) {
      const row: CellValue[] = [ind.no, ind.name, s.level(ind.no)];
      if (s.target) row.push(s.target(ind.no));
      ws.addRow(row.map((v) => (v === null || typeof v !== 'object' ? v : null)));
    }
  }
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

/** The values of one column of the gap sheet's indicator table, by indicator key. */
function tableColumn(model: SheetModel, header: string): Map<string, unknown> {
  const head = model.tables[0].range.top;
  const col = model.tables[0].columns.indexOf(header);
  const keys = new Map<number, string>();
  for (const c of model.cells) if (c.col === 0 && c.row > head && c.row <= model.tables[0].range.bottom) keys.set(c.row, String(c.value));
  const out = new Map<string, unknown>();
  for (const c of model.cells) if (c.col === col && keys.has(c.row)) out.set(keys.get(c.row) as string, c.value);
  return out;
}

async function throughAllThree(file: string) {
  // the command
  const io = memoryIo();
  // the copy goes to the scratch folder (never beside an example)
  const code = await runGap([file, '--json', '--out', path.join(dir, `${path.basename(file, '.xlsx')}-out.xlsx`)], io, { now: () => new Date(2026, 0, 31) });
  const command = JSON.parse(io.stdout().trim());
  // the pane, on the grids the browser pane reads from the same bytes
  const grids = await readWorkbookGrids(new Uint8Array(fs.readFileSync(file)));
  const pane = defaultEngine.assess(grids, DEFAULT_SETTINGS);
  const preview = previewOf(pane, DEFAULT_SETTINGS);
  const paneModel = pane.scores ? defaultEngine.gapSheet(pane, DEFAULT_SETTINGS, { date: '2026-01-31' }) : null;
  // the ribbon, on a fake Excel holding the same grids
  const host = new FakeHost(grids);
  const ribbon = await generateGapSheet({ host, showTaskpane: async () => undefined, date: '2026-01-31' });
  return { code, command, pane, preview, paneModel, ribbon, ribbonModel: host.written[0] ?? null };
}

const cases: Array<[string, () => Promise<string>]> = [
  [
    'a Target column: the default goal is that column in all three',
    () =>
      workbook('targets.xlsx', [
        { name: 'Penilaian', fw: SPBE2020, title: 'PENILAIAN MANDIRI SPBE 2025', level: (n) => (n % 3) + 1, target: (n) => (n % 5 === 0 ? 4 : n % 7 === 0 ? 3 : null) },
      ]),
  ],
  [
    'a sheet per year, newest last: 2024 is assessed in all three',
    () =>
      workbook('years.xlsx', [
        { name: 'Penilaian 2023', fw: SPBE2020, title: 'PENILAIAN MANDIRI SPBE 2023', level: () => 2 },
        { name: 'Penilaian 2024', fw: SPBE2020, title: 'PENILAIAN MANDIRI SPBE 2024', level: (n) => (n % 2) + 2 },
      ]),
  ],
  [
    'a sheet per year, newest first: still 2024',
    () =>
      workbook('years-reversed.xlsx', [
        { name: 'Penilaian 2024', fw: SPBE2020, title: 'PENILAIAN MANDIRI SPBE 2024', level: (n) => (n % 2) + 2 },
        { name: 'Penilaian 2023', fw: SPBE2020, title: 'PENILAIAN MANDIRI SPBE 2023', level: () => 2 },
      ]),
  ],
  [
    'years only in the titles above the tables',
    () =>
      workbook('title-years.xlsx', [
        { name: 'Lama', fw: SPBE2018, title: 'LEMBAR KERJA EVALUASI SPBE TAHUN 2019', level: () => 2 },
        { name: 'Baru', fw: PEMDI2026, title: 'HASIL EVALUASI PEMERINTAH DIGITAL TAHUN 2026 (PermenPANRB 8/2026)', level: (n) => (n % 4) + 1 },
      ]),
  ],
];

for (const example of ['spbe2018-contoh.xlsx', 'spbe2020-contoh.xlsx', 'pemdi2026-contoh.xlsx']) {
  cases.push([`example ${example}`, async () => path.join(__dirname, '..', '..', 'examples', example)]);
}

describe.each(cases)('%s', (_name, make) => {
  let r: Awaited<ReturnType<typeof throughAllThree>>;
  beforeAll(async () => {
    r = await throughAllThree(await make());
  });

  test('the same assessment: sheet, framework, exact index, problems', () => {
    expect(r.code).toBe(0);
    expect(r.command.sheet).toBe(r.pane.table?.sheet);
    expect(r.command.framework).toBe(r.pane.framework?.id);
    expect(r.command.index).toBe(r.pane.scores?.index);
    expect(r.command.issues.map((i: { code: string }) => i.code)).toEqual(r.pane.problems.map((p) => p.code));
    expect(r.ribbon.kind).toBe('written');
  });

  test('the same target and the same plan', () => {
    expect(r.paneModel).not.toBeNull();
    expect(r.ribbonModel).not.toBeNull();
    // the ribbon's sheet is the pane's, cell for cell (same assessment, same default goal, same date)
    expect(r.ribbonModel).toEqual(r.paneModel);
    // the command's goal and plan are the ones in that sheet
    const goal = (r.ribbonModel as SheetModel).cells.find((c) => c.row === 4 && c.col === 2)?.value;
    expect(goal).toBeCloseTo(r.command.target, 9);
    const targets = tableColumn(r.ribbonModel as SheetModel, 'Target');
    const current = tableColumn(r.ribbonModel as SheetModel, 'Tingkat Saat Ini');
    const raised = [...targets].filter(([k, t]) => t !== current.get(k)).map(([k, t]) => [k, current.get(k), t]);
    // the command lists one item per indicator and cycle (a roadmap may raise one over several cycles): the sheet
    // holds each indicator's final target, from its level now
    const planned = new Map<string, [string, number, number]>();
    for (const s of r.command.plan as Array<{ key: string; from: number; to: number }>) {
      const seen = planned.get(s.key);
      planned.set(s.key, [s.key, seen ? seen[1] : s.from, s.to]);
    }
    expect(raised.sort()).toEqual([...planned.values()].sort());
    // and the pane's preview lists the same indicators, in the same order (each once, at its first cycle)
    if (r.preview.status === 'plan') expect(r.preview.steps.map((s) => s.key)).toEqual([...new Set(r.command.plan.map((s: { key: string }) => s.key))]);
    else expect(r.command.plan).toEqual([]);
  });
});

test('the default goal follows the Target column and the newest year, as said', async () => {
  const targets = await throughAllThree(await workbook('t2.xlsx', [{ name: 'P', fw: SPBE2020, title: 'SPBE 2025', level: () => 2, target: (n) => (n === 1 ? 4 : null) }]));
  expect(targets.command.targetMode).toBe('column');
  expect([...new Set(targets.command.plan.map((s: { key: string }) => s.key))]).toEqual(['1']);
  const years = await throughAllThree(
    await workbook('y2.xlsx', [
      { name: 'Penilaian 2024', fw: SPBE2020, title: 'SPBE', level: () => 3 },
      { name: 'Penilaian 2023', fw: SPBE2020, title: 'SPBE', level: () => 2 },
    ]),
  );
  expect(years.command.sheet).toBe('Penilaian 2024');
  expect(years.pane.candidates?.map((c) => [c.sheet, c.year, c.used])).toEqual([
    ['Penilaian 2024', 2024, true],
    ['Penilaian 2023', 2023, false],
  ]);
  const note = years.pane.problems.find((p) => p.code === 'OTHER_TABLES');
  expect(note?.severity).toBe('info');
  expect(note?.message.id).toContain('Penilaian 2023');
  // each context in its own words: the command names its option, the pane its setting
  expect(years.command.issues.find((i: { code: string }) => i.code === 'OTHER_TABLES').message).toContain('--sheet');
  expect(note?.message.id).not.toContain('--');
  expect(note?.message.id).toContain('Pengaturan');
});
