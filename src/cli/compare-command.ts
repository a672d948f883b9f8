/**
 * `spbe compare BEFORE.xlsx AFTER.xlsx` and `spbe compare FILE.xlsx` (one workbook holding two assessments,
 * e.g. the sheets "Penilaian 2023" and "Penilaian 2024"), with the options of `spbe index` applied to both
 * sides (--sheet / --before-sheet, --framework, --column, --predicate-basis, --lang), plus --json and --out.
 *
 * The application layer (src/app/compare.ts) chooses the sheets, opens both sides and puts them in order
 * (the older regulation, else the older year from the sheet name, the title or the file name, else the
 * argument order); the core compares them exactly (src/core/compare.ts) and words the result
 * (compare-text.ts) or makes the JSON object (compare-report.ts). `--out FILE` adds the comparison sheet to a
 * copy of the AFTER side's workbook (the input files are never modified), as `spbe gap` writes its sheet.
 *
 * Exit code: 0 compared; 2 either side has errors (which side, with its problems; nothing is compared);
 * 1 a file cannot be opened, wrong usage, or the output could not be written.
 */
import * as path from 'path';
import type { Lang } from '../core/types';
import type { Io } from './output';
import { formatSummary } from './output';
import { frameworkChoices, parseCommandArgs, type OptionSpec } from './args';
import { text, type Catalogue } from '../core/i18n';
import { toIndexReport, toUnreadableReport } from '../core/report';
import { toComparisonReport } from '../core/compare-report';
import { describeComparison, describePreview } from '../core/compare-text';
import { compareSheetFor, openComparison, type CompareSource, type ComparedSource } from '../app/compare';
import { isoDate } from '../app/assessment';
import { isWorkbookReadError } from '../xlsx/errors';
import { readFileBytes } from '../xlsx/read-file';
import { readWorkbookGridsSync } from '../xlsx/ooxml/read-workbook';
import type { GapDeps } from './gap-command';
import { writeSheetCopy } from './sheet-output';
import { unreadableMessage } from '../core/report';

export const COMPARE_OPTIONS: ReadonlyArray<OptionSpec> = [
  { name: 'out', value: true },
  { name: 'before-sheet', value: true },
];

function c(lang: Lang, key: keyof Catalogue['compare'], params?: Record<string, string | number>): string {
  return text(lang, 'compare', key, params);
}

function fail(io: Io, lang: Lang, message: string): number {
  io.err(`spbe: ${message}\n${text(lang, 'cli', 'seeHelp', { command: 'compare' })}\n`);
  return 1;
}

/** "file.xlsx · Penilaian 2024 · 2024": where a side was read. */
function where(s: ComparedSource): string {
  return [s.file, s.sheet, s.year !== null && !(s.sheet ?? '').includes(String(s.year)) ? String(s.year) : null].filter((x): x is string => !!x).join(' · ');
}

export async function runCompare(argv: ReadonlyArray<string>, io: Io, deps: GapDeps = {}): Promise<number> {
  const parsed = parseCommandArgs(argv, COMPARE_OPTIONS);
  if (!parsed.ok) return fail(io, parsed.lang, parsed.message);
  const { common, options, positional } = parsed;
  const lang = common.lang;
  if (common.help) {
    io.out(c(lang, 'cliUsage', { frameworks: frameworkChoices() }) + '\n');
    return 0;
  }
  if (positional.length < 1 || positional.length > 2) return fail(io, lang, c(lang, 'cliFiles'));
  const out = typeof options.out === 'string' ? options.out : null;
  if (out !== null && positional.some((f) => path.resolve(f) === path.resolve(out))) return fail(io, lang, c(lang, 'cliOutIsInput'));

  // Read each file once (the grids leave out our own gap and comparison sheets).
  const bytes: Uint8Array[] = [];
  const sources: CompareSource[] = [];
  for (const file of positional) {
    try {
      const b = await readFileBytes(file);
      bytes.push(b);
      sources.push({ grids: readWorkbookGridsSync(b), file });
    } catch (e) {
      if (!isWorkbookReadError(e)) throw e;
      const report = toUnreadableReport(file, e.reason, lang);
      if (common.json) io.out(JSON.stringify(report) + '\n');
      else io.err(`${report.file}\n  ${report.error}\n`);
      return 1;
    }
  }

  const outcome = openComparison(sources as [CompareSource] | [CompareSource, CompareSource], {
    sheet: common.sheet ?? null,
    beforeSheet: typeof options['before-sheet'] === 'string' ? options['before-sheet'] : null,
    framework: common.framework ?? null,
    column: common.column ?? null,
    basis: common.basis,
    context: 'command',
  });
  if (outcome.kind === 'usage') return fail(io, lang, outcome.message[lang]);
  if (outcome.kind === 'side-errors') {
    const sides = outcome.sides.map((s) => ({ role: s.role, report: toIndexReport(s.side.file ?? '', s.side.assessment, lang), side: s.side }));
    if (common.json) {
      io.out(JSON.stringify({ error: 'side-errors', sides: sides.map((s) => ({ side: s.role, ...s.report })) }) + '\n');
    } else {
      for (const s of sides) io.out(formatSummary(s.report, s.side.assessment, lang, common.basis));
    }
    for (const s of sides) {
      io.err(`spbe: ${c(lang, 'cliSideErrors', { side: c(lang, s.role === 'before' ? 'cliSideBefore' : 'cliSideAfter'), where: where(s.side) })}\n`);
      for (const p of s.side.assessment.problems.filter((x) => x.severity === 'error')) io.err(`  ${p.cell ? `${p.cell}: ` : ''}${p.message[lang]}\n`);
    }
    return 2;
  }

  // Compared.
  const { comparison, before, after, preview } = outcome;
  let written: { sheetName: string; replaced: string | null } | null = null;
  if (out !== null) {
    // Into a copy of the after side's ORIGINAL bytes, after the checks `spbe gap` makes on its output; the
    // output may be neither input.
    const model = compareSheetFor(outcome, { lang, date: isoDate((deps.now ?? (() => new Date()))()) });
    const inputs = after.source === 0 ? positional : [positional[after.source], ...positional.filter((_, k) => k !== after.source)];
    const result = await writeSheetCopy(bytes[after.source], model, { inputs, out, inPlace: false, lang, writeTemp: deps.writeTemp });
    if (!result.ok) {
      const f = result.failure;
      const error = f.kind === 'damaged' ? `${unreadableMessage('damaged', lang)} (${f.detail})` : f.message;
      if (common.json) io.out(JSON.stringify({ error, out: null, compareSheet: null }) + '\n');
      io.err(`spbe: ${error}\n`);
      return 1;
    }
    written = { sheetName: result.written.sheetName, replaced: result.written.replaced };
  }

  if (common.json) {
    const report = toComparisonReport(
      comparison,
      { before: toIndexReport(before.file ?? '', before.assessment, lang), after: toIndexReport(after.file ?? '', after.assessment, lang) },
      { lang, estimate: preview, notes: outcome.orderNotes },
    );
    io.out(JSON.stringify({ ...report, out: written ? out : null, compareSheet: written?.sheetName ?? null }) + '\n');
    return 0;
  }
  const lines = [c(lang, 'cliBeforeIs', { where: where(before) }), c(lang, 'cliAfterIs', { where: where(after) })];
  for (const n of outcome.orderNotes) lines.push(`  ${n.message[lang]}`);
  lines.push('', ...describeComparison(comparison, lang));
  if (preview) lines.push('', ...describePreview(preview, lang));
  if (written) {
    lines.push('', c(lang, 'cliWrote', { sheet: written.sheetName, file: out! }));
    if (written.replaced) lines.push(c(lang, 'cliReplaced'));
  }
  io.out(lines.join('\n') + '\n');
  return 0;
}
