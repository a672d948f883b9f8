/** The change record and the patch of a cached block (pure parts of the re-read). */
import { ChangeTracker, MAX_AREAS_PER_SHEET } from '../../src/excel/changes';
import { patchUsed } from '../../src/excel/cells';
import type { RawUsed } from '../../src/excel/cells';
import { parseChangedArea } from '../../src/excel/a1';

describe('ChangeTracker', () => {
  test('records nothing until started; a new epoch on every start and stop', () => {
    const t = new ChangeTracker();
    t.changed('s1', 'A1', 'RangeEdited');
    expect(t.take().areas.size).toBe(0);
    expect(t.mark()).toBeNull();
    t.start();
    const mark = t.mark();
    expect(t.followedSince(mark)).toBe(true);
    t.stop();
    t.start();
    expect(t.followedSince(mark)).toBe(false);
  });

  test('edited areas per sheet; other change types, too many areas or an added sheet mean the whole sheet', () => {
    const t = new ChangeTracker();
    t.start();
    t.changed('s1', 'B7', 'RangeEdited');
    t.changed('s1', "'Penilaian Mandiri'!C5:D9,F2", 'RangeEdited');
    t.changed('s1', 'B7', 'RangeEdited');
    t.changed('s2', '3:4', 'RowInserted');
    t.changed('s2', 'A1', 'RangeEdited');
    for (let i = 0; i <= MAX_AREAS_PER_SHEET; i++) t.changed('s3', `A${i + 1}`, 'RangeEdited');
    t.sheetAdded('s4');
    t.changed('s5', 'A1', 'RangeEdited');
    t.sheetDeleted('s5');
    const set = t.take();
    expect(set.areas.get('s1')).toEqual(['B7', 'C5:D9', 'F2']);
    expect([...set.whole].sort()).toEqual(['s2', 's3', 's4']);
    expect([...set.added]).toEqual(['s4']);
    expect([...set.deleted]).toEqual(['s5']);
    expect(set.areas.has('s5')).toBe(false);
    expect(t.take().areas.size).toBe(0);
  });

  test('a failed read gives its changes back', () => {
    const t = new ChangeTracker();
    t.start();
    t.changed('s1', 'B7', 'RangeEdited');
    t.sheetAdded('s2');
    const set = t.take();
    t.changed('s1', 'C1', 'RangeEdited');
    t.putBack(set);
    const again = t.take();
    expect(again.areas.get('s1')).toEqual(['C1', 'B7']);
    expect([...again.whole]).toEqual(['s2']);
  });
});

describe('parseChangedArea', () => {
  test('cells, areas, whole columns and rows, with or without $ and a sheet part', () => {
    expect(parseChangedArea('B7')).toEqual({ top: 6, left: 1, bottom: 6, right: 1 });
    expect(parseChangedArea("'My, sheet'!$C$5:$D$9")).toEqual({ top: 4, left: 2, bottom: 8, right: 3 });
    expect(parseChangedArea('C:E')).toEqual({ top: 0, left: 2, bottom: 1_048_575, right: 4 });
    expect(parseChangedArea('7:9')).toEqual({ top: 6, left: 0, bottom: 8, right: 16_383 });
    expect(parseChangedArea('Tabel1')).toBeNull();
  });
});

/** A raw block as Office.js returns it, from plain values ('' empty). */
function raw(rowIndex: number, columnIndex: number, rows: Array<Array<string | number>>): RawUsed {
  return {
    rowIndex,
    columnIndex,
    values: rows,
    formulas: rows.map((r) => r.map((v) => v)),
    valueTypes: rows.map((r) => r.map((v) => (v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : 'String'))),
  };
}

describe('patchUsed', () => {
  const old = raw(1, 1, [
    ['a', 'b'],
    [1, 2],
  ]); // B2:C3

  test('an edit inside the block replaces that cell; the rest comes from the old block', () => {
    const p = patchUsed(old, { rowIndex: 1, columnIndex: 1, rowCount: 2, columnCount: 2 }, [{ area: parseChangedArea('C3')!, used: raw(2, 2, [[9]]) }]);
    expect(p).toEqual(raw(1, 1, [['a', 'b'], [1, 9]]));
  });

  test('an edit outside grows the block with empty cells between; clearing an edge shrinks it', () => {
    const grown = patchUsed(old, { rowIndex: 1, columnIndex: 1, rowCount: 4, columnCount: 3 }, [{ area: parseChangedArea('D5')!, used: raw(4, 3, [['x']]) }]);
    expect(grown).toEqual(raw(1, 1, [['a', 'b', ''], [1, 2, ''], ['', '', ''], ['', '', 'x']]));
    const shrunk = patchUsed(old, { rowIndex: 1, columnIndex: 1, rowCount: 1, columnCount: 2 }, [{ area: parseChangedArea('3:3')!, used: null }]);
    expect(shrunk).toEqual(raw(1, 1, [['a', 'b']]));
  });

  test('a cleared whole column inside the block empties it', () => {
    const p = patchUsed(old, { rowIndex: 1, columnIndex: 1, rowCount: 2, columnCount: 2 }, [{ area: parseChangedArea('B:B')!, used: null }]);
    expect(p).toEqual(raw(1, 1, [['', 'b'], ['', 2]]));
  });

  test('no value left: null', () => {
    expect(patchUsed(old, null, [{ area: parseChangedArea('A1:Z9')!, used: null }])).toBeNull();
  });

  test('unsafe: a formula in an edited area (it may spill), or a used range reaching where nothing was or was edited', () => {
    const formula: RawUsed = { rowIndex: 4, columnIndex: 3, values: [[2]], formulas: [['=B3*2']], valueTypes: [['Double']] };
    expect(patchUsed(old, { rowIndex: 1, columnIndex: 1, rowCount: 4, columnCount: 3 }, [{ area: parseChangedArea('D5')!, used: formula }])).toBe('unsafe');
    expect(patchUsed(old, { rowIndex: 1, columnIndex: 1, rowCount: 9, columnCount: 2 }, [{ area: parseChangedArea('C3')!, used: raw(2, 2, [[9]]) }])).toBe('unsafe');
  });
});
