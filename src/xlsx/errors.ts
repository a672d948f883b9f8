/**
 * The error the xlsx adapter throws for input that is not a readable workbook. Kept apart from read.ts
 * (which loads exceljs) so callers can recognise it without loading exceljs.
 */
import type { UnreadableReason } from '../core/report';

/** The workbook could not be read; `reason` is stable, the message is English for logs only. */
export class WorkbookReadError extends Error {
  readonly reason: UnreadableReason;
  constructor(reason: UnreadableReason, message?: string) {
    super(message ?? reason);
    this.name = 'WorkbookReadError';
    this.reason = reason;
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return (
    e instanceof WorkbookReadError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'WorkbookReadError' && typeof (e as { reason?: unknown }).reason === 'string')
  );
}
