/**
 * Office's display language: the one place that reads it (Office.context.displayLanguage, "id-ID", "en-US").
 * The pane (through ./detect.ts) and the custom functions (src/functions/functions.ts) ask here; nothing else in
 * the add-in touches Office for it. Nothing runs at import time, and the module imports nothing: the functions'
 * script loads it without the rest of the Office adapter.
 */

/** Where to find the Office global (defaults to globalThis; tests pass their own). */
export interface OfficeScope {
  readonly Office?: unknown;
}

interface OfficeLanguage {
  onReady?: (callback?: () => void) => Promise<unknown> | void;
  context?: { displayLanguage?: string };
}

function officeOf(scope?: OfficeScope): OfficeLanguage | undefined {
  return (scope ?? (globalThis as unknown as OfficeScope)).Office as OfficeLanguage | undefined;
}

/** Office.context.displayLanguage ("id-ID", "en-US"), or undefined outside Office (or before Office is ready). */
export function displayLanguage(scope?: OfficeScope): string | undefined {
  try {
    const lang = officeOf(scope)?.context?.displayLanguage;
    return typeof lang === 'string' && lang.length > 0 ? lang : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls `use` with the display language once Office is ready (the shared runtime: Office.context is there then).
 * Does nothing outside Office. Returns whether Office was there to ask.
 */
export function whenDisplayLanguage(use: (tag: string | undefined) => void, scope?: OfficeScope): boolean {
  const office = officeOf(scope);
  if (!office || typeof office.onReady !== 'function') return false;
  try {
    void office.onReady(() => {
      use(displayLanguage(scope));
    });
    return true;
  } catch {
    return false;
  }
}
