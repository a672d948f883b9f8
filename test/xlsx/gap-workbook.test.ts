/**
 * Writing the gap sheet into a workbook file (src/xlsx/package), read back with exceljs as an independent
 * reader: every input sheet survives unchanged (values, formulas, merges, styles, widths), names never clash
 * with a user's sheet, a sheet made earlier by the tool is replaced, and text that looks like a formula is
 * written as text.
 */
import { Workbook } from 'exceljs';
import type { Worksheet } from 'exceljs';
import { buildAssessmentWorkbook, example2018, example2020, example2026 } from '../../scripts/make-examples';
import { runPipeline, specBytes, injectionSpec } from './gap-fixtures';
import { readRawWorkbook } from './xlsx-cells';
import JSZip from 'jszip';
import { readWorkbookGrids } from '../../src/xlsx/read';
import { assess } from '../../src/core/assess';
import { CASES } from './gap-fixtures';

async function load(bytes: Uint8Array): Promise<Workbook> {
  const wb = new Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** Everything exceljs knows about a sheet's cells, merges, columns and rows, as comparable data. */
function snapshot(ws: Worksheet): unknown {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { value: cell.value, style: cell.style, type: cell.type, note: cell.note };
    }),
  );
  const cols: unknown[] = [];
  for (let c = 1; c <= ws.columnCount; c++) cols.push({ width: ws.getColumn(c).width, hidden: ws.getColumn(c).hidden });
  const rows: unknown[] = [];
  for (let r = 1; r <= ws.rowCount; r++) rows.push({ height: ws.getRow(r).height, hidden: ws.getRow(r).hidden });
  const model = ws.model as unknown as { merges: string[] };
  return JSON.parse(JSON.stringify({ name: ws.name, cells, merges: [...model.merges].sort(), cols, rows, views: ws.views, state: ws.state }));
}

describe('every input sheet survives the round trip unchanged', () => {
  for (const [name, spec] of [['spbe2018', example2018], ['spbe2020 with stages and a summary sheet', example2020], ['pemdi2026', example2026]] as const) {
    test(name, async () => {
      const run = await runPipeline(await specBytes(spec()), { mode: 'predicate', name: 'Baik' });
      const before = await load(run.input);
      const after = await load(run.output);
      expect(after.worksheets.map((w) => w.name)).toEqual([...before.worksheets.map((w) => w.name), run.sheetName]);
      for (const ws of before.worksheets) expect(snapshot(after.getWorksheet(ws.name)!)).toEqual(snapshot(ws));
      // and at the XML level: the same cell types, values and formulas
      const rawBefore = await readRawWorkbook(run.input);
      const rawAfter = await readRawWorkbook(run.output);
      for (const s of rawBefore) {
        const t = rawAfter.find((x) => x.name === s.name)!;
        expect([...t.cells.entries()].filter(([, c]) => c.v !== null || c.f !== null)).toEqual([...s.cells.entries()].filter(([, c]) => c.v !== null || c.f !== null));
        expect(t.merges.sort()).toEqual(s.merges.sort());
      }
    });
  }
});

describe('names', () => {
  test("a user's own \"Analisis Gap\" sheet is never overwritten: the new one is numbered", async () => {
    const wb = buildAssessmentWorkbook(example2020());
    const mine = wb.addWorksheet('Analisis Gap');
    mine.getCell('A1').value = 'catatan saya';
    const input = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const run = await runPipeline(input, { mode: 'next' });
    expect(run.sheetName).toBe('Analisis Gap (2)');
    expect(run.replaced).toBe(false);
    const out = await load(run.output);
    expect(out.getWorksheet('Analisis Gap')!.getCell('A1').value).toBe('catatan saya');
    // running again on the output replaces only the tool's own sheet
    const again = await runPipeline(run.output, { mode: 'level', level: 3 });
    expect(again.replaced).toBe(true);
    expect(again.sheetName).toBe('Analisis Gap (2)');
    const out2 = await load(again.output);
    expect(out2.worksheets.map((w) => w.name)).toEqual(['Petunjuk', 'Penilaian Mandiri', 'Rekap', 'Analisis Gap', 'Analisis Gap (2)']);
    expect(out2.getWorksheet('Analisis Gap')!.getCell('A1').value).toBe('catatan saya');
  });

  test('a second run replaces the earlier gap sheet (marker defined name), in place, keeping one table', async () => {
    const first = await runPipeline(await specBytes(example2018()), { mode: 'predicate', name: 'Baik' });
    const second = await runPipeline(first.output, { mode: 'level', level: 3 }, { lang: 'en' });
    expect(second.replaced).toBe(true);
    expect(second.sheetName).toBe('Gap Analysis');
    const out = await load(second.output);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Petunjuk', 'Penilaian SPBE 2018', 'Gap Analysis']);
    const zip = await JSZip.loadAsync(second.output);
    const wbXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(wbXml).toMatch(/<definedName name="SPBE_GAP_MARKER">(?:'|&apos;)Gap Analysis(?:'|&apos;)!\$A\$1<\/definedName>/);
    expect(wbXml.split('SPBE_GAP_MARKER').length).toBe(2);
    expect(Object.keys(zip.files).filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))).toHaveLength(1);
  });
});

describe('what the written sheet holds', () => {
  test('formula-like text from the workbook is a string cell, never a formula', async () => {
    const run = await runPipeline(await specBytes(injectionSpec()), { mode: 'level', level: 3 });
    const raw = (await readRawWorkbook(run.output)).find((s) => s.name === run.sheetName)!;
    for (const text of ['=HYPERLINK("http://contoh.invalid","klik")', '+62 811 2345 678', '-', '@user', '=1+1']) {
      const hits = [...raw.cells.values()].filter((c) => c.v === text);
      expect(hits.length).toBeGreaterThan(0);
      for (const c of hits) {
        expect(c.f).toBeNull();
        expect(['s', 'inlineStr', 'str']).toContain(c.t);
      }
    }
    // the link formulas quote the sheet name with its apostrophes
    expect([...raw.cells.values()].some((c) => /^'Penilaian ''Dinas'' 2024'!D\d+$/.test(c.f ?? ''))).toBe(true);
  });

  test('table, validations, conditional formats, frozen panes and the marker are in the file', async () => {
    const run = await runPipeline(await specBytes(example2026()), { mode: 'predicate', name: 'Baik' });
    const zip = await JSZip.loadAsync(run.output);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).sort();
    const xml = await zip.file(sheets[sheets.length - 1])!.async('string');
    expect(xml).toContain('<pane xSplit="2" ySplit="9"');
    expect(xml).toMatch(/<dataValidation [^>]*type="decimal"/);
    expect(xml).toContain('<conditionalFormatting');
    expect(xml).toContain('<dataBar');
    expect(xml).toContain('<tableParts count="1">');
    const table = await zip.file('xl/tables/table1.xml')!.async('string');
    expect(table).toContain('name="SPBE_Gap"');
    expect(table).toContain('<autoFilter');
  });

  test('cached values: the gap sheet shows results without any recalculation', async () => {
    const run = await runPipeline(await specBytes(example2020()), { mode: 'predicate', name: 'Baik' });
    const raw = (await readRawWorkbook(run.output)).find((s) => s.name === run.sheetName)!;
    const formulaCells = [...raw.cells.values()].filter((c) => c.f !== null);
    expect(formulaCells.length).toBeGreaterThan(200);
    for (const c of formulaCells) expect(c.v).not.toBeNull();
  });
});

test('a gap workbook still reads as the same assessment (the gap sheet is never taken for the table)', async () => {
  for (const c of CASES) {
    const run = await runPipeline(await specBytes(c.spec()), c.request, { lang: c.lang, basis: c.basis });
    const again = assess(await readWorkbookGrids(run.output));
    expect({ name: c.name, sheet: again.table?.sheet, index: again.scores?.index }).toEqual({
      name: c.name,
      sheet: run.assessment.table?.sheet,
      index: run.assessment.scores?.index,
    });
  }
});
