/**
 * What changed in the workbook since the last read, as Excel reported it to our subscription
 * (WorksheetCollection.onChanged / onAdded / onDeleted, ExcelApi 1.7–1.9), so that the next read
 * re-reads only that. Pure bookkeeping: the events come in through ExcelHost.
 *
 * The record is only complete while the subscription is active and has been since what it is
 * compared with was read: every start or stop of the subscription opens a new epoch, and a cache
 * (or the workbook facts) learnt in an earlier epoch is not trusted (the read is then a full one).
 */

/** What a read must re-read, by worksheet id. */
export interface ChangeSet {
  /** Sheets to re-read whole: rows or columns inserted or deleted, too many edits, or added. */
  readonly whole: ReadonlySet<string>;
  /** Edited areas per sheet, as Excel gave them ("B7", "C5:D9", "C:C", "7:9"). */
  readonly areas: ReadonlyMap<string, ReadonlyArray<string>>;
  /** Sheets added since. */
  readonly added: ReadonlySet<string>;
  /** Sheets deleted since. */
  readonly deleted: ReadonlySet<string>;
}

/** Beyond this many separate edited areas on one sheet the whole sheet is re-read (one request, not hundreds). */
export const MAX_AREAS_PER_SHEET = 32;

export class ChangeTracker {
  private epoch = 0;
  private following = false;
  private whole = new Set<string>();
  private areas = new Map<string, string[]>();
  private added = new Set<string>();
  private deleted = new Set<string>();

  /** True while a subscription reports changes. */
  get active(): boolean {
    return this.following;
  }

  /** The subscription is (about to be) registered: from now on every change is reported. */
  start(): void {
    this.epoch++;
    this.following = true;
    this.clear();
  }

  /** The subscription is gone: changes from now on are not known. */
  stop(): void {
    this.epoch++;
    this.following = false;
    this.clear();
  }

  /**
   * A mark for something learnt now (a read's cells, the workbook facts): `followedSince(mark)` later
   * says whether every change since was reported. Null when changes are not followed.
   */
  mark(): { readonly epoch: number } | null {
    return this.following ? { epoch: this.epoch } : null;
  }

  /** True when every change since `mark` was reported (the subscription ran all the time). */
  followedSince(mark: { readonly epoch: number } | null): boolean {
    return mark !== null && this.following && mark.epoch === this.epoch;
  }

  /** WorksheetChangedEventArgs: a RangeEdited change is an area; any other change type re-reads the sheet. */
  changed(worksheetId: string, address: string | undefined, changeType: string | undefined): void {
    if (!this.following) return;
    if (this.whole.has(worksheetId)) return;
    const parts = (address ?? '')
      .split(',')
      .map((a) => a.slice(a.lastIndexOf('!') + 1).trim())
      .filter((a) => a.length > 0);
    const edited = changeType === undefined || changeType === 'RangeEdited';
    if (!edited || parts.length === 0) {
      this.markWhole(worksheetId);
      return;
    }
    const list = this.areas.get(worksheetId) ?? [];
    for (const p of parts) if (!list.includes(p)) list.push(p);
    if (list.length > MAX_AREAS_PER_SHEET) this.markWhole(worksheetId);
    else this.areas.set(worksheetId, list);
  }

  sheetAdded(worksheetId: string): void {
    if (!this.following) return;
    this.added.add(worksheetId);
    this.deleted.delete(worksheetId);
    this.markWhole(worksheetId);
  }

  sheetDeleted(worksheetId: string): void {
    if (!this.following) return;
    this.deleted.add(worksheetId);
    this.added.delete(worksheetId);
    this.whole.delete(worksheetId);
    this.areas.delete(worksheetId);
  }

  /** Hands the changes so far to a read and starts a new record. */
  take(): ChangeSet {
    const set: ChangeSet = { whole: this.whole, areas: this.areas, added: this.added, deleted: this.deleted };
    this.clear();
    return set;
  }

  /** A read that failed gives its changes back (they are still to be read). */
  putBack(set: ChangeSet): void {
    if (!this.following) return;
    for (const id of set.deleted) this.sheetDeletedQuietly(id);
    for (const id of set.added) if (!this.deleted.has(id)) this.added.add(id);
    for (const id of set.whole) if (!this.deleted.has(id)) this.markWhole(id);
    for (const [id, areas] of set.areas) {
      if (this.deleted.has(id) || this.whole.has(id)) continue;
      for (const a of areas) this.changed(id, a, 'RangeEdited');
    }
  }

  private sheetDeletedQuietly(id: string): void {
    this.deleted.add(id);
    this.whole.delete(id);
    this.areas.delete(id);
  }

  private markWhole(id: string): void {
    this.whole.add(id);
    this.areas.delete(id);
  }

  private clear(): void {
    this.whole = new Set();
    this.areas = new Map();
    this.added = new Set();
    this.deleted = new Set();
  }
}
