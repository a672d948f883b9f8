/**
 * The custom functions SPBE.* as Excel sees them: thin wrappers over the pure functions in
 * ./impl.ts that turn a tagged error value into a CustomFunctions.Error (#VALUE! or #N/A, the two
 * error codes Excel shows a message for, with a message naming the offending value and its
 * position). The JSDoc below IS the metadata: custom-functions-metadata generates functions.json
 * from it at build time (see scripts/functions-metadata.js); test/functions/metadata.test.ts checks
 * the result against a committed expectation, because ids and names are stored in users' workbooks forever.
 *
 * This file is also the webpack entry "functions" of the shared-runtime page: the only code that
 * runs at load is registerCustomFunctions() and the language hook at the bottom, both guarded so
 * the module imports cleanly in Node tests and in a plain browser.
 */
import type { Lang } from '../core/types';
import { langFromTag } from '../core/i18n';
import {
  isFnError,
  spbeAspect,
  spbeCheck,
  spbeDomain,
  spbeIndex,
  spbeLevel,
  spbePlan,
  spbePredicate,
  spbeUplift,
  spbeWeight,
  type Fn,
} from './impl';

let lang: Lang = 'id';

/** Messages follow Excel's display language: Indonesian when it is Indonesian, English for any other. */
export function setFunctionsLanguage(tag: string | null | undefined): Lang {
  lang = langFromTag(tag);
  return lang;
}

export function functionsLanguage(): Lang {
  return lang;
}

/** The result for Excel: the value, or a CustomFunctions.Error carrying the message. Called only while Excel calculates. */
function toExcel<T>(r: Fn<T>): T | CustomFunctions.Error {
  if (!isFnError(r)) return r;
  // CustomFunctions.ErrorCode's values are the error strings themselves ("#VALUE!", "#N/A").
  return new CustomFunctions.Error(r.code as CustomFunctions.ErrorCode, r.message);
}

/**
 * The SPBE / Pemerintah Digital index at full precision (round only for display).
 * @customfunction INDEX INDEX
 * @param values The indicator levels: 35, 47 or 20 cells in one row or column in framework order, or two columns (indicator number, level) in any order.
 * @param [framework] Optional: spbe2018, spbe2020 or pemdi2026 (or the regulation, e.g. "59/2020"); without it the framework follows from the number of values.
 * @returns {number} The index.
 */
export function index(values: any[][], framework?: string) {
  return toExcel(spbeIndex(values, framework, lang));
}

/**
 * The index of one aspect at full precision.
 * @customfunction ASPECT ASPECT
 * @param values The indicator levels: 35, 47 or 20 cells in one row or column in framework order, or two columns (indicator number, level) in any order.
 * @param aspect Aspect number (1–7 in spbe2018 and pemdi2026, 1–8 in spbe2020).
 * @param [framework] Optional: spbe2018, spbe2020 or pemdi2026 (or the regulation, e.g. "59/2020"); without it the framework follows from the number of values.
 * @returns {number} The aspect index.
 */
export function aspect(values: any[][], aspect: number, framework?: string) {
  return toExcel(spbeAspect(values, aspect, framework, lang));
}

/**
 * The index of one domain at full precision (spbe2018 and spbe2020; pemdi2026 has no domains).
 * @customfunction DOMAIN DOMAIN
 * @param values The indicator levels: 35, 47 or 20 cells in one row or column in framework order, or two columns (indicator number, level) in any order.
 * @param domain Domain number (1–3 in spbe2018, 1–4 in spbe2020).
 * @param [framework] Optional: spbe2018, spbe2020 or pemdi2026 (or the regulation, e.g. "59/2020"); without it the framework follows from the number of values.
 * @returns {number} The domain index.
 */
export function domain(values: any[][], domain: number, framework?: string) {
  return toExcel(spbeDomain(values, domain, framework, lang));
}

/**
 * The predicate of an index value: Memuaskan, Sangat Baik, Baik, Cukup or Kurang.
 * @customfunction PREDICATE PREDICATE
 * @param index The index value (1–5).
 * @param [framework] Optional: spbe2018, spbe2020 (default) or pemdi2026, or the regulation (e.g. "8/2026").
 * @param [basis] Optional: "exact" (default) classifies the full-precision index; "rounded" classifies it rounded to 2 decimals.
 * @returns {string} The predicate.
 */
export function predicate(index: number, framework?: string, basis?: string) {
  return toExcel(spbePredicate(index, framework, basis, lang));
}

/**
 * The weight of an indicator in percent of the whole index.
 * @customfunction WEIGHT WEIGHT
 * @param indicator Indicator number.
 * @param [framework] Optional: spbe2018, spbe2020 (default) or pemdi2026, or the regulation (e.g. "8/2026").
 * @returns {number} The weight in percent.
 */
export function weight(indicator: any, framework?: string) {
  return toExcel(spbeWeight(indicator, framework, lang));
}

/**
 * The numeric level of any accepted spelling: 3, "3,0", "Tingkat III", "Terdefinisi", pemdi decimals such as "1,26".
 * @customfunction LEVEL LEVEL
 * @param text The level as written.
 * @param [framework] Optional: decides which level names and whether decimals count; without it every framework's names and decimals 1–5 are accepted.
 * @param [indicator] Optional: indicator number, to use that indicator's level names.
 * @returns {number} The level.
 */
export function level(text: any, framework?: string, indicator?: any) {
  return toExcel(spbeLevel(text, framework, indicator, lang));
}

/**
 * Index points gained by raising one indicator to a level, all else equal.
 * @customfunction UPLIFT UPLIFT
 * @param values The indicator levels: 35, 47 or 20 cells in one row or column in framework order, or two columns (indicator number, level) in any order.
 * @param indicator Indicator number ("35-2" for a repeated spbe2018 entry).
 * @param [toLevel] Optional: the level to reach; by default the next whole level.
 * @param [framework] Optional: spbe2018, spbe2020 or pemdi2026 (or the regulation, e.g. "59/2020"); without it the framework follows from the number of values.
 * @returns {number} Index points.
 */
export function uplift(values: any[][], indicator: any, toLevel?: any, framework?: string) {
  return toExcel(spbeUplift(values, indicator, toLevel, framework, lang));
}

/**
 * The fewest whole-level steps that reach a target, as a spilled table: indicator, from, to, points.
 * @customfunction PLAN PLAN
 * @param values The indicator levels: 35, 47 or 20 cells in one row or column in framework order, or two columns (indicator number, level) in any order.
 * @param target An index (e.g. 2.6), a predicate (e.g. "Baik") or a uniform level ("Level 3").
 * @param [framework] Optional: spbe2018, spbe2020 or pemdi2026 (or the regulation, e.g. "59/2020"); without it the framework follows from the number of values.
 * @returns {any[][]} The plan, with a header row.
 */
export function plan(values: any[][], target: any, framework?: string) {
  return toExcel(spbePlan(values, target, framework, lang));
}

/**
 * "OK" when the values can be scored, otherwise the first problem in words.
 * @customfunction CHECK CHECK
 * @param values The indicator levels: 35, 47 or 20 cells in one row or column in framework order, or two columns (indicator number, level) in any order.
 * @param [framework] Optional: spbe2018, spbe2020 or pemdi2026 (or the regulation, e.g. "59/2020"); without it the framework follows from the number of values.
 * @returns {string} "OK" or the problem.
 */
export function check(values: any[][], framework?: string): string {
  return spbeCheck(values, framework, lang);
}

/** Function id (as in functions.json) → implementation. Ids are forever: workbooks store them. */
export const CUSTOM_FUNCTIONS: Readonly<Record<string, (...args: any[]) => unknown>> = {
  INDEX: index,
  ASPECT: aspect,
  DOMAIN: domain,
  PREDICATE: predicate,
  WEIGHT: weight,
  LEVEL: level,
  UPLIFT: uplift,
  PLAN: plan,
  CHECK: check,
};

/** Associates every id with its function when the custom-functions runtime is there; false otherwise. */
export function registerCustomFunctions(): boolean {
  if (typeof CustomFunctions === 'undefined' || typeof CustomFunctions.associate !== 'function') return false;
  try {
    for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) CustomFunctions.associate(id, fn);
    return true;
  } catch {
    // Outside Excel office.js may define the namespace without a runtime behind it.
    return false;
  }
}

/** Follows Excel's display language once Office is ready (shared runtime: Office.context is available). */
export function followOfficeLanguage(): void {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return;
  void Office.onReady(() => {
    try {
      setFunctionsLanguage(Office.context && Office.context.displayLanguage);
    } catch {
      // no context outside a host: keep Indonesian
    }
  });
}

// Entry point of the "functions" chunk: both calls are no-ops without Office (tests, plain browser).
registerCustomFunctions();
followOfficeLanguage();
