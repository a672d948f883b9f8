/**
 * The error and warning rules of worksheets.md. Every problem has a stable code, the sheet, the A1
 * cell, the indicator, and a message in Indonesian and English (from the `problems` catalogue)
 * saying what is wrong, where, and what to do.
 *
 * Errors (the index cannot be trusted): NO_TABLE, SHEET_NOT_FOUND, COLUMN_NOT_FOUND,
 * FRAMEWORK_UNKNOWN, FRAMEWORK_MISMATCH, NO_LEVEL_COLUMN, LEVEL_BLANK, LEVEL_NOT_A_LEVEL, LEVEL_ERROR_VALUE,
 * LEVEL_OUT_OF_RANGE, LEVEL_FRACTIONAL, LEVEL_AMBIGUOUS, INDICATOR_MISSING,
 * INDICATOR_DUPLICATE_CONFLICT, INDICATOR_UNKNOWN.
 * Warnings (the index is still computed from the regulation): INDICATOR_DUPLICATE, WEIGHT_MISMATCH,
 * NAME_MISMATCH, EVIDENCE_MISSING, TARGET_UNREADABLE, LEVEL_COLUMN_CHOSEN, OTHER_TABLES, SHEET_TRUNCATED (a sheet too long to
 * read whole: how far it was read), ROWS_IGNORED (rows numbered beyond the framework with
 * nothing else in them, e.g. a template numbered to 60: not an error, since they carry no assessment).
 */
import type { AssessmentEntry, Framework, Lang, Problem, Rational, Severity } from './types';
import { a1, cellRef } from './address';
import { displayValue, hasValue, parseLevel } from './levels';
import { eq, fromNumber, roundHalfUp, toFixed, toNumber } from './rational';
import { entryWeights } from './scoring';
import { catalogues, format } from './i18n';
import { nameSimilarity, nameTokens, officialNameTokens, type ReadIssue, type ReadResult } from './reader';

type ProblemKey = keyof (typeof catalogues)['id']['problems'];
type Params = Record<string, string | number>;

/** Parameters that are words (from the catalogue) or numbers written per language. */
interface LangParams {
  readonly words?: Readonly<Record<string, ProblemKey>>;
  readonly decimals?: Readonly<Record<string, { value: Rational; digits: number }>>;
  /** Numbers as JS writes them ("2.5"); Indonesian messages get a decimal comma ("2,5"). */
  readonly numbers?: ReadonlyArray<string>;
}

function message(key: ProblemKey, params: Params, lang?: LangParams): Record<Lang, string> {
  const out = {} as Record<Lang, string>;
  for (const l of ['id', 'en'] as const) {
    const p: Params = { ...params };
    if (lang?.words) for (const [k, w] of Object.entries(lang.words)) p[k] = catalogues[l].problems[w];
    if (lang?.numbers && l === 'id') for (const k of lang.numbers) p[k] = String(p[k]).replace('.', ',');
    if (lang?.decimals)
      for (const [k, d] of Object.entries(lang.decimals)) p[k] = toFixed(d.value, d.digits, l === 'id' ? ',' : '.');
    out[l] = format(catalogues[l].problems[key], p);
  }
  return out;
}

interface Sorted {
  readonly problem: Problem;
  readonly row: number;
  readonly col: number;
  readonly no: number;
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

const ERROR_CODES = new Set([
  'NO_TABLE',
  'SHEET_NOT_FOUND',
  'COLUMN_NOT_FOUND',
  'FRAMEWORK_UNKNOWN',
  'NO_LEVEL_COLUMN',
  // only raised when the chosen framework does not fit the rows, which always comes with errors: said first
  'FRAMEWORK_MISMATCH',
]);

/** Applies every rule to what the reader found. Deterministic order: errors first, then by row, column, indicator. */
export function validate(read: ReadResult): Problem[] {
  const out: Sorted[] = [];
  const push: Push = (severity, code, key, sheet, row, col, indicator, params, lang, no = 0) => {
    const cell = row !== null && col !== null ? a1(row, col) : null;
    const where = sheet !== null && cell !== null ? cellRef(sheet, cell) : (sheet ?? '');
    const full: Params = { ...params, where, sheet: sheet ?? '' };
    if (indicator !== null && full.indicator === undefined) full.indicator = indicator;
    out.push({
      problem: { severity, code, cell, sheet, indicator, message: message(key, full, lang), params },
      row: row ?? (no < 0 ? -1 : Number.MAX_SAFE_INTEGER),
      col: col ?? 0,
      no,
    });
  };

  for (const issue of read.issues) pushIssue(issue, push);

  const table = read.table;
  const fw = read.framework;
  if (table && fw) {
    const sheet = table.sheet;
    const noLevelColumn = read.issues.some((i) => i.code === 'NO_LEVEL_COLUMN');
    const count = fw.indicators.length;
    const rep = fw.repeatable;
    const range: LangParams = { words: { range: fw.values === 'decimal' ? 'rangeDecimal' : 'rangeWhole' } };
    // first entry of each key, indexed by no * width + min(entry, 15) (keys are never compared as strings);
    // width = largest entry + 1 (at most 16), so a sheet without repeated entries needs 2 slots per number
    let maxNo = count;
    let maxEntry = 1;
    for (const e of read.entries) {
      if (e.no > maxNo) maxNo = e.no;
      if (e.entry > maxEntry) maxEntry = e.entry;
    }
    const width = Math.min(maxEntry, 15) + 1;
    // a plain array: allocating a typed array costs more than filling this few slots
    const firstOf: number[] = new Array<number>((maxNo + 1) * width).fill(-1);
    const entries = read.entries;
    const known: AssessmentEntry[] = [];
    const ignored: AssessmentEntry[] = [];

    for (let idx = 0; idx < entries.length; idx++) {
      const e = entries[idx];
      const numberCellValue = e.key;
      // unknown numbers and entries
      const knownNo = !e.key.includes('.') && e.no >= 1 && e.no <= count;
      const entryOk = e.entry === 1 || (rep !== undefined && rep.indicator === e.no && e.entry <= rep.maxEntries);
      if (!knownNo || !entryOk) {
        if (emptyBesidesNumber(e)) {
          ignored.push(e);
          continue;
        }
        const base = { value: numberCellValue, framework: fw.name, count };
        if (!knownNo) push('error', 'INDICATOR_UNKNOWN', 'INDICATOR_UNKNOWN', sheet, e.row, table.numberColumn, e.key, base, undefined, e.no);
        else if (rep)
          push('error', 'INDICATOR_UNKNOWN', 'INDICATOR_UNKNOWN_ENTRY', sheet, e.row, table.numberColumn, e.key, {
            ...base,
            repeatable: rep.indicator,
            max: rep.maxEntries,
          }, undefined, e.no);
        else push('error', 'INDICATOR_UNKNOWN', 'INDICATOR_UNKNOWN_NO_REPEAT', sheet, e.row, table.numberColumn, e.key, base, undefined, e.no);
        continue;
      }
      // level
      if (!noLevelColumn && e.level === null) {
        const p = parseLevel(e.raw, fw, e.no);
        if (!p.ok) {
          let key = p.code as ProblemKey;
          if (p.code === 'LEVEL_OUT_OF_RANGE' && p.params.reason === 'zero') key = fw.id === 'spbe2018' ? 'LEVEL_ZERO_2018' : 'LEVEL_ZERO';
          const params: Params = { ...p.params, framework: fw.name };
          const merged = p.code === 'LEVEL_BLANK' ? read.mergedLevelCells?.get(e.cell) : undefined;
          if (merged !== undefined) {
            // the cell shows the merged area's value, but only the area's top-left cell holds it
            key = 'LEVEL_BLANK_MERGED';
            params.merged = merged;
          }
          const langParams: LangParams = typeof e.raw === 'number' ? { ...range, numbers: ['value'] } : range;
          push('error', p.code, key, sheet, e.row, table.levelColumn.col, e.key, params, langParams, e.no);
        }
      }
      // duplicates
      const slot = e.no * width + Math.min(e.entry, 15);
      const first = firstOf[slot] >= 0 ? entries[firstOf[slot]] : undefined;
      if (first) {
        const same = first.level !== null && e.level !== null ? eq(first.level, e.level) : displayValue(first.raw) === displayValue(e.raw);
        const params: Params = {
          value: displayValue(e.raw),
          otherValue: displayValue(first.raw),
          other: cellRef(sheet, first.cell),
        };
        const blanks: Record<string, ProblemKey> = {};
        if (params.value === '') blanks.value = 'blank';
        if (params.otherValue === '') blanks.otherValue = 'blank';
        if (same) push('warning', 'INDICATOR_DUPLICATE', 'INDICATOR_DUPLICATE', sheet, e.row, table.levelColumn.col, e.key, params, { words: blanks }, e.no);
        else if (rep && rep.indicator === e.no)
          push('error', 'INDICATOR_DUPLICATE_CONFLICT', 'INDICATOR_DUPLICATE_CONFLICT_REPEATABLE', sheet, e.row, table.levelColumn.col, e.key, {
            ...params,
            max: rep.maxEntries,
          }, { words: blanks }, e.no);
        else push('error', 'INDICATOR_DUPLICATE_CONFLICT', 'INDICATOR_DUPLICATE_CONFLICT', sheet, e.row, table.levelColumn.col, e.key, params, { words: blanks }, e.no);
        continue;
      }
      firstOf[slot] = idx;
      known.push(e);
    }

    // rows numbered beyond the framework with nothing else in them (a longer template): ignored, said once
    if (ignored.length > 0) {
      const first = ignored[0];
      push('warning', 'ROWS_IGNORED', 'ROWS_IGNORED', sheet, first.row, table.numberColumn, null, {
        numbers: keyRanges(ignored.map((e) => e.key)),
        rows: ignored.length,
        framework: fw.name,
        count,
      }, undefined, first.no);
    }

    // missing indicators
    for (const ind of fw.indicators) {
      if (firstOf[ind.no * width + 1] < 0) {
        push('error', 'INDICATOR_MISSING', 'INDICATOR_MISSING', sheet, null, null, String(ind.no), { name: ind.name }, undefined, ind.no);
      }
    }

    // weights written in the sheet
    if (table.weightColumn !== null) checkWeights(fw, known, table.weightColumn, sheet, push);

    // names
    if (table.nameColumn !== null) {
      for (const e of known) {
        if (e.name === null) continue;
        const verdict = nameVerdict(fw, e.no, e.name);
        if (verdict === 0) continue;
        const expected = fw.indicators.find((i) => i.no === e.no)?.name ?? '';
        if (verdict > 0) {
          push('warning', 'NAME_MISMATCH', 'NAME_MISMATCH', sheet, e.row, table.nameColumn, e.key, { name: e.name, expected, likely: verdict }, undefined, e.no);
        } else {
          push('warning', 'NAME_MISMATCH', 'NAME_MISMATCH_NONE', sheet, e.row, table.nameColumn, e.key, { name: e.name, expected }, undefined, e.no);
        }
      }
    }

    // evidence
    if (table.evidenceColumn !== null) {
      const two = { num: BigInt(2), den: BigInt(1) };
      for (const e of known) {
        if (e.level === null || (e.evidence !== null && !isDash(e.evidence))) continue;
        if (e.level.num < two.num * e.level.den) continue;
        push('warning', 'EVIDENCE_MISSING', 'EVIDENCE_MISSING', sheet, e.row, table.evidenceColumn, e.key, { value: displayValue(e.raw) }, undefined, e.no);
      }
    }

    // targets the planner cannot read (it ignores them)
    if (table.targetColumn !== null) {
      for (const e of known) {
        if (e.target !== null || !hasValue(e.targetRaw ?? null)) continue;
        push('warning', 'TARGET_UNREADABLE', 'TARGET_UNREADABLE', sheet, e.row, table.targetColumn, e.key, { value: displayValue(e.targetRaw ?? null) }, undefined, e.no);
      }
    }

    // several level columns
    // (not when the column asked for does not exist: then no level column was used)
    if (table.levelColumns.length > 1 && !noLevelColumn && !read.issues.some((i) => i.code === 'COLUMN_NOT_FOUND')) {
      const chosen = table.levelColumn;
      const others = table.levelColumns.filter((c) => c.col !== chosen.col);
      const othersText = (l: Lang): string =>
        others
          .map((c) => `"${c.header}" (${c.letter}${c.filled === 0 ? `, ${catalogues[l].problems.noValues}` : ''})`)
          .join(', ');
      const headerRow = table.headerRows[table.headerRows.length - 1];
      const params: Params = { header: chosen.header, letter: chosen.letter, others: others.map((c) => c.letter).join(', ') };
      const where = cellRef(sheet, a1(headerRow, chosen.col));
      const msg = {
        id: format(catalogues.id.problems.LEVEL_COLUMN_CHOSEN, { ...params, where, others: othersText('id') }),
        en: format(catalogues.en.problems.LEVEL_COLUMN_CHOSEN, { ...params, where, others: othersText('en') }),
      };
      out.push({
        problem: { severity: 'warning', code: 'LEVEL_COLUMN_CHOSEN', cell: a1(headerRow, chosen.col), sheet, indicator: null, message: msg, params },
        row: headerRow,
        col: chosen.col,
        no: 0,
      });
    }
  }

  out.sort((a, b) => {
    const sa = a.problem.severity === 'error' ? 0 : 1;
    const sb = b.problem.severity === 'error' ? 0 : 1;
    if (sa !== sb) return sa - sb;
    if (a.row !== b.row) return a.row - b.row;
    if (a.no !== b.no) return a.no - b.no;
    return a.col - b.col;
  });
  return out.map((s) => s.problem);
}

const verdicts = new WeakMap<Framework, Map<number, Map<string, number>>>();

/**
 * Whether a name written in a row fits indicator `no`: 0 it fits (or cannot be judged), a positive
 * number = it rather names that other indicator (shifted rows), -1 = it shares nothing with it.
 * Names are compared as sets of content words, so "Kebijakan Internal Tim Pengarah …" matches
 * "Tingkat Kematangan Kebijakan Internal Tim Pengarah …". Cached per framework.
 */
export function nameVerdict(fw: Framework, no: number, name: string): number {
  let byNo = verdicts.get(fw);
  if (!byNo) {
    byNo = new Map();
    verdicts.set(fw, byNo);
  }
  let cache = byNo.get(no);
  if (!cache) {
    cache = new Map();
    byNo.set(no, cache);
  }
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
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
  if (cache.size >= 256) cache.clear();
  cache.set(name, verdict);
  return verdict;
}

type Push = (
  severity: Severity,
  code: string,
  key: ProblemKey,
  sheet: string | null,
  row: number | null,
  col: number | null,
  indicator: string | null,
  params: Params,
  lang?: LangParams,
  no?: number,
) => void;

function pushIssue(issue: ReadIssue, push: Push): void {
  const severity: Severity = ERROR_CODES.has(issue.code) ? 'error' : 'warning';
  let row: number | null = null;
  let col: number | null = null;
  if (issue.cell) {
    const m = /^([A-Z]+)(\d+)$/.exec(issue.cell);
    if (m) {
      row = parseInt(m[2], 10) - 1;
      let c = 0;
      for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
      col = c - 1;
    }
  }
  push(severity, issue.code, issue.code, issue.sheet, row, col, null, issue.params, undefined, -1);
}



function checkWeights(fw: Framework, known: AssessmentEntry[], col: number, sheet: string, push: Push): void {
  const withWeight = known.filter((e) => e.sheetWeight !== null);
  if (withWeight.length === 0) return;
  // Sheets that store weights as fractions (0.013 shown as 1.30 %).
  let total = 0;
  for (const e of withWeight) total += e.sheetWeight as number;
  const fractions = total > 0 && total <= 1.5;
  const scale = fractions ? 100 : 1;
  // Each entry's effective weight in percent, as a float first (exact rationals only at a boundary).
  const info = weightInfo(fw);
  let extra = 0;
  if (fw.repeatable) for (const e of known) if (e.no === fw.repeatable.indicator && e.entry > 1) extra++;
  let exact: Map<string, Rational> | null = null;
  const exactOf = (key: string): Rational | undefined => {
    if (!exact) exact = entryWeights(fw, known);
    return exact.get(key);
  };
  for (const e of withWeight) {
    const bp = info.bp[e.no];
    if (bp === undefined) continue;
    const aspect = info.aspectOf[e.no];
    const spread = extra > 0 && aspect === info.spreadAspect;
    const eff = spread ? info.aspectBp[aspect] / 100 / (info.aspectCount[aspect] + extra) : bp / 100;
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
    push(
      'warning',
      'WEIGHT_MISMATCH',
      'WEIGHT_MISMATCH',
      sheet,
      e.row,
      col,
      e.key,
      { sheetWeight: w, expected: toNumber(effR), regulation: fw.regulation.title },
      { decimals: { sheetWeight: { value: wR, digits: shown }, expected: { value: effR, digits: 2 } } },
      e.no,
    );
  }
}

interface WeightInfo {
  readonly bp: number[];
  readonly aspectOf: number[];
  readonly aspectBp: Record<number, number>;
  readonly aspectCount: Record<number, number>;
  readonly spreadAspect: number;
}

const weightInfoCache = new WeakMap<Framework, WeightInfo>();

/** Indicator and aspect weights of a framework, by number (cached). */
function weightInfo(fw: Framework): WeightInfo {
  let info = weightInfoCache.get(fw);
  if (!info) {
    const bp: number[] = [];
    const aspectOf: number[] = [];
    const aspectCount: Record<number, number> = {};
    for (const ind of fw.indicators) {
      bp[ind.no] = ind.weight;
      aspectOf[ind.no] = ind.aspect;
      aspectCount[ind.aspect] = (aspectCount[ind.aspect] ?? 0) + 1;
    }
    const aspectBp: Record<number, number> = {};
    for (const a of fw.aspects) aspectBp[a.no] = a.weight;
    const spreadAspect = fw.repeatable ? (aspectOf[fw.repeatable.indicator] ?? -1) : -1;
    info = { bp, aspectOf, aspectBp, aspectCount, spreadAspect };
    weightInfoCache.set(fw, info);
  }
  return info;
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
