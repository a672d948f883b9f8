/**
 * The JSON contract of `spbe index --json` (one object per file per line), built from an Assessment.
 * Pure: no file system, no exceljs. Field names and shapes are a public contract: scripts read them.
 *
 *   { file, sheet, framework, column,
 *     index: number|null, indexRounded: number|null, predicate: string|null,
 *     domains: [{ no, name, index, indexRounded }],      // [] for pemdi2026 (and when index is null)
 *     aspects: [{ no, name, index, indexRounded }],
 *     indicators: [{ no, level, weight, cell }],          // no: 7, or "35-2" for a repeated entry
 *     issues: [{ severity, code, message, cell, indicator }] }
 *
 * and, for a file that cannot be opened, { file, error }.
 */
import type { Assessment, AssessmentEntry, Framework, Lang, Rational, Severity } from './types';
import { describe, type ProblemCode } from './problems';
import { entryStatus, frameworkIndex } from './framework-index';
import { toNumber } from './rational';
import { entryWeights } from './scoring';
import { cellRef } from './address';

export interface ScoreReport {
  readonly no: number;
  readonly name: string;
  /** Full precision (nearest double of the exact value). */
  readonly index: number;
  /** Rounded half-up to 2 decimals from the exact value. */
  readonly indexRounded: number;
}

export interface IndicatorReport {
  /** The indicator number, or the entry key ("35-2") for a repeated entry. */
  readonly no: number | string;
  /** The level read (a whole number, or a decimal for pemdi2026), or null when it could not be read. */
  readonly level: number | null;
  /** The entry's effective weight in percent (1.3 for 1.30 %), or null for a number the framework does not have. */
  readonly weight: number | null;
  /** A1 address of the level cell. */
  readonly cell: string;
}

export interface IssueReport {
  /** "error", "warning" or "info" (a note that needs no action, e.g. which level column was used). */
  readonly severity: Severity;
  readonly code: ProblemCode;
  readonly message: string;
  readonly cell: string | null;
  readonly indicator: string | null;
}

export interface IndexReport {
  readonly file: string;
  readonly sheet: string | null;
  readonly framework: string | null;
  /** Header text of the level column used. */
  readonly column: string | null;
  readonly index: number | null;
  readonly indexRounded: number | null;
  readonly predicate: string | null;
  readonly domains: ReadonlyArray<ScoreReport>;
  readonly aspects: ReadonlyArray<ScoreReport>;
  readonly indicators: ReadonlyArray<IndicatorReport>;
  readonly issues: ReadonlyArray<IssueReport>;
}

export interface UnreadableReport {
  readonly file: string;
  readonly error: string;
}

/** Why a file could not be opened as a workbook. Stable: adapters throw these, front ends word them. */
export type UnreadableReason =
  | 'not-found'
  | 'not-a-file'
  | 'no-access'
  | 'empty'
  | 'encrypted'
  | 'xls'
  | 'ods'
  | 'xlsb'
  | 'text'
  | 'not-xlsx'
  | 'damaged'
  | 'no-sheets';

/** The problem each reason is (src/core/problems.ts: code, severity, message). */
export const UNREADABLE: Readonly<Record<UnreadableReason, ProblemCode>> = {
  'not-found': 'WORKBOOK_NOT_FOUND',
  'not-a-file': 'WORKBOOK_NOT_A_FILE',
  'no-access': 'WORKBOOK_NO_ACCESS',
  empty: 'WORKBOOK_EMPTY',
  encrypted: 'WORKBOOK_ENCRYPTED',
  xls: 'WORKBOOK_XLS',
  ods: 'WORKBOOK_ODS',
  xlsb: 'WORKBOOK_XLSB',
  text: 'WORKBOOK_TEXT',
  'not-xlsx': 'WORKBOOK_NOT_XLSX',
  damaged: 'WORKBOOK_DAMAGED',
  'no-sheets': 'WORKBOOK_NO_SHEETS',
};

/** The problem code of an unreadable file (unknown reasons read as "damaged"). */
export function unreadableCode(reason: UnreadableReason): ProblemCode {
  return Object.prototype.hasOwnProperty.call(UNREADABLE, reason) ? UNREADABLE[reason] : UNREADABLE.damaged;
}

/** The message for an unreadable file, in the user's language (unknown reasons read as "damaged"). */
export function unreadableMessage(reason: UnreadableReason, lang: Lang = 'id'): string {
  return describe({ code: unreadableCode(reason) }, lang);
}

export function toUnreadableReport(file: string, reason: UnreadableReason, lang: Lang = 'id'): UnreadableReport {
  return { file, error: unreadableMessage(reason, lang) };
}

/** Effective weights in percent by entry key; entries the framework does not know get none. */
function weightsOf(fw: Framework | null, entries: ReadonlyArray<AssessmentEntry>): Map<string, Rational> {
  if (!fw || entries.length === 0) return new Map();
  const ix = frameworkIndex(fw);
  const known = entries.filter((e) => entryStatus(ix, e.no, e.entry) === 'ok');
  try {
    return entryWeights(fw, known);
  } catch {
    return new Map();
  }
}

function levelNumber(level: Rational | null): number | null {
  return level === null ? null : toNumber(level);
}

/** The `spbe index --json` object of one assessed workbook. Messages in `lang` (default Indonesian). */
export function toIndexReport(file: string, a: Assessment, lang: Lang = 'id'): IndexReport {
  const fw = a.framework;
  const weights = weightsOf(fw, a.entries);
  const s = a.scores;
  const hasError = a.problems.some((p) => p.severity === 'error');
  const computed = s !== null && !hasError;
  return {
    file,
    sheet: a.table ? a.table.sheet : null,
    framework: fw ? fw.id : null,
    column: a.table ? a.table.levelColumn.header : null,
    index: computed ? s.index : null,
    indexRounded: computed ? s.indexRounded : null,
    predicate: computed ? s.predicate : null,
    domains: computed ? s.domains.map((d) => ({ no: d.no, name: d.name, index: d.index, indexRounded: d.indexRounded })) : [],
    aspects: computed ? s.aspects.map((x) => ({ no: x.no, name: x.name, index: x.index, indexRounded: x.indexRounded })) : [],
    indicators: a.entries.map((e) => {
      const w = weights.get(e.key);
      return { no: e.entry > 1 ? e.key : e.no, level: levelNumber(e.level), weight: w ? toNumber(w) : null, cell: e.sheet !== undefined ? cellRef(e.sheet, e.cell) : e.cell };
    }),
    issues: a.problems.map((p) => ({
      severity: p.severity,
      code: p.code,
      message: p.message[lang] ?? p.message.id,
      cell: p.cell,
      indicator: p.indicator,
    })),
  };
}

/** Exit status contribution of one report: 0 computed, 2 has errors, 1 unreadable. */
export function reportStatus(r: IndexReport | UnreadableReport): 0 | 1 | 2 {
  if ('error' in r) return 1;
  return r.index === null || r.issues.some((i) => i.severity === 'error') ? 2 : 0;
}
