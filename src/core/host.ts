/**
 * The port between the task pane and wherever the workbook lives: Excel (src/excel, Office.js)
 * or a file opened in a plain browser (src/xlsx, exceljs). The pane talks only to this interface,
 * so it runs on a fake host in tests.
 */
import type { Grid } from './types';
import type { SheetModel } from './sheet-model';

export interface WriteResult {
  /** The name the sheet got (may be numbered: "Analisis Gap (2)"). */
  readonly sheetName: string;
  /** True when an earlier sheet made by this tool was replaced. */
  readonly replaced: boolean;
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'browser';
  /** Display language of the host (e.g. "id-ID", "en-US"), if known. */
  readonly displayLanguage?: string;
  /** Reads the sheets that may hold the assessment table. */
  readGrids(): Promise<Grid[]>;
  /** Selects (and activates) a cell so the user sees it. */
  selectCell(sheet: string, address: string): Promise<void>;
  /**
   * The gap sheet this tool wrote earlier (the sheet our marker name points at), or null: the team's columns are
   * carried over from it (core/team-columns.ts). Optional: a host without it carries nothing over.
   */
  readGapSheet?(): Promise<Grid | null>;
  /** Writes a sheet model under a free name, activating it. All or nothing. */
  writeSheet(model: SheetModel): Promise<WriteResult>;
  /**
   * Calls back when cells change or sheets are added or deleted; returns an unsubscribe function.
   * Subscribe before the first read: a host may then re-read only what changed (the Excel host does).
   */
  onChange(callback: () => void): Promise<() => void>;
}
