/**
 * The crosswalk data: every indicator of the newer framework exactly once, every number real, every old
 * indicator either covered or listed as removed (never both), the basis of each row, and the
 * correspondence itself as transcribed from the reference tables (crosswalks.md and its two CSVs; the
 * indicator names of every CSV row were checked against the frameworks' names when the data was made).
 */
import { PEMDI2026, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import {
  CROSSWALKS,
  SPBE2018_SPBE2020,
  SPBE2020_PEMDI2026,
  composeCrosswalks,
  crosswalkBetween,
  identityCrosswalk,
  successorOf,
  type Crosswalk,
} from '../../src/core/crosswalks';

/** "new:old,old relation" per row, as in the reference CSVs (s = same-subject, p = partial, n = new). */
const REFERENCE_2018_2020 =
  '1:3p 2:3p 3:n 4:6,7p 5:5s 6:n 7:6p 8:n 9:n 10:1s 11:20p 12:20p 13:21s 14:19s 15:23,24p 16:22s 17:n 18:23p 19:18s ' +
  '20:n 21:n 22:n 23:n 24:n 25:n 26:n 27:n 28:n 29:n 30:n 31:n 32:27s 33:28s 34:29s 35:31s 36:26s 37:25s 38:n ' +
  '39:34p 40:30p 41:30p 42:32s 43:n 44:33s 45:35s 46:35s 47:35s';
const REFERENCE_2020_2026 =
  '1:11,12,13,1,2p 2:21,26,27,28,24p 3:25s 4:20,19,10p 5:23,3,43p 6:n 7:n 8:n 9:29,30,31,9s 10:22,8s 11:22p 12:22p ' +
  '13:15,4s 14:16,17,5,6s 15:14p 16:18,7p 17:32,33,34,35,36,37,38,39,40,41,42,44,45,46,47p 18:18,23,43p 19:42,28p 20:n';

function transcript(cw: Crosswalk): string {
  const code = { 'same-subject': 's', partial: 'p', new: 'n', same: '=' } as const;
  return cw.rows.map((r) => `${r.no}:${r.from.join(',')}${code[r.relation]}`).join(' ');
}

const count = (cw: Crosswalk, relation: string): number => cw.rows.filter((r) => r.relation === relation).length;

describe.each([
  ['5/2018 → 59/2020', SPBE2018_SPBE2020],
  ['59/2020 → 8/2026', SPBE2020_PEMDI2026],
  ['5/2018 → 8/2026 (composed)', crosswalkBetween(SPBE2018, PEMDI2026)!],
  ['59/2020 identity', identityCrosswalk(SPBE2020)],
])('crosswalk %s', (_name, cw) => {
  test('one row per indicator of the newer framework, in number order', () => {
    expect(cw.rows.map((r) => r.no)).toEqual(cw.to.indicators.map((i) => i.no));
  });

  test('every older number exists; a row has sources exactly when it is not new; official pairs are among its sources', () => {
    const old = new Set(cw.from.indicators.map((i) => i.no));
    for (const r of cw.rows) {
      for (const no of r.from) expect({ row: r.no, no, exists: old.has(no) }).toEqual({ row: r.no, no, exists: true });
      expect({ row: r.no, sources: r.from.length > 0 }).toEqual({ row: r.no, sources: r.relation !== 'new' });
      expect(new Set(r.from).size).toBe(r.from.length);
      for (const no of r.official) expect(r.from).toContain(no);
      expect(r.basis).toBe(r.relation === 'same' ? 'same' : r.official.length ? 'official' : 'subject');
    }
  });

  test('every older indicator is covered by some row or removed, never both, and removed ones are listed once in order', () => {
    const covered = new Set(cw.rows.flatMap((r) => r.from));
    const removed = cw.removed.map((r) => r.no);
    expect(removed).toEqual([...removed].sort((a, b) => a - b));
    expect(new Set(removed).size).toBe(removed.length);
    for (const ind of cw.from.indicators) {
      expect({ no: ind.no, once: covered.has(ind.no) !== removed.includes(ind.no) }).toEqual({ no: ind.no, once: true });
    }
  });

  test('every row and removed indicator explains itself in both languages', () => {
    for (const n of [...cw.rows.map((r) => r.note), ...cw.removed.map((r) => r.note), cw.basisNote]) {
      expect(n.id.trim()).not.toBe('');
      expect(n.en.trim()).not.toBe('');
      expect(n.id + n.en).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('5/2018 → 59/2020', () => {
  const cw = SPBE2018_SPBE2020;

  test('the correspondence is the reference table: 17 same-subject, 11 partial, 19 new', () => {
    expect(transcript(cw)).toBe(REFERENCE_2018_2020);
    expect([count(cw, 'same-subject'), count(cw, 'partial'), count(cw, 'new')]).toEqual([17, 11, 19]);
  });

  test('exactly the ten official pairs of the Kepmen PANRB 962/2021 deck are marked official, with their source', () => {
    const pairs = cw.rows.flatMap((r) => r.official.map((o) => `${o}→${r.no}`));
    expect(pairs).toEqual(['3→1', '3→2', '6→4', '5→5', '27→32', '28→33', '29→34', '31→35', '26→36', '25→37']);
    expect(cw.officialSource!.en).toMatch(/Kepmen PANRB 962\/2021/);
    expect(cw.officialSource!.id).toMatch(/Kepmen PANRB 962\/2021/);
    // 4 ← 6, 7: only the pair with 6 is official
    expect(cw.rows[3]).toMatchObject({ from: [6, 7], official: [6], basis: 'official' });
  });

  test('the whole Manajemen SPBE domain is new; the 2018 service policies 8–17 and the policies 2 and 4 have no successor', () => {
    const manajemen = SPBE2020.indicators.filter((i) => i.domain === 3).map((i) => i.no);
    expect(manajemen).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);
    for (const no of manajemen) expect(cw.rows[no - 1].relation).toBe('new');
    expect(cw.removed.map((r) => r.no)).toEqual([2, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
  });

  test('the three public-service sectors all compare with indicator 35', () => {
    for (const no of [45, 46, 47]) expect(cw.rows[no - 1]).toMatchObject({ from: [35], relation: 'same-subject' });
  });
});

describe('59/2020 → 8/2026', () => {
  const cw = SPBE2020_PEMDI2026;

  test('the correspondence is the reference table: 5 same-subject, 11 partial, 4 new, nothing removed, nothing official', () => {
    expect(transcript(cw)).toBe(REFERENCE_2020_2026);
    expect([count(cw, 'same-subject'), count(cw, 'partial'), count(cw, 'new')]).toEqual([5, 11, 4]);
    expect(cw.rows.filter((r) => r.relation === 'new').map((r) => r.no)).toEqual([6, 7, 8, 20]);
    expect(cw.removed).toEqual([]);
    expect(cw.officialSource).toBeNull();
    expect(cw.rows.every((r) => r.basis === 'subject')).toBe(true);
  });

  test('the indicators valued by other agencies are 5, 6, 7 and 18: two of them matched, two new', () => {
    const valued = PEMDI2026.indicators.filter((i) => i.valuedBy).map((i) => i.no);
    expect(valued).toEqual([5, 6, 7, 18]);
    expect(valued.map((no) => cw.rows[no - 1].relation)).toEqual(['partial', 'new', 'new', 'partial']);
  });
});

describe('the registry', () => {
  test('successive regulations, oldest first; the newest has no successor', () => {
    expect(CROSSWALKS.map((c) => `${c.from.id}>${c.to.id}`)).toEqual(['spbe2018>spbe2020', 'spbe2020>pemdi2026']);
    expect(successorOf(SPBE2018)).toBe(SPBE2020);
    expect(successorOf(SPBE2020)).toBe(PEMDI2026);
    expect(successorOf(PEMDI2026)).toBeNull();
  });

  test('a comparison goes from the older regulation to the newer one only', () => {
    expect(crosswalkBetween(SPBE2018, SPBE2020)).toBe(SPBE2018_SPBE2020);
    expect(crosswalkBetween(SPBE2020, PEMDI2026)).toBe(SPBE2020_PEMDI2026);
    expect(crosswalkBetween(SPBE2020, SPBE2018)).toBeNull();
    expect(crosswalkBetween(PEMDI2026, SPBE2018)).toBeNull();
    expect(crosswalkBetween(SPBE2018, PEMDI2026)).toBe(crosswalkBetween(SPBE2018, PEMDI2026));
  });

  test('within one framework every indicator is the same indicator', () => {
    for (const fw of [SPBE2018, SPBE2020, PEMDI2026]) {
      const cw = crosswalkBetween(fw, fw)!;
      expect(cw.rows.every((r) => r.relation === 'same' && r.from.length === 1 && r.from[0] === r.no)).toBe(true);
      expect(cw.removed).toEqual([]);
    }
  });

  test('composition: sources through 59/2020, same-subject only when every link is, new when no source had a 2018 source', () => {
    const cw = composeCrosswalks(SPBE2018_SPBE2020, SPBE2020_PEMDI2026);
    expect(cw.via.map((f) => f.id)).toEqual(['spbe2020']);
    // 13 Aplikasi ← 2020 15 (← 23, 24, partial), 4 (← 6, 7, partial)
    expect(cw.rows[12]).toMatchObject({ from: [23, 24, 6, 7], relation: 'partial', basis: 'subject', official: [] });
    // 14 Infrastruktur ← 2020 16 (← 22), 17 (new), 5 (← 5), 6 (new): partly new in 2020, so partial
    expect(cw.rows[13]).toMatchObject({ from: [22, 5], relation: 'partial' });
    // 3 SDM ← 2020 25, itself new in 2020
    expect(cw.rows[2]).toMatchObject({ from: [], relation: 'new' });
    expect(cw.rows[2].note.en).toMatch(/already new there/);
    expect(cw.removed.map((r) => r.no)).toEqual([2, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    expect(() => composeCrosswalks(SPBE2020_PEMDI2026, SPBE2018_SPBE2020)).toThrow(/is not/);
  });
});
