/**
 * The sheet's Excel tables (ListObjects) as table parts: the name made unique in the workbook (tables
 * and defined names share one namespace), column names that Excel accepts (unique, non-empty, equal to
 * the header cells' text), and an autoFilter so every column has its filter button.
 */
import type { SheetModel, TableModel } from '../../core/sheet-model';
import type { CellRange } from '../../core/types';
import { excelAttr, escapeAttr } from './xml';
import { cellKey, overlaps, rangeRef, usableMerges } from './worksheet';
import { freeTableName } from '../../excel/names';

export interface PlannedTable {
  readonly model: TableModel;
  readonly name: string;
  readonly columns: ReadonlyArray<string>;
}

/**
 * The tables that can be written (none over a merged area or another table, as Excel requires), with
 * their names and column names. Header text to write into the cells is added to `headerText`.
 */
export function planTables(model: SheetModel, taken: Set<string>, headerText: Map<number, string>): PlannedTable[] {
  const merges = usableMerges(model);
  const placed: CellRange[] = [];
  const byPos = new Map<string, unknown>();
  for (const c of model.cells) byPos.set(`${c.row},${c.col}`, c.value);
  const out: PlannedTable[] = [];
  for (const t of model.tables) {
    const r = t.range;
    if (r.bottom < r.top || r.right < r.left) continue;
    if (merges.some((m) => overlaps(m, r)) || placed.some((p) => overlaps(p, r))) continue;
    placed.push(r);
    const name = freeTableName(t.name, taken);
    taken.add(name.toLowerCase());
    const used = new Set<string>();
    const columns: string[] = [];
    for (let c = r.left; c <= r.right; c++) {
      const cell = byPos.get(`${r.top},${c}`);
      const given = typeof cell === 'string' && cell.trim() !== '' ? cell : cell !== null && cell !== undefined && cell !== '' ? String(cell) : t.columns[c - r.left] ?? '';
      let col = given.trim() === '' ? `Column${c - r.left + 1}` : given;
      if (used.has(col.toLowerCase())) {
        let k = 2;
        while (used.has(`${col}${k}`.toLowerCase())) k++;
        col = `${col}${k}`;
      }
      used.add(col.toLowerCase());
      columns.push(col);
      headerText.set(cellKey(r.top, c), col);
    }
    out.push({ model: t, name, columns });
  }
  return out;
}

/** The table part. `id` is unique among the workbook's tables. */
export function tableXml(t: PlannedTable, id: number, mainNs: string): string {
  const ref = rangeRef(t.model.range);
  const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${excelAttr(c)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${mainNs}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.model.style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
