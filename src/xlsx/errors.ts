/**
 * The error the xlsx adapter throws for input that is not a readable workbook. Kept apart from read.ts
 * (which loads exceljs) so callers can recognise it without loading exceljs.
 */
import { unreadableCode, type UnreadableReason } from '../core/report';
import type { ProblemError, ProblemFacts } from '../core/problems';

/** The workbook could not be read; `reason` is stable, `problem` the table's code for it (its words), the message is English for logs only. */
export class WorkbookReadError extends Error implements ProblemError {
  readonly reason: UnreadableReason;
  readonly problem: ProblemFacts;
  constructor(reason: UnreadableReason, message?: string) {
    super(message ?? reason);
    this.name = 'WorkbookReadError';
    this.reason = reason;
    this.problem = { code: unreadableCode(reason) };
  }
}

export function isWorkbookReadError(e: unknown): e is WorkbookReadError {
  return (
    e instanceof WorkbookReadError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'WorkbookReadError' && typeof (e as { reason?: unknown }).reason === 'string')
  );
}
