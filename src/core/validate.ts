/**
 * The rules of worksheets.md. The entry rules (numbers the framework has, levels that can be read,
 * duplicates, missing indicators) are the entry collector's (src/core/entries.ts), the same for every
 * source; this file adds what only a worksheet has: rows left empty beyond the framework, levels in merged
 * cells, the sheet's own weight, name, evidence and target columns, and which level column was used.
 * Every problem comes from the problem table (src/core/problems.ts): code, severity, message in
 * Indonesian and English saying what is wrong, where, and what to do.
 *
 * Errors (the index cannot be trusted): NO_TABLE, SHEET_NOT_FOUND, COLUMN_NOT_FOUND, FRAMEWORK_UNKNOWN, TABLES_ON_SHEET,
 * FRAMEWORK_MISMATCH, NO_LEVEL_COLUMN, LEVEL_*, INDICATOR_MISSING, INDICATOR_DUPLICATE_CONFLICT,
 * INDICATOR_UNKNOWN. Warnings (the index is still computed from the regulation): INDICATOR_DUPLICATE,
 * WEIGHT_MISMATCH, NAME_MISMATCH, EVIDENCE_MISSING, TARGET_UNREADABLE, TABLE_NEWEST_ON_SHEET, SHEET_TRUNCATED (a sheet too long to
 * read whole: how far it was read). Notes (info, no action needed):
 * LEVEL_COLUMN_CHOSEN, LEVEL_COLUMN_NEWEST, OTHER_TABLES, PARTS_COMBINED, ROWS_NOT_INDICATORS, ROWS_IGNORED (rows numbered beyond the framework with nothing else in
 * them, e.g. a template numbered to 60: they carry no assessment).
 */
import type { AssessmentEntry, Framework, Problem, Rational, TableLocation } from './types';
import { a1 } from './address';
import { displayValue, hasValue } from './levels';
import { eq, fromNumber, roundHalfUp, toFixed } from './rational';
import { entryWeights } from './scoring';
import { collectEntries, type CollectedEntry, type EntryList } from './entries';
import { frameworkIndex } from './framework-index';
import { facts, severityOf, toProblem, type Location, type MessageArg, type MessageContext, type ProblemFacts } from './problems';
import { IndicatorNameMemo, nameSimilarity, nameTokens, officialNameTokens, type ReadResult } from './reader';

/** A problem found, with where it sorts: its row (−1 for the workbook-wide ones), indicator number and column. */
interface Found {
  readonly facts: ProblemFacts;
  readonly row: number;
  readonly col: number;
  readonly no: number;
}

function found(f: ProblemFacts, no = 0): Found {
  const at = f.at ?? null;
  if (at && at.kind === 'cell') return { facts: f, row: at.row, col: at.col, no };
  return { facts: f, row: no < 0 ? -1 : Number.MAX_SAFE_INTEGER, col: 0, no };
}

/** "-", "–", "—" (also repeated): a placeholder for nothing. */
function isDash(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch !== 45 && ch !== 0x2013 && ch !== 0x2014) return false;
  }
  return text.length > 0;
}

function blankValue(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A row with an indicator number and nothing else: no level in any stage, no name, weight, evidence, target or note. */
function emptyBesidesNumber(e: AssessmentEntry): boolean {
  return (
    blankValue(e.raw) &&
    blankValue(e.name) &&
    e.sheetWeight === null &&
    blankValue(e.evidence) &&
    e.target === null &&
    blankValue(e.note) &&
    e.stages.every((s) => blankValue(s.raw))
  );
}

/** "48–60, 62" from the keys "48" … "60", "62" (runs of whole numbers joined; other keys as written). */
function keyRanges(keys: ReadonlyArray<string>): string {
  const parts: string[] = [];
  let start: number | null = null;
  let prev: number | null = null;
  const close = (): void => {
    if (start === null || prev === null) return;
    parts.push(prev === start ? String(start) : prev === start + 1 ? `${start}, ${prev}` : `${start}–${prev}`);
    start = prev = null;
  };
  for (const k of keys) {
    if (/^\d+$/.test(k)) {
      const n = Number(k);
      if (prev !== null && n === prev + 1) prev = n;
      else {
        close();
        start = prev = n;
      }
    } else {
      close();
      parts.push(k);
    }
  }
  close();
  return parts.join(', ');
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * Applies every rule to what the reader found; the messages are worded for `context` (the command or the
 * pane). Deterministic order: errors, then warnings, then notes; each by row, indicator, column.
 */
export function validate(read: ReadResult, context: MessageContext = 'command'): Problem[] {
  return checkTable(read, context).problems;
}

/** The problems (as validate) and the entries that count, in framework order, ready for scoring. */
export function checkTable(read: ReadResult, context: MessageContext = 'command'): { problems: Problem[]; entries: ReadonlyArray<CollectedEntry> } {
  const out: Found[] = [];
  for (const f of read.issues) out.push(found(f, -1));
  const entries = read.table && read.framework ? tableProblems(read, read.table, read.framework, out) : [];
  // most sheets have no problem or one: nothing to sort
  if (out.length > 1) out.sort(byFoundOrder);
  const problems: Problem[] = new Array<Problem>(out.length);
  for (let i = 0; i < out.length; i++) problems[i] = toProblem(out[i].facts, context);
  return { problems, entries };
}

/** Errors, then warnings, then notes; each by row, indicator, column. */
function byFoundOrder(a: Found, b: Found): number {
  const sa = SEVERITY_RANK[severityOf(a.facts.code)];
  const sb = SEVERITY_RANK[severityOf(b.facts.code)];
  if (sa !== sb) return sa - sb;
  if (a.row !== b.row) return a.row - b.row;
  if (a.no !== b.no) return a.no - b.no;
  return a.col - b.col;
}

/** The rows of the table as the entry collector takes them, each located at its level cell. */
function sheetEntries(read: ReadResult, table: TableLocation): EntryList<AssessmentEntry> {
  const sheet = table.sheet;
  const col = table.levelColumn.col;
  const entries = read.entries;
  return {
    items: entries,
    at: (i) => ({ kind: 'cell', sheet: entries[i].sheet ?? sheet, row: entries[i].row, col }),
    keyAt: (i) => ({ kind: 'cell', sheet: entries[i].sheet ?? sheet, row: entries[i].row, col: table.numberColumn }),
    ignorable: (i) => emptyBesidesNumber(entries[i]),
    missingAt: { kind: 'sheet', sheet },
  };
}

/** The rules on the table's rows: the entry collector's, then the worksheet's own (problems added to `out`); the entries that count. */
function tableProblems(read: ReadResult, table: TableLocation, fw: Framework, out: Found[]): ReadonlyArray<CollectedEntry> {
  const noLevelColumn = read.issues.some((i) => i.code === 'NO_LEVEL_COLUMN');
  const entries = read.entries;
  const collected = collectEntries(fw, sheetEntries(read, table));
  for (const f of collected.problems) {
    // without a level column there is nothing to read: NO_LEVEL_COLUMN says so once
    if (noLevelColumn && f.code.startsWith('LEVEL_')) continue;
    out.push(found(located(f, read, table), noOf(f.indicator)));
  }
  const known = itemsAt(entries, collected.accepted);
  if (collected.ignored.length > 0) out.push(rowsIgnored(fw, table, itemsAt(entries, collected.ignored)));
  if (table.weightColumn !== null) weightProblems(fw, known, table.weightColumn, table.sheet, out);
  if (table.nameColumn !== null) nameProblems(fw, known, table.nameColumn, table.sheet, out);
  if (table.evidenceColumn !== null) evidenceProblems(known, table.evidenceColumn, table.sheet, out);
  if (table.targetColumn !== null) targetProblems(known, table.targetColumn, table.sheet, out);
  const chosen = levelColumnChosen(read, table, noLevelColumn);
  if (chosen) out.push(chosen);
  return collected.entries;
}

/** The items at `indices` (ascending); the list itself when every item is there (the common case: every row counts). */
function itemsAt<T>(items: ReadonlyArray<T>, indices: ReadonlyArray<number>): ReadonlyArray<T> {
  if (indices.length === items.length) return items;
  return indices.map((i) => items[i]);
}

/** The indicator number a key starts with ("35-2" → 35), for sorting. */
function noOf(key: string | null | undefined): number {
  const n = key ? parseInt(key, 10) : NaN;
  return Number.isFinite(n) ? n : 0;
}

/** A worksheet detail on a collector's problem: an empty level cell inside a merged area, or a formula never calculated, says so. */
function located(f: ProblemFacts, read: ReadResult, table: TableLocation): ProblemFacts {
  if (f.code !== 'LEVEL_BLANK' || !f.at || f.at.kind !== 'cell') return f;
  const key = (f.at.sheet === table.sheet ? '' : `${f.at.sheet}!`) + a1(f.at.row, table.levelColumn.col);
  if (read.uncalculatedLevelCells?.has(key)) return facts('LEVEL_BLANK', f.at, f.args ?? {}, { indicator: f.indicator, variant: 'LEVEL_BLANK_FORMULA' });
  const merged = read.mergedLevelCells?.get(key);
  if (merged === undefined) return f;
  // the cell shows the merged area's value, but only the area's top-left cell holds it
  return facts('LEVEL_BLANK', f.at, { ...f.args, merged }, { indicator: f.indicator, variant: 'LEVEL_BLANK_MERGED' });
}

function cellAt(sheet: string, row: number, col: number): Location {
  return { kind: 'cell', sheet, row, col };
}

/** Rows numbered beyond the framework with nothing else in them (a longer template): ignored, said once. */
function rowsIgnored(fw: Framework, table: TableLocation, ignored: ReadonlyArray<AssessmentEntry>): Found {
  const first = ignored[0];
  const f = facts('ROWS_IGNORED', cellAt(first.sheet ?? table.sheet, first.row, table.numberColumn), {
    numbers: keyRanges(ignored.map((e) => e.key)),
    rows: ignored.length,
    framework: fw.name,
    count: fw.indicators.length,
  });
  return found(f, first.no);
}

/** Names written in the rows that do not fit their number (shifted rows, wrong number); added to `out`. */
function nameProblems(fw: Framework, known: ReadonlyArray<AssessmentEntry>, col: number, sheet: string, out: Found[]): void {
  const defs = frameworkIndex(fw).defs;
  const slots = verdicts.slotsOf(fw);
  for (const e of known) {
    if (e.name === null) continue;
    const verdict = verdicts.get(fw, e.no, e.name, slots);
    if (verdict === 0) continue;
    const expected = defs[e.no]?.name ?? '';
    const at = cellAt(e.sheet ?? sheet, e.row, col);
    const f =
      verdict > 0
        ? facts('NAME_MISMATCH', at, { name: e.name, expected, likely: verdict }, { indicator: e.key })
        : facts('NAME_MISMATCH', at, { name: e.name, expected }, { indicator: e.key, variant: 'NAME_MISMATCH_NONE' });
    out.push(found(f, e.no));
  }
}

const TWO = BigInt(2);

/** Levels 2 and up without evidence (Bukti Dukung); added to `out`. */
function evidenceProblems(known: ReadonlyArray<AssessmentEntry>, col: number, sheet: string, out: Found[]): void {
  for (const e of known) {
    if (e.level === null || (e.evidence !== null && !isDash(e.evidence))) continue;
    if (e.level.num < TWO * e.level.den) continue;
    out.push(found(facts('EVIDENCE_MISSING', cellAt(e.sheet ?? sheet, e.row, col), { value: displayValue(e.raw) }, { indicator: e.key }), e.no));
  }
}

/** Targets the planner cannot read (it ignores them); added to `out`. */
function targetProblems(known: ReadonlyArray<AssessmentEntry>, col: number, sheet: string, out: Found[]): void {
  for (const e of known) {
    if (e.target !== null || !hasValue(e.targetRaw ?? null)) continue;
    out.push(found(facts('TARGET_UNREADABLE', cellAt(e.sheet ?? sheet, e.row, col), { value: displayValue(e.targetRaw ?? null) }, { indicator: e.key }), e.no));
  }
}

/** Which of several level columns was used (not when the one asked for does not exist: then none was). */
function levelColumnChosen(read: ReadResult, table: TableLocation, noLevelColumn: boolean): Found | null {
  if (table.levelColumns.length <= 1 || noLevelColumn || read.issues.some((i) => i.code === 'COLUMN_NOT_FOUND' || i.code === 'LEVEL_COLUMN_NEWEST')) return null;
  const chosen = table.levelColumn;
  const others = table.levelColumns.filter((c) => c.col !== chosen.col);
  const columns: MessageArg = {
    list: others.map((c) => ({ concat: [`"${c.header}" (${c.letter}`, ...(c.filled === 0 ? [', ', { word: 'noValues' as const }] : []), ')'] })),
  };
  const headerRow = table.headerRows[table.headerRows.length - 1];
  const f = facts('LEVEL_COLUMN_CHOSEN', cellAt(table.sheet, headerRow, chosen.col), {
    header: chosen.header,
    letter: chosen.letter,
    others: others.map((c) => c.letter).join(', '),
    columns,
  });
  return found(f, 0);
}

const verdicts = new IndicatorNameMemo(judgeName);

/**
 * Whether a name written in a row fits indicator `no`: 0 it fits (or cannot be judged), a positive
 * number = it rather names that other indicator (shifted rows), -1 = it shares nothing with it.
 * Names are compared as sets of content words, so "Kebijakan Internal Tim Pengarah …" matches
 * "Tingkat Kematangan Kebijakan Internal Tim Pengarah …". Cached per framework.
 */
export function nameVerdict(fw: Framework, no: number, name: string): number {
  return verdicts.get(fw, no, name);
}

/** nameVerdict, worked out. */
function judgeName(fw: Framework, no: number, name: string): number {
  const official = officialNameTokens(fw);
  let verdict = 0;
  const own = official.get(no);
  const tokens = nameTokens(name);
  if (own && tokens.length >= 2) {
    const sim = nameSimilarity(fw, tokens, own);
    if (sim < 0.5) {
      let bestNo = 0;
      let bestSim = 0;
      for (const [other, t] of official) {
        if (other === no) continue;
        const x = nameSimilarity(fw, tokens, t);
        if (x > bestSim) {
          bestSim = x;
          bestNo = other;
        }
      }
      if (bestSim >= 0.5 && bestSim >= sim + 0.25) verdict = bestNo;
      else if (sim === 0) verdict = -1;
    }
  }
  return verdict;
}

/**
 * The sheet's own weight column against the regulation: each entry's effective weight (the indicator's, or
 * its share of a spread aspect), compared as written (a sheet rounds 20/6 % to 3.33; it may store fractions,
 * 0.013 shown as 1.30 %). Floats first, exact rationals only at a boundary. Problems are added to `out`.
 */
function weightProblems(fw: Framework, known: ReadonlyArray<AssessmentEntry>, col: number, sheet: string, out: Found[]): void {
  const withWeight = known.filter((e) => e.sheetWeight !== null);
  if (withWeight.length === 0) return;
  let total = 0;
  for (const e of withWeight) total += e.sheetWeight as number;
  const scale = total > 0 && total <= 1.5 ? 100 : 1;
  const ix = frameworkIndex(fw);
  let extra = 0;
  for (const e of known) if (e.no === ix.repNo && e.entry > 1) extra++;
  let exact: Map<string, Rational> | null = null;
  const exactOf = (key: string): Rational | undefined => {
    if (!exact) exact = entryWeights(fw, known);
    return exact.get(key);
  };
  for (const e of withWeight) {
    if (!(e.no >= 1 && e.no <= ix.n)) continue;
    const bp = ix.indWeight[e.no];
    const aspect = ix.indAspect[e.no];
    const spread = extra > 0 && aspect === ix.spreadAspect;
    const eff = spread ? ix.aspWeight[aspect] / 100 / (ix.aspCount[aspect] + extra) : bp / 100;
    const w = (e.sheetWeight as number) * scale;
    // With repeated entries (spbe2018 35-2, 35-3) a sheet may show the spread weight (3.33 %) or the
    // regulation's own weight of the indicator (5 %): both are right.
    if (spread && Math.abs(w - bp / 100) < 1e-9) continue;
    const diff = Math.abs(w - eff);
    if (diff < 1e-9) continue;
    const d = decimalsOfNumber(w);
    if (d >= 1 && d <= 6) {
      // the exact weight rounded half-up to the decimals written (3.33 for 20/6 %)
      const half = 0.5 * Math.pow(10, -d);
      if (diff < half - 1e-9) continue;
      if (diff <= half + 1e-9) {
        const effR = exactOf(e.key);
        const wR = fromNumber(w);
        if (effR && wR && eq(roundHalfUp(effR, d), wR)) continue;
      }
    }
    const effR = exactOf(e.key);
    const wR = fromNumber(w);
    if (!effR || !wR) continue;
    const shown = d >= 0 && d <= 6 ? Math.max(d, 2) : 4;
    const args = { sheetWeight: { decimal: toFixed(wR, shown, '.') }, expected: { decimal: toFixed(effR, 2, '.') }, regulation: fw.regulation.title };
    out.push(found(facts('WEIGHT_MISMATCH', cellAt(e.sheet ?? sheet, e.row, col), args, { indicator: e.key }), e.no));
  }
}

/** Decimal places a number is written with (0 for integers), or -1 beyond 6. */
function decimalsOfNumber(x: number): number {
  let scale = 1;
  for (let d = 0; d <= 6; d++) {
    const y = x * scale;
    if (Math.abs(Math.round(y) - y) < 1e-9 * scale) return d;
    scale *= 10;
  }
  return -1;
}
