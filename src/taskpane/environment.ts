/**
 * Where the pane runs: inside Excel (src/excel's host detection finds the Excel host) or in a plain
 * browser (office.js reports no host, or could not be loaded at all): then the pane works on a file.
 */
import type { Lang } from '../core/types';
import type { WorkbookHost } from '../core/host';
import { langFromTag } from '../core/i18n';
import type { PaneEnvironment } from './App';

/** The language the user last chose in this browser, if any. */
export function storedLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem('spbe.lang');
    return v === 'id' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

/**
 * Inside Excel the pane follows Excel's display language; outside it is Indonesian unless the user
 * chose English here before.
 */
export async function detectEnvironment(detect: () => Promise<WorkbookHost | null>): Promise<PaneEnvironment> {
  let host: WorkbookHost | null = null;
  try {
    host = await detect();
  } catch {
    host = null;
  }
  if (host) return { kind: 'excel', host, lang: langFromTag(host.displayLanguage) };
  return { kind: 'browser', lang: storedLang() ?? 'id' };
}
