/**
 * The JSON contract of `spbe index --json`, built from an assessment: exact field names, numbers,
 * repeated entries, effective weights, messages in the chosen language, nulls when there are errors.
 */
import { reportStatus, toIndexReport, toUnreadableReport, unreadableMessage } from '../../src/core/report';
import type { UnreadableReason } from '../../src/core/report';
import { SPBE2018, SPBE2020, PEMDI2026 } from '../../src/core/frameworks';
import { score } from '../../src/core/scoring';
import { fromNumber } from '../../src/core/rational';
import type { Assessment, AssessmentEntry, Framework, LevelColumn, Problem, TableLocation } from '../../src/core/types';
import type { ProblemCode } from '../../src/core/problems';

const column: LevelColumn = { col: 6, letter: 'G', header: 'Tingkat Kematangan', stage: -1, stageName: null, filled: 0 };

function table(sheet: string): TableLocation {
  return {
    sheet,
    headerRows: [5],
    firstRow: 6,
    lastRow: 60,
    numberColumn: 1,
    nameColumn: 4,
    weightColumn: null,
    evidenceColumn: null,
    targetColumn: null,
    noteColumns: [],
    levelColumns: [column],
    levelColumn: column,
  };
}

function entry(key: string, level: number | null, row: number): AssessmentEntry {
  const [no, rep] = key.split('-').map(Number);
  return {
    key,
    no,
    entry: rep || 1,
    row,
    cell: `G${row + 1}`,
    raw: level,
    plainNumber: level !== null,
    level: level === null ? null : fromNumber(level),
    name: null,
    stages: [],
    sheetWeight: null,
    evidence: null,
    target: null,
    note: null,
  };
}

function problem(severity: 'error' | 'warning' | 'info', code: ProblemCode, cell: string | null, indicator: string | null): Problem {
  return { severity, code, cell, sheet: 'Penilaian Mandiri', indicator, message: { id: `Pesan ${code}`, en: `Message ${code}` } };
}

function assessment(fw: Framework, levels: Record<string, number | null>, problems: Problem[] = []): Assessment {
  const entries = Object.entries(levels).map(([k, v], i) => entry(k, v, 6 + i));
  const valid = problems.every((p) => p.severity !== 'error') && entries.every((e) => e.level !== null);
  const scores = valid ? score(fw, entries.map((e) => ({ key: e.key, no: e.no, entry: e.entry, level: e.level! }))) : null;
  return { framework: fw, frameworkSource: 'detected', table: table('Penilaian Mandiri'), entries, problems, scores, titles: [] };
}

function allLevels(fw: Framework, level: (no: number) => number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ind of fw.indicators) out[String(ind.no)] = level(ind.no);
  return out;
}

describe('toIndexReport', () => {
  test('has exactly the fields of the contract, in order', () => {
    const r = toIndexReport('a.xlsx', assessment(SPBE2020, allLevels(SPBE2020, () => 3)));
    expect(Object.keys(r)).toEqual(['file', 'sheet', 'framework', 'column', 'index', 'indexRounded', 'predicate', 'domains', 'aspects', 'indicators', 'issues']);
    expect(Object.keys(r.domains[0])).toEqual(['no', 'name', 'index', 'indexRounded']);
    expect(Object.keys(r.aspects[0])).toEqual(['no', 'name', 'index', 'indexRounded']);
    expect(Object.keys(r.indicators[0])).toEqual(['no', 'level', 'weight', 'cell']);
  });

  test('a computed spbe2020 sheet: index, predicate, 4 domains, 8 aspects, 47 indicators with weights in percent', () => {
    const r = toIndexReport('kab.xlsx', assessment(SPBE2020, allLevels(SPBE2020, (no) => (no <= 10 ? 4 : 2))));
    expect(r.file).toBe('kab.xlsx');
    expect(r.sheet).toBe('Penilaian Mandiri');
    expect(r.framework).toBe('spbe2020');
    expect(r.column).toBe('Tingkat Kematangan');
    // 13 % at level 4, 87 % at level 2: 0.52 + 1.74 = 2.26
    expect(r.index).toBeCloseTo(2.26, 12);
    expect(r.indexRounded).toBe(2.26);
    expect(r.predicate).toBe('Cukup');
    expect(r.domains.map((d) => d.indexRounded)).toEqual([4, 2, 2, 2]);
    expect(r.aspects).toHaveLength(8);
    expect(r.indicators).toHaveLength(47);
    expect(r.indicators[0]).toEqual({ no: 1, level: 4, weight: 1.3, cell: 'G7' });
    expect(r.indicators.find((i) => i.no === 42)!.weight).toBe(3);
    expect(r.indicators.find((i) => i.no === 21)!.weight).toBe(1.5);
    expect(r.issues).toEqual([]);
    expect(reportStatus(r)).toBe(0);
  });

  test('rounds half-up from the exact value: 2.595 shows as 2.6', () => {
    // spbe2020: level 3 everywhere except indicator 1 (1.30 %) at 2 and ... build exactly 2.595:
    // all 2 except: aspect 8 (18 %) at 3 => 2.18; plus indicator 32..41 (27.5 %) at 3 => 2.455; + 13..14 (5 %) at 3 => 2.505
    // + 21..26 (9 %) at 3 => 2.595
    const up = new Set([42, 43, 44, 45, 46, 47, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 13, 14, 21, 22, 23, 24, 25, 26]);
    const r = toIndexReport('x.xlsx', assessment(SPBE2020, allLevels(SPBE2020, (no) => (up.has(no) ? 3 : 2))));
    expect(r.indexRounded).toBe(2.6);
    expect(r.predicate).toBe('Cukup'); // exact 2.595 < 2.6
  });

  test('spbe2018 repeated indicator 35: the key "35-2" as no, and the aspect weight spread evenly', () => {
    const levels: Record<string, number> = allLevels(SPBE2018, () => 3);
    levels['35-2'] = 2;
    levels['35-3'] = 4;
    const r = toIndexReport('denpasar.xlsx', assessment(SPBE2018, levels));
    const nos = r.indicators.map((i) => i.no);
    expect(nos).toContain(35);
    expect(nos).toContain('35-2');
    expect(nos).toContain('35-3');
    // aspect 7 = 20 % over 32, 33, 34, 35, 35-2, 35-3
    expect(r.indicators.find((i) => i.no === '35-2')!.weight).toBeCloseTo(20 / 6, 12);
    expect(r.indicators.find((i) => i.no === 32)!.weight).toBeCloseTo(20 / 6, 12);
    expect(r.indicators.find((i) => i.no === 1)!.weight).toBe(1);
    expect(r.domains).toHaveLength(3);
    expect(r.aspects).toHaveLength(7);
    expect(r.index).toBe(3);
  });

  test('pemdi2026 has no domains and decimal levels', () => {
    const r = toIndexReport('p.xlsx', assessment(PEMDI2026, allLevels(PEMDI2026, () => 1.26)));
    expect(r.domains).toEqual([]);
    expect(r.aspects).toHaveLength(7);
    expect(r.indicators[0].level).toBe(1.26);
    expect(r.index).toBeCloseTo(1.26, 12);
    expect(r.predicate).toBe('Kurang');
  });

  test('with an error: index, rounded index and predicate are null, no domain or aspect values; issues carry cell and indicator', () => {
    const levels: Record<string, number | null> = allLevels(SPBE2020, () => 3);
    levels['7'] = null;
    const a = assessment(SPBE2020, levels, [problem('error', 'LEVEL_BLANK', 'G13', '7'), problem('warning', 'WEIGHT_MISMATCH', 'F50', '42')]);
    const r = toIndexReport('bad.xlsx', a);
    expect(r.index).toBeNull();
    expect(r.indexRounded).toBeNull();
    expect(r.predicate).toBeNull();
    expect(r.domains).toEqual([]);
    expect(r.aspects).toEqual([]);
    expect(r.indicators.find((i) => i.no === 7)).toEqual({ no: 7, level: null, weight: 1.3, cell: 'G13' });
    expect(r.issues).toEqual([
      { severity: 'error', code: 'LEVEL_BLANK', message: 'Pesan LEVEL_BLANK', cell: 'G13', indicator: '7' },
      { severity: 'warning', code: 'WEIGHT_MISMATCH', message: 'Pesan WEIGHT_MISMATCH', cell: 'F50', indicator: '42' },
    ]);
    expect(reportStatus(r)).toBe(2);
  });

  test('messages come in the chosen language (Indonesian by default)', () => {
    const a = assessment(SPBE2020, allLevels(SPBE2020, () => 3), [problem('info', 'LEVEL_COLUMN_CHOSEN', null, null)]);
    expect(toIndexReport('f.xlsx', a).issues[0].message).toBe('Pesan LEVEL_COLUMN_CHOSEN');
    expect(toIndexReport('f.xlsx', a, 'en').issues[0].message).toBe('Message LEVEL_COLUMN_CHOSEN');
  });

  test('no table found: sheet, framework and column are null, and an indicator the framework lacks has no weight', () => {
    const a: Assessment = {
      framework: null,
      frameworkSource: 'detected',
      table: null,
      entries: [],
      problems: [problem('error', 'NO_TABLE', null, null)],
      scores: null,
      titles: [],
    };
    const r = toIndexReport('empty.xlsx', a);
    expect([r.sheet, r.framework, r.column, r.index]).toEqual([null, null, null, null]);
    const b = assessment(SPBE2020, { ...allLevels(SPBE2020, () => 3) }, [problem('error', 'INDICATOR_UNKNOWN', 'B60', '48')]);
    const withUnknown: Assessment = { ...b, entries: [...b.entries, { ...entry('48', 3, 59) }] };
    const r2 = toIndexReport('x.xlsx', withUnknown);
    expect(r2.indicators.find((i) => i.no === 48)!.weight).toBeNull();
    expect(r2.indicators.find((i) => i.no === 1)!.weight).toBe(1.3);
  });

  test('JSON numbers are plain numbers (no exact rationals leak out)', () => {
    const r = toIndexReport('a.xlsx', assessment(SPBE2020, allLevels(SPBE2020, () => 5)));
    expect(() => JSON.stringify(r)).not.toThrow();
    expect(JSON.parse(JSON.stringify(r)).index).toBe(5);
  });
});

describe('unreadable files', () => {
  const reasons: UnreadableReason[] = ['not-found', 'not-a-file', 'no-access', 'empty', 'encrypted', 'xls', 'ods', 'xlsb', 'text', 'not-xlsx', 'damaged', 'no-sheets'];

  test('{ file, error } with a message in the chosen language', () => {
    const id = toUnreadableReport('x.xls', 'xls');
    expect(Object.keys(id)).toEqual(['file', 'error']);
    expect(id.file).toBe('x.xls');
    expect(id.error).toMatch(/\.xlsx/);
    const en = toUnreadableReport('x.xls', 'xls', 'en');
    expect(en.error).not.toBe(id.error);
    expect(en.error).toMatch(/Excel Workbook/);
    expect(reportStatus(id)).toBe(1);
  });

  test('every reason has its own message in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const messages = reasons.map((r) => unreadableMessage(r, lang));
      expect(new Set(messages).size).toBe(reasons.length);
      for (const m of messages) expect(m.length).toBeGreaterThan(10);
    }
    expect(unreadableMessage('encrypted', 'id')).toMatch(/kata sandi/);
    expect(unreadableMessage('encrypted', 'en')).toMatch(/password/);
  });
});
