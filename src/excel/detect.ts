/**
 * Host detection: with ./display-language.ts (Office's display language), the ONLY place that looks at the
 * `Office` and `Excel` globals, and only when called (nothing runs at import time). Outside Office (a plain browser) it answers null and the
 * pane works on a file instead.
 */
import { ExcelHost } from './excel-host';
import { displayLanguage as officeDisplayLanguage } from './display-language';
import type { ExcelApi, ExcelHostOptions } from './excel-host';

interface OfficeLike {
  onReady?: (callback?: (info: { host: unknown }) => void) => Promise<{ host: unknown }> | void;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported?: (name: string, version?: string) => boolean };
  };
  HostType?: { Excel?: string };
  actions?: { associate?: (id: string, handler: (event?: { completed?: () => void }) => void) => void };
  addin?: {
    showAsTaskpane?: () => Promise<void> | void;
    onVisibilityModeChanged?: (handler: (message: { visibilityMode?: unknown }) => void) => Promise<(() => Promise<void> | void) | undefined> | void;
  };
  VisibilityMode?: { hidden?: string; taskpane?: string };
}

/** Where to find the globals (defaults to globalThis; tests and the e2e page pass their own). */
export interface HostScope {
  readonly Office?: unknown;
  readonly Excel?: unknown;
}

function scopeOf(scope?: HostScope): HostScope {
  return scope ?? (globalThis as unknown as HostScope);
}

/** Office.context.displayLanguage ("id-ID", "en-US"), or undefined outside Office: read in ./display-language.ts. */
export function displayLanguage(scope?: HostScope): string | undefined {
  return officeDisplayLanguage(scope);
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

/**
 * The requirement sets the add-in needs, as manifest.xml declares them (test/manifest checks that the two
 * agree): one shared runtime for pane, ribbon and functions; custom functions whose #VALUE!/#N/A carry a
 * message (CustomFunctionsRuntime 1.2); the worksheet change event and the other Excel calls (ExcelApi 1.9).
 */
export const REQUIRED_SETS: ReadonlyArray<readonly [name: string, version: string]> = [
  ['SharedRuntime', '1.1'],
  ['CustomFunctionsRuntime', '1.2'],
  ['ExcelApi', '1.9'],
];

/**
 * The required sets this Office lacks, as "Name version" (empty when all are there, or when Office cannot
 * say: a missing `isSetSupported` is not taken as a missing set).
 */
export function missingRequirements(scope?: HostScope): string[] {
  const office = scopeOf(scope).Office as OfficeLike | undefined;
  const isSetSupported = office?.context?.requirements?.isSetSupported;
  if (typeof isSetSupported !== 'function') return [];
  return REQUIRED_SETS.filter(([name, version]) => {
    try {
      return isSetSupported.call(office?.context?.requirements, name, version) !== true;
    } catch {
      return true;
    }
  }).map(([name, version]) => `${name} ${version}`);
}

/**
 * The task pane being shown or hidden (Office.addin.onVisibilityModeChanged, SharedRuntime 1.1): in the
 * shared runtime the page keeps running while the pane is closed, so the pane stops following the
 * workbook then. `onChange` calls back with true (shown) or false (hidden) and resolves to a function
 * that stops listening. Null when this Office has no such event (outside Office, or an older Office).
 */
export interface PaneVisibilityPort {
  onChange(handler: (visible: boolean) => void): Promise<() => void>;
}

export function paneVisibility(scope?: HostScope): PaneVisibilityPort | null {
  const office = scopeOf(scope).Office as OfficeLike | undefined;
  const addin = office?.addin;
  const subscribe = addin?.onVisibilityModeChanged;
  if (typeof subscribe !== 'function') return null;
  const hidden = office?.VisibilityMode?.hidden ?? 'Hidden';
  return {
    async onChange(handler) {
      const remove = await subscribe.call(addin, (message) => handler(message?.visibilityMode !== hidden));
      return () => {
        if (typeof remove !== 'function') return;
        try {
          void Promise.resolve(remove()).catch(() => undefined);
        } catch {
          /* already removed, or the runtime is closing */
        }
      };
    },
  };
}
