/**
 * Every workbook the tests build, gathered for the two-reader equality test (reader-equality.test.ts): the
 * examples, the benchmark's generated workbooks (every framework in every layout), the assessment workbooks of the
 * gap tests and the gap workbooks they write (first run, a run on its own output, a user's own "Analisis Gap" sheet,
 * a renamed and moved gap sheet), the reading tests' cell-kind, 1904 and marker workbooks, the command-line tests'
 * sheets and the pane tests' workbooks. Each comes from the same builder its test uses.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Workbook } from 'exceljs';
import { buildWorkbook, writeWorkbook, LAYOUTS } from '../../scripts/generate-workbooks';
import { buildAssessmentWorkbook, example2018, example2020, example2026 } from '../../scripts/make-examples';
import { FRAMEWORKS, SPBE2018, SPBE2020 } from '../../src/core/frameworks';
import { ACEH } from '../core/gap-helpers';
import { CASES, injectionSpec, runPipeline, specBytes } from './gap-fixtures';
import { cellValuesWorkbook, fiftyRowsWorkbook, markerWorkbook, workbook1904 } from './read-fixtures';
import { assessmentSheetWorkbook, boundary } from '../cli/cli-fixtures';
import { paneWorkbook, workbookWithErrors } from '../taskpane/workbook-fixtures';

export interface CorpusWorkbook {
  readonly name: string;
  readonly bytes: Uint8Array;
}

async function bytesOf(wb: Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The corpus; `tmp` is a scratch folder (the generator writes files). */
export async function buildCorpus(tmp: string): Promise<CorpusWorkbook[]> {
  const out: CorpusWorkbook[] = [];
  const add = (name: string, bytes: Uint8Array) => out.push({ name, bytes });

  // examples/
  const examples = path.join(__dirname, '..', '..', 'examples');
  for (const f of fs.readdirSync(examples).filter((f) => f.endsWith('.xlsx')).sort()) add(`examples/${f}`, new Uint8Array(fs.readFileSync(path.join(examples, f))));

  // scripts/generate-workbooks.ts: every framework in every layout, two seeds
  for (const fw of FRAMEWORKS) {
    for (const layout of LAYOUTS) {
      for (const seed of [11, 12]) {
        const file = path.join(tmp, `gen-${fw.id}-${layout}-${seed}.xlsx`);
        await writeWorkbook(buildWorkbook(fw, layout, seed), file);
        add(`generate-workbooks ${fw.id} ${layout} #${seed}`, new Uint8Array(fs.readFileSync(file)));
      }
    }
  }

  // the gap tests' assessment workbooks and the gap workbooks written from them
  add('make-examples spbe2018', await specBytes(example2018()));
  add('make-examples spbe2020', await specBytes(example2020()));
  add('make-examples pemdi2026', await specBytes(example2026()));
  add('gap-command Aceh Tengah', await specBytes({ framework: SPBE2020, sheetName: 'Rekap', titles: ['PEMERINTAH KABUPATEN ACEH TENGAH', 'Penilaian Mandiri SPBE 2025'], levels: ACEH }));
  add('gap-fixtures formula-like notes', await specBytes(injectionSpec()));
  let firstOutput: Uint8Array | null = null;
  for (const c of CASES) {
    const run = await runPipeline(await specBytes(c.spec()), c.request, { lang: c.lang, basis: c.basis });
    add(`gap workbook: ${c.name}`, run.output);
    firstOutput ??= run.output;
  }
  add('gap workbook written over its own output', (await runPipeline(firstOutput!, { mode: 'level', level: 3 })).output);
  const own = buildAssessmentWorkbook(example2020());
  own.addWorksheet('Analisis Gap').getCell('A1').value = 'catatan saya';
  add('gap workbook beside a user sheet named Analisis Gap', (await runPipeline(await bytesOf(own), { mode: 'next' })).output);
  const moved = new Workbook();
  await moved.xlsx.load(firstOutput as unknown as ArrayBuffer);
  const gapSheet = moved.worksheets[moved.worksheets.length - 1];
  gapSheet.name = 'Rencana Aksi';
  (gapSheet as unknown as { orderNo: number }).orderNo = -1;
  (moved.definedNames as unknown as { matrixMap: Record<string, unknown> }).matrixMap = {};
  moved.definedNames.add("'Rencana Aksi'!$A$1", 'SPBE_GAP_MARKER');
  add('gap sheet renamed and moved first', await bytesOf(moved));

  // the reading tests
  add('read-fixtures cell values', await bytesOf(cellValuesWorkbook()));
  add('read-fixtures 1904', await bytesOf(workbook1904()));
  add('read-fixtures fifty rows', await bytesOf(fiftyRowsWorkbook()));
  for (const [ref, rename] of [[null], ["'Analisis Gap'!$A$1"], ["'analisis gap'!A1"], ["'It''s mine'!$A$1", "It's mine"], ["'Analisis Gap'!$B$5"], ["'Hilang'!$A$1"]] as Array<[string | null, string?]>) {
    add(`read-fixtures marker ${ref ?? 'none'}`, await bytesOf(markerWorkbook(ref, rename)));
  }

  // the command-line tests
  add('cli good', await bytesOf(assessmentSheetWorkbook(SPBE2020, (no) => (no <= 10 ? 4 : 2))));
  add('cli bad', await bytesOf(assessmentSheetWorkbook(SPBE2020, (no) => (no === 7 ? 'belum' : 3))));
  add('cli edge', await bytesOf(assessmentSheetWorkbook(SPBE2020, boundary)));
  add('cli kota-2018', await bytesOf(assessmentSheetWorkbook(SPBE2018, () => 3, [['35-2', 1], ['35-3', 5]])));
  add('cli big (3000 note rows)', await bytesOf(assessmentSheetWorkbook(SPBE2020, () => 3, [], 3000)));

  // the pane tests
  add('pane all 3', await bytesOf(paneWorkbook(() => 3)));
  add('pane 2 and 3', await bytesOf(paneWorkbook((n) => (n % 2 ? 2 : 3))));
  add('pane with errors', await bytesOf(workbookWithErrors()));
  return out;
}
