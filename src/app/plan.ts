/**
 * Plans at the boundary of the application: the planner (src/core/planner.ts) words its own usage errors
 * and the reasons a goal is out of reach; here they become problems of the table (src/core/problems.ts),
 * with the code checked, so the command, the pane, the ribbon and SPBE.PLAN treat them alike.
 */
import type { Lang, Severity } from '../core/types';
import { excelErrorOf, isProblemCode, severityOf, type ExcelError, type ProblemCode } from '../core/problems';

/** A problem the planner found: its code from the table, and the planner's message in both languages. */
export interface PlanProblem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly excel: ExcelError;
  readonly message: Readonly<Record<Lang, string>>;
}

/** A PlanUsageError or a GapPlan's reason as a problem of the table (an unknown code is an internal error, never silently passed on). */
export function planProblem(x: { readonly code: string; readonly message: Readonly<Record<Lang, string>> }): PlanProblem {
  const code: ProblemCode = isProblemCode(x.code) ? x.code : 'INTERNAL';
  return { code, severity: severityOf(code), excel: excelErrorOf(code), message: x.message };
}
