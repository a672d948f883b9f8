/**
 * The one way the command writes a sheet of ours (`spbe gap`, `spbe compare --out`): the sheet model is
 * added to the ORIGINAL package bytes (src/xlsx/package: every other part stays byte-identical), after the
 * checks on the output (out-file.ts), and the copy is written atomically; through a symbolic link the real
 * file is replaced and the link kept. Each command says a failure in its own output shape.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from '../core/types';
import type { SheetModel } from '../core/sheet-model';
import { text } from '../core/i18n';
import { describe, problemOfError, type ProblemFacts } from '../core/problems';
import { WorkbookPackage, type SheetWriteResult } from '../xlsx/package';
import { linkTarget, writeFileAtomic, type AtomicWriteOptions } from '../xlsx/write-file';
import { checkOutPath, defaultOutPath } from './out-file';

export interface SheetOutputRequest {
  /** The input files (the output may be none of them); the first one is the workbook written into. */
  readonly inputs: ReadonlyArray<string>;
  /** --out, or null for the default beside the first input (its own kind: .xlsm stays .xlsm). */
  readonly out: string | null;
  /** Replace the first input itself. */
  readonly inPlace: boolean;
  readonly lang: Lang;
  readonly writeTemp?: AtomicWriteOptions['writeTemp'];
}

/** Why nothing was written (the input is untouched in every case). */
export type SheetOutputFailure =
  /** The package cannot be opened for writing although it was read: `detail` is the writer's own words. */
  | { readonly kind: 'damaged'; readonly detail: string }
  /** The output is not allowed (extension, a folder or device, the input itself, read-only): a usage error. */
  | { readonly kind: 'usage'; readonly message: string }
  /** The workbook refuses a new sheet (e.g. WORKBOOK_STRUCTURE_LOCKED). */
  | { readonly kind: 'refused'; readonly problem: ProblemFacts; readonly message: string }
  /** Writing the file failed (a missing folder, a full disk). */
  | { readonly kind: 'write-failed'; readonly message: string };

export type SheetOutput = { readonly ok: true; readonly out: string; readonly written: SheetWriteResult } | { readonly ok: false; readonly failure: SheetOutputFailure };

export async function writeSheetCopy(bytes: Uint8Array, model: SheetModel, request: SheetOutputRequest): Promise<SheetOutput> {
  const { inputs, inPlace, lang } = request;
  const input = inputs[0];
  let pkg: WorkbookPackage;
  try {
    pkg = WorkbookPackage.open(bytes);
  } catch (e) {
    return { ok: false, failure: { kind: 'damaged', detail: e instanceof Error ? e.message : String(e) } };
  }
  const out = inPlace ? input : request.out ?? defaultOutPath(input, pkg.macroEnabled);
  for (const file of inputs) {
    const usage = checkOutPath(file, out, { inPlace: inPlace && file === input, macroEnabled: pkg.macroEnabled, lang });
    if (usage !== null) return { ok: false, failure: { kind: 'usage', message: usage } };
  }
  let written: SheetWriteResult;
  try {
    written = pkg.addSheet(model);
  } catch (e) {
    const problem = problemOfError(e);
    if (!problem) throw e;
    return { ok: false, failure: { kind: 'refused', problem, message: describe(problem, lang, 'command') } };
  }
  try {
    await writeFileAtomic(await linkTarget(out), written.bytes, { writeTemp: request.writeTemp });
  } catch (e) {
    const dir = path.dirname(path.resolve(out));
    // ENOENT names the temp file beside OUT; say plainly that the folder is missing
    const message =
      (e as NodeJS.ErrnoException)?.code === 'ENOENT' && !fs.existsSync(dir) ? text(lang, 'gap', 'cliOutDirMissing', { dir }) : e instanceof Error ? e.message : String(e);
    return { ok: false, failure: { kind: 'write-failed', message: text(lang, 'gap', 'cliWriteFailed', { file: out, message }) } };
  }
  return { ok: true, out, written };
}
