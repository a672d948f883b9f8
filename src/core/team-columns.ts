/**
 * The team's columns of an earlier gap sheet, carried over when a run replaces it (issue 10, "reruns keep the
 * team's work"). Pure: the earlier sheet's grid in (the adapters read the sheet our marker name points at:
 * src/xlsx/ooxml/read-workbook.ts `readMarkedSheetGrid`, src/excel/gap-sheet-read.ts), the team's entries out,
 * keyed by indicator entry ("12", "35-2").
 *
 * What is carried over, found by the table header's words in either language (the earlier sheet may have been
 * written in the other one) — so an earlier layout with fewer columns still gives what it has:
 *   Target, Kunci / Lock, Penanggung Jawab (OPD/PIC) / Owner, Tenggat / Deadline, Status Bukti Dukung /
 *   Evidence Status, Tautan Bukti / Evidence Link.
 * A target or a lock typed there feeds the next plan (src/app/assessment.ts `withTeamEntries`): the targets
 * become the goal when no other goal is given, the locks are kept.
 *
 * A row counts as "the team's entries" (`count`) when it holds anything besides a target equal to its current
 * level: a raised target, a lock, an owner, a deadline, an evidence status or link.
 */
import type { AssessmentEntry, CellValue, Grid, Rational } from './types';
import { catalogues, type Catalogue } from './i18n';
import { fromNumber, eq } from './rational';
import { parseTargetIndex } from './planner';

export interface TeamEntry {
  readonly key: string;
  /** The target typed (or planned) in the earlier sheet, or null. */
  readonly target: Rational | null;
  /** True when the Lock column holds a yes ("Ya", "Yes", "x", "✓", 1, TRUE …). */
  readonly lock: boolean;
  readonly owner: CellValue;
  /** As the cell held it: a date serial (number) or text. */
  readonly deadline: CellValue;
  readonly evidenceStatus: CellValue;
  readonly evidenceLink: CellValue;
}

export interface TeamColumns {
  /** By entry key ("12", "35-2"). */
  readonly entries: ReadonlyMap<string, TeamEntry>;
  /** Rows holding the team's work (see the top of this file). */
  readonly count: number;
}

export const NO_TEAM: TeamColumns = { entries: new Map(), count: 0 };

type Field = 'no' | 'current' | 'target' | 'lock' | 'owner' | 'deadline' | 'evidenceStatus' | 'evidenceLink';

const HEADER_KEYS: Readonly<Record<Field, keyof Catalogue['gap']>> = {
  no: 'colNo',
  current: 'colCurrent',
  target: 'colTarget',
  lock: 'colLock',
  owner: 'colOwner',
  deadline: 'colDeadline',
  evidenceStatus: 'colEvidenceStatus',
  evidenceLink: 'colEvidenceLink',
};

function norm(v: CellValue): string {
  return typeof v === 'string' ? v.replace(/\s+/g, ' ').trim().toLowerCase() : '';
}

/** The header words of a field in both languages. */
function wordsOf(field: Field): string[] {
  return (['id', 'en'] as const).map((l) => norm(catalogues[l].gap[HEADER_KEYS[field]]));
}

const NO_WORDS = new Set(['', '0', 'no', 'tidak', 'false', 'n', '-', '–', 'bukan']);

/** A yes in the Lock column: anything but empty, 0, no, tidak, false, a dash. */
export function isLockYes(v: CellValue): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'object') return false;
  return !NO_WORDS.has(norm(v));
}

function levelOf(v: CellValue): Rational | null {
  if (typeof v === 'number' && Number.isFinite(v)) return fromNumber(v);
  if (typeof v === 'string') return parseTargetIndex(v);
  return null;
}

function keyOf(v: CellValue): string | null {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return String(v);
  if (typeof v === 'string') {
    const t = v.trim();
    if (/^\d+(-\d+)?$/.test(t)) return t.replace(/^0+(?=\d)/, '');
  }
  return null;
}

function filled(v: CellValue): boolean {
  return v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '');
}

/**
 * The team's entries of an earlier gap sheet's grid: the first row holding the "No" and "Target" headers is the
 * table header; each row below with an entry key in the No column gives one entry, until the first row
 * without one. NO_TEAM when there is no such header.
 */
export function teamColumnsOf(grid: Grid | null | undefined): TeamColumns {
  if (!grid) return NO_TEAM;
  const rows = grid.values;
  const words = {} as Record<Field, string[]>;
  (Object.keys(HEADER_KEYS) as Field[]).forEach((f) => (words[f] = wordsOf(f)));
  let head = -1;
  let cols: Partial<Record<Field, number>> = {};
  for (let r = 0; r < rows.length && head < 0; r++) {
    const found: Partial<Record<Field, number>> = {};
    rows[r].forEach((v, c) => {
      const t = norm(v);
      if (t === '') return;
      for (const f of Object.keys(words) as Field[]) if (found[f] === undefined && words[f].includes(t)) found[f] = c;
    });
    if (found.no !== undefined && found.target !== undefined) {
      head = r;
      cols = found;
    }
  }
  if (head < 0) return NO_TEAM;
  const at = (row: ReadonlyArray<CellValue>, f: Field): CellValue => (cols[f] === undefined ? null : (row[cols[f] as number] ?? null));
  const entries = new Map<string, TeamEntry>();
  let count = 0;
  for (let r = head + 1; r < rows.length; r++) {
    const row = rows[r];
    const key = keyOf(at(row, 'no'));
    if (key === null) break;
    if (entries.has(key)) continue;
    const e: TeamEntry = {
      key,
      target: levelOf(at(row, 'target')),
      lock: isLockYes(at(row, 'lock')),
      owner: filled(at(row, 'owner')) ? at(row, 'owner') : null,
      deadline: filled(at(row, 'deadline')) ? at(row, 'deadline') : null,
      evidenceStatus: filled(at(row, 'evidenceStatus')) ? at(row, 'evidenceStatus') : null,
      evidenceLink: filled(at(row, 'evidenceLink')) ? at(row, 'evidenceLink') : null,
    };
    entries.set(key, e);
    const current = levelOf(at(row, 'current'));
    const raised = e.target !== null && (current === null || !eq(e.target, current));
    if (raised || e.lock || e.owner !== null || e.deadline !== null || e.evidenceStatus !== null || e.evidenceLink !== null) count++;
  }
  return { entries, count };
}

/** True when any entry carries a target above `current(key)` (then the team's targets describe a plan). */
export function hasRaisedTargets(team: TeamColumns, current: (key: string) => Rational | null): boolean {
  for (const e of team.entries.values()) {
    const c = current(e.key);
    if (e.target !== null && c !== null && e.target.num * c.den > c.num * e.target.den) return true;
  }
  return false;
}

/** The evidence of an entry: the source sheet's evidence cell, else the team's evidence link. */
export function evidenceOf(entry: Pick<AssessmentEntry, 'evidence'>, team: TeamEntry | undefined): string | null {
  if (entry.evidence && entry.evidence.trim() !== '') return entry.evidence;
  const link = team?.evidenceLink;
  return typeof link === 'string' || typeof link === 'number' ? String(link) : null;
}
