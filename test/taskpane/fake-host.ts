/** An in-memory WorkbookHost for the pane's unit tests: grids that the test edits, and a record of calls. */
import type { WorkbookHost, WriteResult } from '../../src/core/host';
import type { SheetModel } from '../../src/core/sheet-model';
import type { CellValue, Grid } from '../../src/core/types';
import { withCell } from './grids';

export class FakeHost implements WorkbookHost {
  readonly kind: 'excel' | 'browser';
  readonly displayLanguage?: string;
  reads = 0;
  readonly selected: Array<[string, string]> = [];
  readonly written: SheetModel[] = [];
  failWrite: Error | null = null;
  failRead: Error | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(public grids: Grid[], kind: 'excel' | 'browser' = 'excel') {
    this.kind = kind;
  }

  /** The sheet this tool wrote last (what the marker name points at in a real workbook). */
  marked: string | null = null;

  /** The sheets, as the real adapters give them: without the marked gap sheet (the marker is the only rule for "our sheet"). */
  async readGrids(): Promise<Grid[]> {
    this.reads++;
    if (this.failRead) throw this.failRead;
    return this.grids.filter((g) => g.name !== this.marked).map((g) => ({ ...g, values: g.values.map((r) => [...r]) }));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selected.push([sheet, address]);
  }

  async writeSheet(model: SheetModel): Promise<WriteResult> {
    if (this.failWrite) throw this.failWrite;
    this.written.push(model);
    // The sheet as a later read sees it: the model's cached values in place.
    const values: CellValue[][] = [];
    for (const c of model.cells) {
      while (values.length <= c.row) values.push([]);
      const row = values[c.row];
      while (row.length <= c.col) row.push(null);
      row[c.col] = c.value;
    }
    const replaced = this.grids.some((g) => g.name === model.name);
    this.grids = [...this.grids.filter((g) => g.name !== model.name), { name: model.name, values }];
    this.marked = model.name;
    return { sheetName: model.name, replaced };
  }

  async onChange(callback: () => void): Promise<() => void> {
    this.listeners.add(callback);
    return () => {
      this.listeners.delete(callback);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  /** The user types `value` into a cell (1-based row as Excel shows it, zero-based column) of the first sheet. */
  edit(row1: number, col: number, value: CellValue): void {
    this.grids = [withCell(this.grids[0], row1 - 1, col, value), ...this.grids.slice(1)];
    for (const l of [...this.listeners]) l();
  }
}
