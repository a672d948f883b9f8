/**
 * Host detection: the ONLY place that looks at the `Office` and `Excel` globals, and only when
 * called (nothing runs at import time). Outside Office (a plain browser) it answers null and the
 * pane works on a file instead.
 */
import { ExcelHost } from './excel-host';
import type { ExcelApi, ExcelHostOptions } from './excel-host';

interface OfficeLike {
  onReady?: (callback?: (info: { host: unknown }) => void) => Promise<{ host: unknown }> | void;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
  };
  HostType?: { Excel?: string };
  actions?: { associate?: (id: string, handler: (event?: { completed?: () => void }) => void) => void };
  addin?: { showAsTaskpane?: () => Promise<void> | void };
}

/** Where to find the globals (defaults to globalThis; tests and the e2e page pass their own). */
export interface HostScope {
  readonly Office?: unknown;
  readonly Excel?: unknown;
}

function scopeOf(scope?: HostScope): HostScope {
  return scope ?? (globalThis as unknown as HostScope);
}

/** Office.context.displayLanguage ("id-ID", "en-US"), or undefined outside Office. */
export function displayLanguage(scope?: HostScope): string | undefined {
  const office = scopeOf(scope).Office as OfficeLike | undefined;
  try {
    const lang = office?.context?.displayLanguage;
    return typeof lang === 'string' && lang.length > 0 ? lang : undefined;
  } catch {
    return undefined;
  }
}

/** Office.context.requirements.isSetSupported('ExcelApi', version), false when unknown. */
export function apiSupport(scope?: HostScope): (version: string) => boolean {
  const office = scopeOf(scope).Office as OfficeLike | undefined;
  return (version) => {
    try {
      return office?.context?.requirements?.isSetSupported?.('ExcelApi', version) === true;
    } catch {
      return false;
    }
  };
}

/**
 * Waits for Office (at most `timeoutMs`) and returns an ExcelHost when the page runs inside Excel,
 * or null (no office.js, another host, or office.js loaded in a plain browser).
 */
export async function detectExcelHost(
  scope?: HostScope,
  options: { timeoutMs?: number } & Omit<ExcelHostOptions, 'excel' | 'displayLanguage' | 'isApiSupported'> = {},
): Promise<ExcelHost | null> {
  const s = scopeOf(scope);
  const office = s.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== 'function') return null;
  const timeout = options.timeoutMs ?? 5000;
  const info = await new Promise<{ host: unknown } | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeout);
    const done = (i: { host: unknown } | null): void => {
      clearTimeout(timer);
      resolve(i);
    };
    try {
      const p = office.onReady!();
      if (p && typeof (p as Promise<unknown>).then === 'function') (p as Promise<{ host: unknown }>).then(done, () => done(null));
      else office.onReady!((i) => done(i));
    } catch {
      done(null);
    }
  });
  const excelName = office.HostType?.Excel ?? 'Excel';
  const excel = s.Excel as ExcelApi | undefined;
  if (!info || info.host !== excelName || !excel || typeof excel.run !== 'function') return null;
  return new ExcelHost({
    excel,
    displayLanguage: displayLanguage(s),
    isApiSupported: apiSupport(s),
    writeBudget: options.writeBudget,
    readBudget: options.readBudget,
  });
}

/**
 * What the ribbon's commands need from Office in the shared runtime, so that src/commands never looks
 * at the `Office` global: registering a command's handler (Office.actions.associate) with a `done`
 * that completes the ribbon's event (event.completed()), and opening the task pane
 * (Office.addin.showAsTaskpane).
 */
export interface OfficeCommandPort {
  associate(id: string, run: (done: () => void) => void): void;
  showTaskpane(): Promise<void>;
}

/** The command port of the Office found in `scope` (default globalThis), or null when Office has no actions API. */
export function officeCommands(scope?: HostScope): OfficeCommandPort | null {
  const office = scopeOf(scope).Office as OfficeLike | undefined;
  const actions = office?.actions;
  if (!actions || typeof actions.associate !== 'function') return null;
  return {
    associate(id, run) {
      actions.associate!.call(actions, id, (event) => {
        let completed = false;
        run(() => {
          if (completed) return;
          completed = true;
          try {
            event?.completed?.();
          } catch {
            /* the ribbon event is gone (e.g. the button timed out); nothing else to do */
          }
        });
      });
    },
    async showTaskpane() {
      const show = office?.addin?.showAsTaskpane;
      if (typeof show === 'function') await show.call(office?.addin);
    },
  };
}
