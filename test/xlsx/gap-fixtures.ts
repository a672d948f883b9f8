/**
 * Test fixtures for the gap sheet: assessment workbooks built by the tests themselves (with the examples'
 * builder), and the in-process pipeline bytes → assessment → plan → SheetModel → gap workbook bytes (the
 * package-level writer, src/xlsx/package).
 */
import { buildAssessmentWorkbook, example2018, example2020, example2026 } from '../../scripts/make-examples';
import type { AssessmentSpec } from '../../scripts/make-examples';
import { readWorkbookGrids } from '../../src/xlsx/read';
import { assess } from '../../src/core/assess';
import { planGap, isPlanUsageError } from '../../src/core/planner';
import type { GapPlan, TargetRequest } from '../../src/core/planner';
import { buildGapSheet } from '../../src/core/gap-sheet';
import type { SheetModel } from '../../src/core/sheet-model';
import { writeSheetPackage } from '../../src/xlsx/package';
import { SPBE2020 } from '../../src/core/frameworks';
import type { Assessment, Lang, PredicateBasis } from '../../src/core/types';

export async function specBytes(spec: AssessmentSpec): Promise<Uint8Array> {
  const wb = buildAssessmentWorkbook(spec);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

export interface GapRun {
  readonly input: Uint8Array;
  readonly assessment: Assessment;
  readonly plan: GapPlan;
  readonly model: SheetModel;
  readonly output: Uint8Array;
  readonly sheetName: string;
  readonly replaced: boolean;
  /** The entries the writer added, edited and removed (every other one is byte-identical). */
  readonly parts: { readonly added: ReadonlyArray<string>; readonly changed: ReadonlyArray<string>; readonly removed: ReadonlyArray<string> };
}

export async function runPipeline(
  input: Uint8Array,
  request: TargetRequest,
  opts: { lang?: Lang; basis?: PredicateBasis } = {},
): Promise<GapRun> {
  const assessment = assess(await readWorkbookGrids(input), { basis: opts.basis });
  if (!assessment.framework || !assessment.scores) throw new Error('fixture does not assess: ' + assessment.problems.map((p) => p.message.en).join('; '));
  const plan = planGap(assessment.framework, assessment.entries, request, { basis: opts.basis });
  if (isPlanUsageError(plan)) throw new Error(plan.message.en);
  const model = buildGapSheet(assessment, plan, { lang: opts.lang ?? 'id', date: '2026-11-27', sourceFile: 'contoh.xlsx' });
  const res = writeSheetPackage(input, model);
  return { input, assessment, plan, model, output: res.bytes, sheetName: res.sheetName, replaced: res.replaced !== null, parts: res.parts };
}

/** A spbe2020 workbook whose notes and agency look like formulas. */
export function injectionSpec(): AssessmentSpec {
  const base = example2020();
  return {
    ...base,
    framework: SPBE2020,
    sheetName: "Penilaian 'Dinas' [2024]".replace(/[[\]]/g, ''),
    titles: ['=HYPERLINK("http://contoh.invalid","klik")', 'PEMERINTAH KABUPATEN +62 CONTOH', '@user'],
    self: undefined,
    summary: false,
    notes: {
      '1': '=HYPERLINK("http://contoh.invalid","klik")',
      '2': '+62 811 2345 678',
      '3': '-',
      '4': '@user',
      '5': '=1+1',
      '6': "'=quoted",
    },
  };
}

export const CASES: ReadonlyArray<{ name: string; spec: () => AssessmentSpec; request: TargetRequest; basis?: PredicateBasis; lang?: Lang }> = [
  { name: 'spbe2018 (three public services)', spec: example2018, request: { mode: 'predicate', name: 'Baik' } },
  { name: 'spbe2020 with stages', spec: example2020, request: { mode: 'predicate', name: 'Baik' }, lang: 'en' },
  { name: 'pemdi2026 decimals', spec: example2026, request: { mode: 'predicate', name: 'Baik' }, basis: 'rounded' },
  { name: 'formula-like notes', spec: injectionSpec, request: { mode: 'level', level: 3 } },
];
