/**
 * The problem table (src/core/problems.ts): every code has a severity, an Excel error and messages that
 * exist in both catalogues; one describe() says any problem in the context's words (the pane never names a
 * command-line option); errors of the adapters carry their problem and are recognised by it.
 */
import { PROBLEMS, describe as say, describeBoth, isProblemCode, problemOfError, severityOf, toProblem, type ProblemCode } from '../../src/core/problems';
import { catalogues } from '../../src/core/i18n';
import { WorkbookReadError } from '../../src/xlsx/errors';
import { SheetWriteError } from '../../src/excel/write';
import { unreadableMessage } from '../../src/core/report';

const codes = Object.keys(PROBLEMS) as ProblemCode[];

test('every code: a severity, an Excel error value, and messages present in both languages', () => {
  for (const code of codes) {
    const spec = PROBLEMS[code];
    expect(['error', 'warning', 'info']).toContain(spec.severity);
    expect(['#VALUE!', '#N/A']).toContain(spec.excel);
    expect(spec.messages.length).toBeGreaterThan(0);
    for (const ref of spec.messages) {
      const [section, key] = ref.split('.') as [keyof typeof catalogues.id, string];
      for (const lang of ['id', 'en'] as const) expect({ ref, lang, text: typeof (catalogues[lang][section] as Record<string, string>)[key] }).toEqual({ ref, lang, text: 'string' });
    }
  }
  expect(isProblemCode('LEVEL_BLANK')).toBe(true);
  expect(isProblemCode('LEVEL_EMPTY')).toBe(false);
});

test('notes that need no action are info; what stops the index is an error', () => {
  expect(codes.filter((c) => severityOf(c) === 'info').sort()).toEqual(['LEVEL_COLUMN_CHOSEN', 'LEVEL_COLUMN_NEWEST', 'OTHER_TABLES', 'PARTS_COMBINED', 'ROWS_IGNORED', 'ROWS_NOT_INDICATORS']);
  expect(codes.filter((c) => severityOf(c) === 'warning').sort()).toEqual(['EVIDENCE_MISSING', 'INDICATOR_DUPLICATE', 'NAME_MISMATCH', 'SHEET_TRUNCATED', 'TABLE_NEWEST_ON_SHEET', 'TARGET_UNREADABLE', 'WEIGHT_MISMATCH']);
});

test('each context in its own words: the command names its options, the pane its settings, never an option', () => {
  const hints = catalogues.id.hints as Record<string, string>;
  for (const lang of ['id', 'en'] as const) {
    const h = catalogues[lang].hints as Record<string, string>;
    for (const key of Object.keys(hints)) {
      if (key.endsWith('_command')) expect(h[key]).toMatch(/--\w+/);
      if (key.endsWith('_pane')) expect(h[key]).not.toMatch(/--\w+|spbe /);
    }
    for (const [key, t] of Object.entries(catalogues[lang].pane)) expect({ key, option: /--\w+/.test(t) }).toEqual({ key, option: false });
  }
  const f = { code: 'OTHER_TABLES' as const, at: { kind: 'sheet' as const, sheet: 'Penilaian 2024' }, args: { others: 'Penilaian 2023' } };
  expect(say(f, 'en', 'command')).toContain('(spbe option --sheet)');
  expect(say(f, 'en', 'pane')).toContain('under Settings, "Assessment sheet"');
  expect(say(f, 'id', 'pane')).toContain('Pengaturan');
  for (const code of codes) {
    const spec = PROBLEMS[code] as { hints?: ReadonlyArray<string> };
    if (!spec.hints) continue;
    for (const lang of ['id', 'en'] as const) expect(say({ code }, lang, 'pane')).not.toMatch(/--\w+/);
  }
});

test('describe renders places, words, decimals and lists in the reader\'s language', () => {
  const f = {
    code: 'WEIGHT_MISMATCH' as const,
    at: { kind: 'cell' as const, sheet: "Dinas 'Kominfo'", row: 49, col: 5 },
    indicator: '42',
    args: { sheetWeight: { decimal: '3.50' }, expected: { decimal: '2.00' }, regulation: 'PermenPANRB 59/2020' },
  };
  expect(describeBoth(f)).toEqual({
    id: expect.stringContaining("'Dinas ''Kominfo'''!F50 tertulis 3,50%"),
    en: expect.stringContaining("'Dinas ''Kominfo'''!F50 says 3.50%"),
  });
  const p = toProblem(f);
  expect(p).toMatchObject({ severity: 'warning', code: 'WEIGHT_MISMATCH', cell: 'F50', sheet: "Dinas 'Kominfo'", indicator: '42', params: { sheetWeight: 3.5, expected: 2 } });
  // a custom function's message: the place is the value's position, a number as Excel passed it
  const fn = { code: 'LEVEL_FRACTIONAL' as const, at: { kind: 'value' as const, pos: 30 }, indicator: '30', args: { value: { decimal: '2.5' }, frameworkId: 'spbe2020' } };
  expect(say(fn, 'id', 'function')).toBe('Nilai ke-30 (indikator 30): 2.5 bukan tingkat bulat; spbe2020 hanya memakai tingkat bulat 1–5.');
});

test('errors of the adapters carry their problem and are recognised by it, not by their class name', () => {
  const read = new WorkbookReadError('encrypted');
  expect(problemOfError(read)).toEqual({ code: 'WORKBOOK_ENCRYPTED' });
  expect(say(problemOfError(read)!, 'en')).toBe(unreadableMessage('encrypted', 'en'));
  const write = new SheetWriteError(Object.assign(new Error('x'), { code: 'AccessDenied' }), true, 'Analisis Gap');
  expect(say(problemOfError(write)!, 'id', 'pane')).toBe('Excel menolak penulisan (kode AccessDenied)');
  // an error shaped like one by name only is not taken for one
  expect(problemOfError(Object.assign(new Error('x'), { name: 'SheetWriteError', code: 'X' }))).toBeNull();
  expect(problemOfError(new Error('bug'))).toBeNull();
});
