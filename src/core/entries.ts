/**
 * The entry collector: the one place that decides which entries of an assessment count. Whatever the
 * source — the rows of a worksheet table, a custom function's range of values, the pane re-reading the
 * workbook after an edit — the same rules apply, in the same order, and give the same problems:
 *
 * 1. the entry's number and repeat must exist in the framework (INDICATOR_UNKNOWN, with a variant saying
 *    why); a worksheet row that holds nothing but an unknown number is ignored instead (a longer template);
 * 2. its level must be readable (LEVEL_BLANK, LEVEL_NOT_A_LEVEL, LEVEL_ERROR_VALUE, LEVEL_OUT_OF_RANGE,
 *    LEVEL_FRACTIONAL, LEVEL_AMBIGUOUS: parseLevel's verdict);
 * 3. a key given twice: with the same level it counts once (INDICATOR_DUPLICATE, a warning), with
 *    different levels it is an error (INDICATOR_DUPLICATE_CONFLICT);
 * 4. every indicator must be there (INDICATOR_MISSING).
 *
 * The place of each entry is data (a Location: a worksheet cell, the n-th value of a range …), so the
 * problems read right wherever they came from. The entries that count come out in framework order (by
 * number, then entry), as the scoring engine takes them; whole levels 1–5 are the framework index's shared
 * entries, so the common case allocates nothing per value and scores on the fast path.
 */
import type { CellValue, Framework, Rational } from './types';
import { displayValue, parseLevel, type LevelFailure } from './levels';
import { entryStatus, frameworkIndex, sharedEntry, sharedOfNumber, type FrameworkIndex, type SharedEntry } from './framework-index';
import { facts, type Location, type MessageArgs, type ProblemFacts } from './problems';
import { eq } from './rational';
import type { ScoredEntry } from './scoring';

/** One raw entry: an indicator key and the value given for it. */
export interface RawEntry {
  readonly key: string;
  readonly no: number;
  /** 1, or 2.. for a repeated entry (spbe2018 35-2). */
  readonly entry: number;
  readonly raw: CellValue;
  /** The level already read from `raw` (the worksheet reader reads it), null when unreadable; absent: read here. */
  readonly level?: Rational | null;
}

/** Raw entries with their places. Places and "ignorable" are asked only for entries that have a problem. */
export interface EntryList<T extends RawEntry = RawEntry> {
  readonly items: ReadonlyArray<T>;
  /** Where item i's value is. */
  at(i: number): Location;
  /** Where item i's key is written, when that is elsewhere (a worksheet's number column); default: at(i). */
  keyAt?(i: number): Location;
  /** True when item i is a worksheet row holding nothing but its number: unknown, it is ignored rather than an error. */
  ignorable?(i: number): boolean;
  /** Where a missing indicator is reported (the worksheet table's sheet); null: nowhere in particular. */
  readonly missingAt?: Location | null;
}

/** Levels in framework order, one per indicator (a one-row or one-column range): the i-th value is indicator i+1. */
export interface LevelList {
  readonly count: number;
  level(i: number): unknown;
  at(i: number): Location;
}

/** An entry that counts: a shared whole-level entry, or one with its own exact level. */
export type CollectedEntry = ScoredEntry | SharedEntry;

export interface Collected {
  /** The entries that count, one per key, in framework order (number, then entry). */
  readonly entries: ReadonlyArray<CollectedEntry>;
  /** Problems, in the order the items were looked at (then the missing indicators). */
  readonly problems: ReadonlyArray<ProblemFacts>;
  /** Indices of the items that count (the first of each key), in item order. */
  readonly accepted: ReadonlyArray<number>;
  /** Indices of the items ignored (unknown numbers on otherwise empty rows), in item order. */
  readonly ignored: ReadonlyArray<number>;
}

export interface CollectOptions {
  /** Stop at the first error (a custom function returns only that one). */
  readonly firstError?: boolean;
  /** Turns a value of a LevelList into a cell value (a custom function's argument: error objects, rich values); default: taken as it is. */
  readonly cellValue?: (x: unknown) => CellValue;
}

/** The framework as problems name it: its full name, its id, its indicator count. */
function frameworkArgs(fw: Framework): MessageArgs {
  return { framework: fw.name, frameworkId: fw.id, count: fw.indicators.length };
}

/** The message parameters of a level that cannot be read, and the variant that says it. */
export function levelFacts(p: LevelFailure, fw: Framework | null, at: Location, indicator: string | null, raw: CellValue): ProblemFacts {
  const args: Record<string, MessageArgs[string]> = { ...p.params };
  // a number is written the language's way in a worksheet message (2,5 in Indonesian)
  if (typeof raw === 'number') args.value = { decimal: String(p.params.value) };
  args.range = { word: fw !== null && fw.values === 'decimal' ? 'rangeDecimal' : fw === null ? 'rangeDecimal' : 'rangeWhole' };
  args.framework = fw ? fw.name : '';
  args.frameworkId = fw ? fw.id : '';
  if (p.code === 'LEVEL_OUT_OF_RANGE' && p.params.reason === 'zero') {
    return facts('LEVEL_OUT_OF_RANGE', at, args, { indicator, variant: fw?.levelZeroInTranscriptions ? 'LEVEL_ZERO_2018' : 'LEVEL_ZERO' });
  }
  return facts(p.code, at, args, { indicator });
}

function unknownFacts(ix: FrameworkIndex, e: RawEntry, at: Location): ProblemFacts {
  const fw = ix.fw;
  const args: MessageArgs = { ...frameworkArgs(fw), value: e.key };
  const status = entryStatus(ix, e.no, e.entry);
  if (status === 'unknown') return facts('INDICATOR_UNKNOWN', at, args, { indicator: e.key });
  if (status === 'no-repeats') return facts('INDICATOR_UNKNOWN', at, args, { indicator: e.key, variant: 'INDICATOR_UNKNOWN_NO_REPEAT' });
  return facts('INDICATOR_UNKNOWN', at, { ...args, repeatable: ix.repNo, max: ix.repMax }, { indicator: e.key, variant: 'INDICATOR_UNKNOWN_ENTRY' });
}

function duplicateFacts(ix: FrameworkIndex, e: RawEntry, at: Location, first: RawEntry, firstAt: Location, same: boolean): ProblemFacts {
  const value = displayValue(e.raw);
  const otherValue = displayValue(first.raw);
  const args: MessageArgs = {
    value: value === '' ? { word: 'blank' } : value,
    otherValue: otherValue === '' ? { word: 'blank' } : otherValue,
    other: { at: firstAt },
  };
  if (same) return facts('INDICATOR_DUPLICATE', at, args, { indicator: e.key });
  if (ix.repNo === e.no) return facts('INDICATOR_DUPLICATE_CONFLICT', at, { ...args, max: ix.repMax }, { indicator: e.key, variant: 'INDICATOR_DUPLICATE_CONFLICT_REPEATABLE' });
  return facts('INDICATOR_DUPLICATE_CONFLICT', at, args, { indicator: e.key });
}

function missingFacts(ix: FrameworkIndex, no: number, at: Location | null): ProblemFacts {
  const def = ix.defs[no];
  return facts('INDICATOR_MISSING', at, { ...frameworkArgs(ix.fw), name: def ? def.name : '' }, { indicator: ix.keys[no] });
}

/** The level of a raw entry as the entry that counts, or why it cannot count. */
function entryOf(ix: FrameworkIndex, e: RawEntry): CollectedEntry | LevelFailure {
  let level = e.level;
  if (level === undefined) {
    const v = e.raw;
    if (e.entry === 1 && typeof v === 'number' && v >= 1 && v <= 5 && Math.floor(v) === v) {
      const s = ix.shared[e.no * 6 + v];
      if (s) return s;
    }
    const p = parseLevel(v, ix.fw, e.no);
    if (!p.ok) return p;
    level = p.level;
  }
  if (level === null) {
    const p = parseLevel(e.raw, ix.fw, e.no);
    // the caller could not read it either: say why (a reader that read it differently would be a bug)
    return p.ok ? { ok: false, code: 'LEVEL_NOT_A_LEVEL', params: { value: displayValue(e.raw) } } : p;
  }
  if (e.entry !== 1) return { key: e.key, no: e.no, entry: e.entry, level };
  return numberEntry(ix, e, level) ?? sharedEntry(ix, e.no, level) ?? { key: e.key, no: e.no, entry: 1, level };
}

/**
 * A level written as a number (2.75) that the reader already read: the framework index's entry for that
 * number (memoised by value; a whole number of thousandths is a shared entry that scoring sums as
 * integers), when it is the same level. Null for any other value.
 */
function numberEntry(ix: FrameworkIndex, e: RawEntry, level: Rational): CollectedEntry | null {
  const v = e.raw;
  if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  const got = sharedOfNumber(ix, e.no, v);
  return !isFailure(got) && eq(got.level, level) ? got : null;
}

function isFailure(x: CollectedEntry | LevelFailure): x is LevelFailure {
  return (x as LevelFailure).ok === false;
}

function sameLevel(a: CollectedEntry, b: CollectedEntry): boolean {
  return a === b || eq(a.level, b.level);
}

/**
 * Collects the entries of `fw` from raw entries with places (worksheet rows, two-column ranges), or from
 * levels in framework order (one-row or one-column ranges). Never throws on bad input.
 */
export function collectEntries(fw: Framework, list: EntryList | LevelList, options: CollectOptions = {}): Collected {
  const ix = frameworkIndex(fw);
  return (list as EntryList).items !== undefined ? collectKeyed(ix, list as EntryList, options) : collectOrdered(ix, list as LevelList, options);
}

function collectOrdered(ix: FrameworkIndex, list: LevelList, options: CollectOptions): Collected {
  const n = ix.n;
  let problems: ProblemFacts[] | null = null;
  const count = Math.min(n, list.count);
  const entries: CollectedEntry[] = new Array(count);
  const cellValue = options.cellValue;
  const shared = ix.shared;
  for (let i = 0; i < count; i++) {
    const v = list.level(i);
    if (typeof v === 'number') {
      if (v >= 1 && v <= 5 && Math.floor(v) === v) {
        entries[i] = shared[(i + 1) * 6 + v] as SharedEntry;
        continue;
      }
      // a decimal (2.75): its entry memoised by value; a cell value of a finite number is the number itself
      if (Number.isFinite(v) && (cellValue === undefined || cellValue(v) === v)) {
        const got = sharedOfNumber(ix, i + 1, v);
        if (!isFailure(got)) {
          entries[i] = got;
          continue;
        }
      }
    }
    const no = i + 1;
    const raw = cellValue ? cellValue(v) : (v as CellValue);
    const p = parseLevel(raw, ix.fw, no);
    if (!p.ok) {
      (problems ??= []).push(levelFacts(p, ix.fw, list.at(i), ix.keys[no], raw));
      if (options.firstError) break;
      continue;
    }
    entries[i] = sharedEntry(ix, no, p.level) ?? { key: ix.keys[no], no, entry: 1, level: p.level };
  }
  if (problems === null) return { entries, problems: NONE_PROBLEMS, accepted: NONE, ignored: NONE };
  return { entries: entries.filter((e) => e !== undefined), problems, accepted: NONE, ignored: NONE };
}

const NONE_PROBLEMS: ReadonlyArray<ProblemFacts> = [];
const NONE: ReadonlyArray<number> = [];

/**
 * The shared entry of item `e` (entry 1 of indicator `no`) when its level is a whole 1–5 with nothing to
 * check: a number, or a text the reader already read ("Tingkat 3", "III"). Undefined otherwise (the item
 * takes the full way: a decimal, an unreadable value, a text nobody has read yet).
 */
function wholeEntry(ix: FrameworkIndex, shared: FrameworkIndex['shared'], no: number, e: RawEntry): SharedEntry | undefined {
  const v = e.raw;
  if (typeof v === 'number') return v >= 1 && v <= 5 && (v | 0) === v && e.level !== null ? shared[no * 6 + v] : undefined;
  const level = e.level;
  return level ? (sharedEntry(ix, no, level) ?? undefined) : undefined;
}

/** The `count` entries of `counted` (a list with gaps), in order. */
function withoutGaps(counted: ReadonlyArray<CollectedEntry | undefined>, count: number): CollectedEntry[] {
  const entries: CollectedEntry[] = new Array<CollectedEntry>(count);
  let k = 0;
  for (const c of counted) if (c !== undefined) entries[k++] = c;
  return entries;
}

function collectKeyed(ix: FrameworkIndex, list: EntryList, options: CollectOptions): Collected {
  const items = list.items;
  let problems: ProblemFacts[] | null = null;
  // sized once (most items count), trimmed at the end
  const accepted: number[] = new Array<number>(items.length);
  let acceptedCount = 0;
  let countedN = 0;
  let ignored: number[] | null = null;
  const n = ix.n;
  const firstError = options.firstError === true;
  // the first item of each key: entry 1 by number (scratch, -1 = none), repeats (35-2) by number × 16 + entry
  const firstOf = ix.firstOf;
  firstOf.fill(-1);
  let repeatFirst: Map<number, number> | null = null;
  // the entry that counts for each number, at no - 1: when every number has one, this is the list of entries
  const counted: Array<CollectedEntry | undefined> = new Array(n);
  let repeats: Array<[number, CollectedEntry]> | null = null;
  let errors = 0;
  const shared = ix.shared;
  for (let i = 0; i < items.length; i++) {
    const e = items[i];
    const no = e.no;
    // the common case first: entry 1 of a known indicator, a plain whole level (a shared entry, nothing to check)
    if (e.entry === 1 && no >= 1 && no <= n && (no | 0) === no && firstOf[no] < 0) {
      const whole = wholeEntry(ix, shared, no, e);
      if (whole !== undefined) {
        accepted[acceptedCount++] = i;
        firstOf[no] = i;
        counted[no - 1] = whole;
        countedN++;
        continue;
      }
    }
    if (entryStatus(ix, e.no, e.entry) !== 'ok') {
      if (list.ignorable?.(i)) (ignored ??= []).push(i);
      else {
        (problems ??= []).push(unknownFacts(ix, e, list.keyAt ? list.keyAt(i) : list.at(i)));
        errors++;
        if (firstError) break;
      }
      continue;
    }
    const got = entryOf(ix, e);
    const failed = isFailure(got);
    if (failed) {
      (problems ??= []).push(levelFacts(got, ix.fw, list.at(i), e.key, e.raw));
      errors++;
      if (firstError) break;
    }
    const repeat = e.entry !== 1;
    const slot = e.no * 16 + e.entry;
    const first = repeat ? repeatFirst?.get(slot) : firstOf[e.no] >= 0 ? firstOf[e.no] : undefined;
    if (first !== undefined) {
      const before = repeat ? repeats?.find((r) => r[0] === slot)?.[1] : counted[e.no - 1];
      const same = before !== undefined && !failed ? sameLevel(before, got as CollectedEntry) : displayValue(items[first].raw) === displayValue(e.raw);
      (problems ??= []).push(duplicateFacts(ix, e, list.at(i), items[first], list.at(first), same));
      if (!same) {
        errors++;
        if (firstError) break;
      }
      continue;
    }
    accepted[acceptedCount++] = i;
    if (!repeat) {
      firstOf[e.no] = i;
      if (!failed) {
        counted[e.no - 1] = got as CollectedEntry;
        countedN++;
      }
    } else {
      (repeatFirst ??= new Map()).set(slot, i);
      if (!failed) (repeats ??= []).push([slot, got as CollectedEntry]);
    }
  }
  if (!(firstError && errors > 0)) {
    for (let no = 1; no <= n; no++) {
      if (firstOf[no] < 0) {
        (problems ??= []).push(missingFacts(ix, no, list.missingAt ?? null));
        if (firstError) break;
      }
    }
  }
  const entries = countedN === n ? (counted as CollectedEntry[]) : withoutGaps(counted, countedN);
  if (repeats) {
    repeats.sort((a, b) => a[0] - b[0]);
    for (const r of repeats) entries.push(r[1]);
  }
  if (acceptedCount < accepted.length) accepted.length = acceptedCount;
  return { entries, problems: problems ?? NONE_PROBLEMS, accepted, ignored: ignored ?? NONE };
}
