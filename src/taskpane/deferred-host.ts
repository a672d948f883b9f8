/**
 * A workbook host that is not known yet. The ribbon's command is registered the moment the runtime loads
 * (a late Office.actions.associate loses the first click), before the page knows whether it runs inside
 * Excel; the command's host is this stand-in, which waits for host detection when the button is used.
 */
import type { WorkbookHost, WriteResult } from '../core/host';
import type { Grid } from '../core/types';
import type { SheetModel } from '../core/sheet-model';

export class DeferredHost implements WorkbookHost {
  readonly kind = 'excel' as const;

  constructor(private readonly found: Promise<WorkbookHost | null>) {}

  private async host(): Promise<WorkbookHost> {
    const h = await this.found;
    // Only reachable when Office ran the command in a page it did not recognise as Excel.
    if (!h) throw new Error('The workbook is not available: this page does not run inside Excel.');
    return h;
  }

  async readGrids(): Promise<Grid[]> {
    return (await this.host()).readGrids();
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    return (await this.host()).selectCell(sheet, address);
  }

  async writeSheet(model: SheetModel): Promise<WriteResult> {
    return (await this.host()).writeSheet(model);
  }

  async onChange(callback: () => void): Promise<() => void> {
    return (await this.host()).onChange(callback);
  }
}
