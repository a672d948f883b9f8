import { buildGapSheet, chooseSheetName, sanitizeSheetName, findAgency, GAP_SHEET_MARKER } from '../../src/core/gap-sheet';
import { cellRef } from '../../src/core/address';
import { planGap, isPlanUsageError } from '../../src/core/planner';
import type { GapPlan, TargetRequest } from '../../src/core/planner';
import { SPBE2020, PEMDI2026 } from '../../src/core/frameworks';
import type { AssessmentEntry, Framework, Problem } from '../../src/core/types';
import type { ModelCell, SheetModel } from '../../src/core/sheet-model';
import { ACEH, assessmentOf, entriesOf } from './gap-helpers';

function planOf(fw: Framework, entries: AssessmentEntry[], req: TargetRequest): GapPlan {
  const p = planGap(fw, entries, req);
  if (isPlanUsageError(p)) throw new Error(p.message.en);
  return p;
}

function findText(model: SheetModel, text: string): ModelCell | undefined {
  return model.cells.find((c) => c.value === text);
}

const ALLOWED = new Set(['ROUND', 'SUMPRODUCT', 'IF', 'MAX', 'MIN', 'CHOOSE', 'ROUNDUP', 'INT', 'ROW', 'INDEX', 'MATCH', 'IFERROR']);

describe('the gap sheet model (Aceh Tengah, target 2.6)', () => {
  const entries = entriesOf(ACEH);
  const a = assessmentOf(SPBE2020, entries);
  const plan = planOf(SPBE2020, entries, { mode: 'index', value: { num: BigInt(26), den: BigInt(10) } });
  const model = buildGapSheet(a, plan, { lang: 'id', date: '2026-11-27', sourceFile: 'aceh.xlsx' });

  test('Indonesian by default: name, marker, header words, agency', () => {
    expect(model.name).toBe('Analisis Gap');
    expect(model.marker).toBe(GAP_SHEET_MARKER);
    expect(findText(model, 'Instansi')).toBeDefined();
    expect(findText(model, 'PEMERINTAH KABUPATEN ACEH TENGAH')).toBeDefined();
    expect(findText(model, 'Tingkat Saat Ini')).toBeDefined();
    expect(model.cells.some((c) => typeof c.value === 'string' && c.value.includes('Tanggal 2026-11-27') && c.value.includes('aceh.xlsx'))).toBe(true);
    expect(model.tables).toHaveLength(1);
    const t = model.tables[0];
    expect(new Set(t.columns).size).toBe(t.columns.length);
    expect(t.range.bottom - t.range.top).toBe(47);
  });

  test('the current index and predicate are formulas with their values', () => {
    const label = findText(model, 'Indeks saat ini')!;
    const value = model.cells.find((c) => c.row === label.row && c.col === 2)!;
    expect(value.formula).toMatch(/^ROUND\(SUMPRODUCT\(/);
    expect(value.value).toBe(2.594);
    const pred = model.cells.find((c) => c.row === label.row && c.col === 3)!;
    expect(pred.value).toBe('Cukup');
    expect(pred.formula).toContain('IF(');
    const planned = model.cells.find((c) => c.row === findText(model, 'Indeks bila semua target tercapai')!.row && c.col === 2)!;
    expect(planned.value).toBe(2.607);
    // the shortfall after the targets: the goal minus the index with the targets, at least 0 (green at 0)
    const short = model.cells.find((c) => c.row === findText(model, 'Kekurangan setelah target')!.row && c.col === 2)!;
    expect(short.value).toBe(0);
    expect(short.formula).toBe('ROUND(MAX(0,$C$5-$C$6),9)');
    expect(model.conditionalFormats.some((cf) => cf.range.top === short.row && cf.range.left === 2 && cf.rules.some((r) => r.type === 'cellIs' && r.operator === 'equal' && r.style === 'cfDone'))).toBe(true);
  });

  test('every formula uses only standard functions, without a leading "="', () => {
    const formulas = model.cells.filter((c) => c.formula !== undefined).map((c) => c.formula as string);
    expect(formulas.length).toBeGreaterThan(200);
    for (const f of formulas) {
      expect(f.startsWith('=')).toBe(false);
      const stripped = f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, '');
      for (const m of stripped.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) expect(ALLOWED.has(m[1])).toBe(true);
    }
  });

  test('levels that are plain numbers link to their source cell; the target is an input', () => {
    const row = model.cells.find((c) => c.value === 4 && c.col === 0 && c.row > 8)!; // indicator 4
    const cur = model.cells.filter((c) => c.row === row.row && c.formula === "'Penilaian Mandiri'!G10");
    expect(cur).toHaveLength(1);
    expect(cur[0].value).toBe(1);
    const target = model.cells.find((c) => c.row === row.row && c.style === 'inputWhole')!;
    expect(target.value).toBe(2); // the one planned step
    expect(target.formula).toBeUndefined();
    // the levels' words follow the cells (a formula): the process scale of 59/2020
    const words = model.cells.find((c) => c.row === row.row && typeof c.formula === 'string' && c.formula.startsWith('CHOOSE('))!;
    expect(words.value).toBe('Rintisan → Terkelola');
    expect(words.formula).toContain('"Rintisan","Terkelola","Terdefinisi"');
    const v = model.validations.find((x) => x.range.left === target.col)!;
    expect(v).toMatchObject({ type: 'whole', min: 1, max: 5 });
  });

  test('priority 1 is the planned step; the top block finds it by INDEX/MATCH', () => {
    const ranks = model.cells.filter((c) => c.formula?.startsWith('IF(') && c.formula.includes('SUMPRODUCT(--(') );
    expect(ranks.filter((c) => c.value === 1)).toHaveLength(1);
    expect(ranks.filter((c) => c.value === '')).toHaveLength(46);
    const top = model.cells.filter((c) => c.formula?.startsWith('IFERROR(INDEX('));
    expect(top.some((c) => c.value === 'Tingkat Kematangan Kebijakan Internal Pembangunan Aplikasi SPBE')).toBe(true);
  });

  test('conditional formats, freeze panes, charts, page setup (for both renderers)', () => {
    expect(model.conditionalFormats.length).toBeGreaterThan(4);
    // only the table header (row 9, with the compact header block above it) and columns A:B
    expect(model.freeze).toEqual({ rows: 9, cols: 2 });
    // the levels coloured by level (1, 3, 5), not relative to the sheet
    const scales = model.conditionalFormats.flatMap((cf) => cf.rules).filter((r) => r.type === 'colorScale');
    expect(scales).toHaveLength(2);
    for (const r of scales) expect(r).toMatchObject({ values: [1, 3, 5] });
    // both charts in J:N, the bar below the radar
    for (const c of model.charts) expect([c.anchor.left, c.anchor.right]).toEqual([9, 13]);
    expect(model.charts[1].anchor.top).toBeGreaterThan(model.charts[0].anchor.bottom);
    // a radar of the aspects now vs with the targets (levels 0–5), a bar chart of the largest gaps
    expect(model.charts.map((c) => c.type)).toEqual(['radar', 'bar']);
    expect(model.charts[0].valueAxis).toEqual({ min: 0, max: 5, majorUnit: 1, numberFormat: '0' });
    // A4 landscape, one page wide, the table header repeated, a footer saying it is a simulation, with page numbers
    expect(model.page).toEqual({
      paperSize: 'A4',
      orientation: 'landscape',
      fitToWidth: 1,
      fitToHeight: 0,
      printTitleRows: { top: 8, bottom: 8 },
      printArea: { top: 0, left: 0, bottom: expect.any(Number), right: 13 },
      // 47 rows (10–56): the summaries and charts start on a new page at row 58 (zero-based 57)
      rowBreaks: [57],
      footer: { left: ['Simulasi — bukan nilai resmi'], right: ['Halaman ', { field: 'page' }, ' dari ', { field: 'pages' }] },
    });
  });
});

describe('the gap sheet in English, with stages, text levels and notes', () => {
  const values: Record<string, number | string> = { ...ACEH, 5: 'Tingkat 3' };
  const entries = entriesOf(values, {}, { 1: '=HYPERLINK("http://x","y")', 2: '+62 811', 3: '-', 4: '@user' }).map((e) => ({
    ...e,
    stages: [{ col: 5, raw: e.no === 7 ? 'Tingkat 4' : typeof e.raw === 'number' ? Math.min(5, e.raw + 1) : 3, level: null }],
  }));
  const problems: Problem[] = [
    { severity: 'warning', code: 'EVIDENCE_MISSING', cell: 'H7', sheet: "Dinas 'Kominfo'", indicator: '1', message: { id: 'Bukti dukung kosong', en: 'Evidence is empty' } },
  ];
  const a = assessmentOf(SPBE2020, entries, { sheet: "Dinas 'Kominfo'", stages: true, problems, titles: ['=cmd|"/c calc"!A1'] });
  const plan = planOf(SPBE2020, entries, { mode: 'level', level: 3 });
  const model = buildGapSheet(a, plan, { lang: 'en', date: '2026-11-27' });

  test('English words from the catalogue', () => {
    expect(model.name).toBe('Gap Analysis');
    expect(findText(model, 'Current Level')).toBeDefined();
    expect(findText(model, 'Self-assessment')).toBeDefined();
    expect(findText(model, '(agency name not found in the title rows)')).toBeDefined();
  });

  test('the columns: working ones first, then the team\'s, then reference ones (the self-assessment among them, linked)', () => {
    const headers = model.cells.filter((c) => c.row === 8).sort((x, y) => x.col - y.col).map((c) => c.value);
    expect(headers).toEqual([
      'No', 'Indicator', 'Current Level', 'Target', 'Gap', 'Index Points', 'Priority', 'Cycle',
      'Owner (OPD/PIC)', 'Deadline', 'Evidence Status', 'Evidence Link', 'Lock',
      'Level Names (now → target)', 'Aspect', 'Domain', 'Weight (%)', 'Self-assessment', 'Steps', 'Validation Notes', 'Note in Sheet',
    ]);
    expect(model.cells.some((c) => c.formula === "'Dinas ''Kominfo'''!F7")).toBe(true);
  });

  test('a text level is copied, not linked, and a note says so', () => {
    const notLinked = model.cells.filter((c) => c.comment && c.comment.includes('not a plain number'));
    expect(notLinked).toHaveLength(1);
    expect(notLinked[0].value).toBe(3);
    expect(notLinked[0].formula).toBeUndefined();
    expect(notLinked[0].comment).toContain("'Dinas ''Kominfo'''!G11");
  });

  test('notes and validation messages are text, never formulas', () => {
    for (const t of ['=HYPERLINK("http://x","y")', '+62 811', '-', '@user', 'Evidence is empty']) {
      const c = findText(model, t) ?? model.cells.find((x) => typeof x.value === 'string' && x.value.split('\n').includes(t));
      expect(c).toBeDefined();
      expect(c!.formula).toBeUndefined();
    }
  });
});

describe('pemdi2026: decimal targets, no domains', () => {
  const values: Record<string, number> = {};
  for (let i = 1; i <= 20; i++) values[String(i)] = i === 19 ? 1.26 : 2;
  const entries = entriesOf(values);
  const plan = planOf(PEMDI2026, entries, { mode: 'predicate', name: 'Baik' });
  const model = buildGapSheet(assessmentOf(PEMDI2026, entries), plan, { lang: 'id', date: '2026-11-27' });

  test('decimal validation and no domain column or summary', () => {
    expect(model.validations[0]).toMatchObject({ type: 'decimal', min: 1, max: 5 });
    expect(findText(model, 'Domain')).toBeUndefined();
    expect(findText(model, 'Ringkasan per domain')).toBeUndefined();
    expect(findText(model, 'Ringkasan per aspek')).toBeDefined();
  });

  test("the framework's note on an indicator valued by another index is shown in its row", () => {
    const note = PEMDI2026.indicators.find((d) => d.no === 5)!.note!.id;
    const row = model.cells.find((c) => c.col === 0 && c.value === 5 && c.row > 8)!.row;
    expect(model.cells.some((c) => c.row === row && typeof c.value === 'string' && c.value.includes(note))).toBe(true);
  });

  test('the goal is the lower bound of Baik in pemdi2026 (2.50)', () => {
    const goal = model.cells.find((c) => c.row === findText(model, 'Sasaran indeks')!.row && c.col === 2)!;
    expect(goal.value).toBe(2.5);
    expect(goal.formula).toBeUndefined();
  });
});

describe("pemdi2026: indicators valued by other agencies are not in the agency's hands", () => {
  const vals = [2.15, 1.8, 1.5, 2.26, 1, 1, 1, 1.6, 1.26, 2.04, 1.17, 1.5, 2.5, 2.32, 1.88, 1.6, 2.71, 1, 2.1, 1.95];
  const entries = entriesOf(Object.fromEntries(vals.map((v, i) => [String(i + 1), v])));
  const plan = planOf(PEMDI2026, entries, { mode: 'level', level: 2 });
  const id = buildGapSheet(assessmentOf(PEMDI2026, entries), plan, { lang: 'id', date: '2026-11-27' });
  const en = buildGapSheet(assessmentOf(PEMDI2026, entries), plan, { lang: 'en', date: '2026-11-27' });
  const rowOf = (model: SheetModel, no: number) => model.cells.find((c) => c.col === 0 && c.value === no && c.row > 8)!.row;
  const rankCol = (model: SheetModel) => model.cells.find((c) => c.row === 8 && (c.value === 'Prioritas' || c.value === 'Priority'))!.col;
  const targetOf = (model: SheetModel, no: number) => model.cells.find((c) => c.row === rowOf(model, no) && c.style === 'inputDec')!;

  test('their priority cell says so, in the user\'s language, as text (not a formula)', () => {
    for (const no of [5, 6, 7, 18]) {
      const cid = id.cells.find((c) => c.row === rowOf(id, no) && c.col === rankCol(id))!;
      expect(cid.value).toBe('di luar kendali instansi');
      expect(cid.formula).toBeUndefined();
      const cen = en.cells.find((c) => c.row === rowOf(en, no) && c.col === rankCol(en))!;
      expect(cen.value).toBe("not in the agency's hands");
      // the target stays at the current value (1): no step is planned on it
      expect(targetOf(id, no).value).toBe(1);
    }
  });

  test('their notes name the source index and the points at stake if it reached 5', () => {
    const notes = (model: SheetModel, no: number) =>
      model.cells.filter((c) => c.row === rowOf(model, no) && typeof c.value === 'string').map((c) => c.value as string).join('\n');
    // indicator 5: (5 − 1) × 5 % = 0.2 index points; 18: (5 − 1) × 3 % = 0.12
    expect(notes(id, 5)).toContain('Di luar kendali instansi: tidak direncanakan, karena nilainya diambil dari indeks Satu Data Indonesia (SDI). Bila nilai itu mencapai 5, indeks naik 0,2 poin.');
    expect(notes(en, 18)).toContain("Not in the agency's hands: not planned, because its value comes from the data interoperability index. If that value reached 5, the index would rise by 0.12 points.");
    expect(notes(en, 1)).not.toContain("agency's hands");
  });

  test('the other rows rank 1, 2, 3 … with formulas that leave those four rows out', () => {
    const ranks = id.cells.filter((c) => c.col === rankCol(id) && c.row > 8 && c.formula?.includes('SUMPRODUCT(--(') === true);
    expect(ranks).toHaveLength(16);
    for (const c of ranks) for (const no of [5, 6, 7, 18]) expect(c.formula).toContain(`<>${no})`);
    const numbers = ranks.map((c) => c.value).filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
    // level 2 for everything below 2 that the agency controls: 2, 3, 8, 9, 11, 12, 15, 16, 20
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // an ordinary framework keeps the plain formula
    const aceh = buildGapSheet(assessmentOf(SPBE2020, entriesOf(ACEH)), planOf(SPBE2020, entriesOf(ACEH), { mode: 'level', level: 2 }), { date: '2026-11-27' });
    expect(aceh.cells.some((c) => c.formula?.includes('<>'))).toBe(false);
  });

  test('a goal only they could close: the header says why, naming them', () => {
    const p = planOf(PEMDI2026, entries, { mode: 'index', value: { num: BigInt(49), den: BigInt(10) } });
    expect(p.reason?.code).toBe('TARGET_NEEDS_OTHER_AGENCIES');
    const model = buildGapSheet(assessmentOf(PEMDI2026, entries), p, { lang: 'id', date: '2026-11-27' });
    const reason = model.cells.find((c) => c.style === 'reason')!;
    expect(reason.row).toBe(findText(model, 'Kekurangan setelah target')!.row);
    expect(reason.value).toContain('indikator 5, 6, 7 dan 18');
    expect(reason.value).toContain('indeks Satu Data Indonesia (SDI)');
  });
});

describe('sheet names', () => {
  test('a free name is kept; a user sheet with that name is never reused', () => {
    expect(chooseSheetName('Analisis Gap', ['Penilaian'])).toBe('Analisis Gap');
    expect(chooseSheetName('Analisis Gap', ['analisis gap'])).toBe('Analisis Gap (2)');
    expect(chooseSheetName('Analisis Gap', ['Analisis Gap', 'Analisis Gap (2)'])).toBe('Analisis Gap (3)');
    expect(chooseSheetName('Analisis Gap', ['Analisis Gap'], 'Analisis Gap')).toBe('Analisis Gap');
  });

  test('names longer than 31 characters or with []:*?/\\ are made valid', () => {
    const long = 'Analisis Gap Indeks Pemerintah Digital 2026';
    expect(sanitizeSheetName(long).length).toBeLessThanOrEqual(31);
    expect(sanitizeSheetName('Gap [2024]: a/b\\c*?')).toBe('Gap 2024 a b c');
    const taken = [sanitizeSheetName(long)];
    const next = chooseSheetName(long, taken);
    expect(next.length).toBeLessThanOrEqual(31);
    expect(next.endsWith(' (2)')).toBe(true);
  });

  test('references quote sheet names and double apostrophes', () => {
    expect(cellRef("Dinas 'A'", 'G7')).toBe("'Dinas ''A'''!G7");
    expect(cellRef('Rekap', 'G7')).toBe('Rekap!G7');
    for (const cellLike of ['AB12', 'R1C1', 'RC', 'C3', 'r2']) expect(cellRef(cellLike, 'A1')).toBe(`'${cellLike}'!A1`);
  });

  test('the agency comes from a title row naming a government body', () => {
    expect(findAgency(['LEMBAR KERJA', 'Pemerintah Kota Denpasar'])).toBe('Pemerintah Kota Denpasar');
    expect(findAgency(['LEMBAR KERJA'])).toBeNull();
  });
});
