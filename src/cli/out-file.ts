/**
 * Where `spbe gap` may write (issue 10): the checks on --out (and on the input itself for --in-place), all
 * usage errors (exit 1) said in the user's language before anything is written.
 *
 * - The output ends in the input's own extension: .xlsm for a macro-enabled workbook, .xlsx otherwise. The
 *   kind is the package's (the workbook part's content type), not the input's name: Excel refuses a
 *   macro-enabled package called .xlsx, and a .xlsm that holds no macros.
 * - It is not a folder, device, FIFO or socket.
 * - It is not the input file, by any name: the same device and inode (a symbolic or hard link included).
 *   Replacing the input is what --in-place is for.
 * - An existing output is not read-only (the atomic rename would replace it regardless of its mode).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../core/types';
import { text } from '../core/i18n';

/** The default output path: `<name>-gap.xlsx` beside the input, `-gap.xlsm` for a macro-enabled workbook (which stays one). */
export function defaultOutPath(input: string, macroEnabled?: boolean): string {
  const dir = path.dirname(input);
  const m = /\.(xlsx|xlsm)$/i.exec(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm)$/i, '');
  const ext = macroEnabled === undefined ? (m ? m[1].toLowerCase() : 'xlsx') : macroEnabled ? 'xlsm' : 'xlsx';
  return path.join(dir, `${base}-gap.${ext}`);
}

/** The extension a workbook of this kind must have. */
export function extensionFor(macroEnabled: boolean): '.xlsx' | '.xlsm' {
  return macroEnabled ? '.xlsm' : '.xlsx';
}

function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/** Writable, and not marked read-only (no write bit at all: even root, who may write anyway, respects that). */
function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return (fs.statSync(p).mode & 0o222) !== 0;
  } catch {
    return false;
  }
}

/**
 * Checks --out (or, with --in-place, the input as its own output) before anything is written; returns the
 * usage error in `lang`, or null when the output may be written.
 */
export function checkOutPath(input: string, out: string, options: { readonly inPlace: boolean; readonly macroEnabled: boolean; readonly lang: Lang }): string | null {
  const { lang, macroEnabled } = options;
  const ext = extensionFor(macroEnabled);
  const g = (key: 'cliOutExtension' | 'cliOutNotAFile' | 'cliOutReadOnly' | 'cliOutIsInput', params: Record<string, string> = {}) => text(lang, 'gap', key, params);
  if (options.inPlace) {
    // the input is the output: it must be a file we may change (its name's extension is its own business)
    return writable(input) ? null : g('cliOutReadOnly', { file: input });
  }
  const st = statOrNull(out);
  if (/[\\/]$/.test(out) || (st && !st.isFile())) return g('cliOutNotAFile', { file: out, ext });
  if (path.extname(out).toLowerCase() !== ext) {
    return g('cliOutExtension', { ext, file: out, kind: text(lang, 'gap', macroEnabled ? 'kindXlsm' : 'kindXlsx') });
  }
  if (st) {
    const inSt = statOrNull(input);
    if (path.resolve(out) === path.resolve(input) || (inSt && inSt.dev === st.dev && inSt.ino === st.ino)) return g('cliOutIsInput');
    if (!writable(out)) return g('cliOutReadOnly', { file: out });
  } else if (path.resolve(out) === path.resolve(input)) return g('cliOutIsInput');
  return null;
}
