/**
 * The custom functions SPBE.* as Excel sees them: each declaration of ./declarations.ts (id, parameters,
 * descriptions, implementation) becomes a function that turns a tagged error value into a
 * CustomFunctions.Error (#VALUE! or #N/A, the two error codes Excel shows a message for, with a message
 * naming the offending value and its position). functions.json and functions-id.json are generated from
 * the same declarations (scripts/functions-metadata.js); test/functions/metadata.test.ts checks the result
 * against a committed expectation, because ids and names are stored in users' workbooks forever.
 *
 * This file is also the webpack entry "functions" of the shared-runtime page: the only code that
 * runs at load is registerCustomFunctions() and the language hook at the bottom, both guarded so
 * the module imports cleanly in Node tests and in a plain browser.
 */
import type { Lang } from '../core/types';
import { langFromTag } from '../core/i18n';
import { isFnError, type Fn } from './impl';
import { FUNCTIONS, type FunctionDeclaration } from './declarations';
import { whenDisplayLanguage } from '../excel/display-language';

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

/** The result for Excel of an implementation's result. */
function out(r: unknown): unknown {
  return isFnError(r) ? toExcel(r) : r;
}

/**
 * The function Excel calls for a declaration: its declared parameters, then the language; named by its id
 * (the metadata's associate list names it so). One closure per arity, so a call allocates nothing more.
 */
function excelFunction(d: FunctionDeclaration): (...args: unknown[]) => unknown {
  const run = d.run;
  const named = <F extends (...args: never[]) => unknown>(fn: F): F => Object.defineProperty(fn, 'name', { value: d.id });
  switch (d.parameters.length) {
    case 1:
      return named((a: unknown) => out(run(a, lang)));
    case 2:
      return named((a: unknown, b: unknown) => out(run(a, b, lang)));
    case 3:
      return named((a: unknown, b: unknown, c: unknown) => out(run(a, b, c, lang)));
    case 4:
      return named((a: unknown, b: unknown, c: unknown, e: unknown) => out(run(a, b, c, e, lang)));
    default: {
      const count = d.parameters.length;
      return named((...args: unknown[]) => out(run(...Array.from({ length: count }, (_, i) => args[i]), lang)));
    }
  }
}

/** Function id (as in functions.json) → implementation. Ids are forever: workbooks store them. */
export const CUSTOM_FUNCTIONS: Readonly<Record<string, (...args: unknown[]) => unknown>> = Object.fromEntries(FUNCTIONS.map((d) => [d.id, excelFunction(d)]));

/** The SPBE.* functions as Excel calls them, by name (tests, the benchmark): SPBE.INDEX is `index`. */
type ExcelFn = (...args: unknown[]) => unknown;
export const index: ExcelFn = CUSTOM_FUNCTIONS.INDEX;
export const aspect: ExcelFn = CUSTOM_FUNCTIONS.ASPECT;
export const domain: ExcelFn = CUSTOM_FUNCTIONS.DOMAIN;
export const predicate: ExcelFn = CUSTOM_FUNCTIONS.PREDICATE;
export const weight: ExcelFn = CUSTOM_FUNCTIONS.WEIGHT;
export const level: ExcelFn = CUSTOM_FUNCTIONS.LEVEL;
export const uplift: ExcelFn = CUSTOM_FUNCTIONS.UPLIFT;
export const plan: ExcelFn = CUSTOM_FUNCTIONS.PLAN;
export const check: ExcelFn = CUSTOM_FUNCTIONS.CHECK;

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
  // src/excel/display-language.ts reads it (outside a host it never calls back: Indonesian stays)
  whenDisplayLanguage((tag) => setFunctionsLanguage(tag));
}

// Entry point of the "functions" chunk: both calls are no-ops without Office (tests, plain browser).
registerCustomFunctions();
followOfficeLanguage();
