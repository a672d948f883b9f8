/**
 * The package-level writer adds the gap sheet as Excel adds a sheet: every part of the user's workbook
 * that does not list sheets, styles or content types stays byte-identical (charts, external links, macros,
 * protection, printing, validations, custom XML, document properties …), the new sheet and its parts are
 * there, the package is valid, and writing again replaces only our own sheet's parts.
 */
import fc from 'fast-check';
import { zipSync, strToU8, strFromU8 } from 'fflate';
import { example2018, example2020, example2026 } from '../../../scripts/make-examples';
import { writeSheetPackage, WorkbookPackage } from '../../../src/xlsx/package';
import type { SheetModel } from '../../../src/core/sheet-model';
import { MAX_CELL_TEXT } from '../../../src/core/sheet-text';
import { GAP_SHEET_MARKER } from '../../../src/core/gap-sheet';
import { ALL_FEATURES, buildWorkbook, CONTROL_TEXT, FEATURES, mainSheet, NO_FEATURES } from '../package-builder';
import type { Features } from '../package-builder';
import { entries, exampleModel, packageProblems, sheetParts, textOf } from './package-check';
import type { ExampleRun } from './package-check';

jest.setTimeout(60_000);

let runs: ExampleRun[] = [];
beforeAll(async () => {
  runs = [await exampleModel(example2018()), await exampleModel(example2020(), { mode: 'predicate', name: 'Baik' }, 'en'), await exampleModel(example2026())];
});

const features = FEATURES;

const BOOK_PARTS = ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml'];

/** Every original entry is byte-identical in `out`, except the listed ones; returns the changed ones. */
function unchangedExcept(input: Uint8Array, out: Uint8Array, allowed: ReadonlyArray<string>): string[] {
  const a = entries(input);
  const b = entries(out);
  const changed: string[] = [];
  for (const [name, bytes] of Object.entries(a)) {
    if (!b[name]) throw new Error(`${name} is gone`);
    if (Buffer.compare(Buffer.from(bytes), Buffer.from(b[name])) !== 0) changed.push(name);
  }
  expect(changed.filter((c) => !allowed.includes(c))).toEqual([]);
  return changed;
}

function gapName(run: ExampleRun, f: Features): string {
  return f.userGapSheet ? `${run.model.name} (2)` : run.model.name;
}

test('property: every original part stays byte-identical, the new sheet is there, the package is valid — and a second write replaces only our parts', () => {
  fc.assert(
    fc.property(features, fc.integer({ min: 0, max: 2 }), (f, k) => {
      const run = runs[k];
      const book = buildWorkbook(run.grids, f, run.model.name);
      const first = writeSheetPackage(book.bytes, run.model);
      const files = entries(first.bytes);

      // 1. Byte-identical, except the parts that list sheets, styles and content types — and the sheet that
      //    was selected, which only loses tabSelected (so Excel does not open it grouped with ours).
      const sheets = sheetParts(entries(book.bytes));
      const selected = sheets.filter((s) => / tabSelected="1"/.test(textOf(entries(book.bytes), s.part))).map((s) => s.part);
      const changed = unchangedExcept(book.bytes, first.bytes, [...BOOK_PARTS, ...selected]);
      expect([...changed].sort()).toEqual([...first.parts.changed].sort());
      for (const part of selected) {
        expect(textOf(files, part)).toBe(textOf(entries(book.bytes), part).replace(' tabSelected="1"', ''));
      }
      expect(first.parts.removed).toEqual([]);

      // 2. The new sheet: named (numbered past a user's sheet of that name), active and selected, marked.
      expect(first.sheetName).toBe(gapName(run, f));
      expect(first.replaced).toBeNull();
      const after = sheetParts(files);
      expect(after.map((s) => s.name)).toEqual([...sheets.map((s) => s.name), first.sheetName]);
      const wb = textOf(files, 'xl/workbook.xml');
      expect(wb).toContain(`activeTab="${after.length - 1}"`);
      expect(after.filter((s) => / tabSelected="1"/.test(textOf(files, s.part))).map((s) => s.name)).toEqual([first.sheetName]);
      const pkg = WorkbookPackage.open(first.bytes);
      expect(pkg.markedSheet(GAP_SHEET_MARKER)).toBe(first.sheetName);

      // 3. Valid: every target exists, every part has a content type; the workbook's own content type is kept (.xlsm stays .xlsm).
      expect(packageProblems(first.bytes)).toEqual([]);
      expect(pkg.contentTypeOf('xl/workbook.xml')).toBe(book.workbookType);
      if (f.macros) expect(files['xl/vbaProject.bin']).toEqual(entries(book.bytes)['xl/vbaProject.bin']);

      // 4. The new sheet holds the model's values (text as text).
      const cells = new Map(pkg.sheetCells(first.sheetName).map((c) => [`${c.row},${c.col}`, c]));
      for (const c of run.model.cells) {
        const got = cells.get(`${c.row},${c.col}`);
        if (c.value === null || c.value === '') continue;
        expect({ at: [c.row, c.col], value: got?.value }).toEqual({ at: [c.row, c.col], value: c.value });
      }

      // 5. Styles appended, never reordered: the original cell formats keep their indexes.
      const xfs = (xml: string) => [...(/<(?:x:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:x:)?cellXfs>/.exec(xml)?.[1] ?? '').matchAll(/<(?:x:)?xf\b[\s\S]*?(?:\/>|<\/(?:x:)?xf>)/g)].map((m) => m[0]);
      const before = xfs(textOf(entries(book.bytes), 'xl/styles.xml'));
      expect(xfs(textOf(files, 'xl/styles.xml')).slice(0, before.length)).toEqual(before);

      // 6. Writing again (a rerun) replaces our sheet and nothing else; styles are not added twice.
      const second = writeSheetPackage(first.bytes, run.model);
      expect(second.replaced).toBe(first.sheetName);
      expect(second.sheetName).toBe(first.sheetName);
      const ours = new Set([...first.parts.added]);
      const changed2 = unchangedExcept(first.bytes, second.bytes, ['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', ...ours]);
      expect(changed2).not.toContain('xl/styles.xml');
      expect(packageProblems(second.bytes)).toEqual([]);
      expect(sheetParts(entries(second.bytes)).map((s) => s.name)).toEqual(after.map((s) => s.name));
      // the user's parts are still those of the original file
      unchangedExcept(book.bytes, second.bytes, [...BOOK_PARTS, ...selected]);
    }),
    { numRuns: 30 },
  );
});

describe('what an original workbook keeps', () => {
  test('a .xlsm stays a macro-enabled workbook: its content type and vbaProject.bin are untouched', () => {
    const book = buildWorkbook(runs[1].grids, { ...NO_FEATURES, macros: true });
    const out = writeSheetPackage(book.bytes, runs[1].model);
    const ct = textOf(entries(out.bytes), '[Content_Types].xml');
    expect(ct).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
    expect(ct).toContain('<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect(entries(out.bytes)['xl/vbaProject.bin']).toEqual(entries(book.bytes)['xl/vbaProject.bin']);
    expect(textOf(entries(out.bytes), 'xl/_rels/workbook.xml.rels')).toContain('relationships/vbaProject');
  });

  test('the compressed bytes of untouched parts are copied as they are (a 1 MB sheet is not re-compressed)', () => {
    const big = '<row>'.repeat(200_000);
    const book = buildWorkbook(runs[1].grids, NO_FEATURES);
    const files = entries(book.bytes);
    files['xl/media/big.xml'] = strToU8(big);
    const ct = textOf(files, '[Content_Types].xml');
    files['[Content_Types].xml'] = strToU8(ct);
    const input = zipSync(files, { level: 9 });
    const out = writeSheetPackage(input, runs[1].model);
    // the entry's compressed size is what level 9 made of it (the writer deflates at level 6)
    const find = (bytes: Uint8Array) => {
      const i = Buffer.from(bytes).indexOf('xl/media/big.xml');
      return Buffer.from(bytes).readUInt32LE(i - 30 + 18);
    };
    expect(find(out.bytes)).toBe(find(input));
  });

  test('control characters and Excel-escape-like text in the user\'s cells are kept (their parts are not rewritten)', () => {
    const book = buildWorkbook(runs[1].grids, { ...NO_FEATURES, controlChars: true, sharedStrings: true });
    const out = writeSheetPackage(book.bytes, runs[1].model);
    expect(textOf(entries(out.bytes), 'xl/sharedStrings.xml')).toBe(textOf(entries(book.bytes), 'xl/sharedStrings.xml'));
    const cells = WorkbookPackage.open(out.bytes).sheetCells(runs[1].grids[mainSheet(runs[1].grids)].name);
    expect(cells.some((c) => typeof c.value === 'string' && c.value.endsWith(CONTROL_TEXT))).toBe(true);
  });
});

describe('replacing our earlier sheet', () => {
  test('only its own parts go (calcChain entries of that sheet included); other sheets keep theirs', () => {
    const run = runs[0];
    const book = buildWorkbook(run.grids, { ...ALL_FEATURES, macros: false });
    const first = writeSheetPackage(book.bytes, run.model);
    // As if Excel had saved it: the gap sheet's formulas in calcChain (with i only where the sheet changes).
    const files = entries(first.bytes);
    const gapId = /<sheet name="Analisis Gap \(2\)" sheetId="(\d+)"/.exec(textOf(files, 'xl/workbook.xml'))![1];
    const chain = textOf(files, 'xl/calcChain.xml');
    const withGap = chain.replace('</calcChain>', `<c r="C5" i="${gapId}"/><c r="C6"/><c r="B1" i="1"/><c r="B2"/></calcChain>`);
    files['xl/calcChain.xml'] = strToU8(withGap);
    const saved = zipSync(files);
    const second = writeSheetPackage(saved, run.model);
    expect(second.replaced).toBe('Analisis Gap (2)');
    const out = entries(second.bytes);
    const newChain = textOf(out, 'xl/calcChain.xml');
    expect(newChain).not.toMatch(new RegExp(`i="${gapId}"`));
    expect(newChain).not.toContain('<c r="C5"');
    expect(newChain).not.toContain('<c r="C6"');
    expect(newChain).toContain('<c r="B1" i="1"/><c r="B2"/>');
    expect(newChain.startsWith(chain.slice(0, chain.indexOf('</calcChain>')))).toBe(true);
    // the user's sheet of the same name is kept as it was
    const sheets = sheetParts(out);
    const user = sheets.find((s) => s.name === 'Analisis Gap')!;
    expect(textOf(out, user.part)).toBe(textOf(entries(book.bytes), user.part));
    expect(packageProblems(second.bytes)).toEqual([]);
  });

  test('a sheet of ours renamed by the user is replaced, reported by its name, at its position', () => {
    const run = runs[0];
    const book = buildWorkbook(run.grids, NO_FEATURES);
    const first = writeSheetPackage(book.bytes, run.model);
    const files = entries(first.bytes);
    files['xl/workbook.xml'] = strToU8(
      textOf(files, 'xl/workbook.xml')
        .replace('name="Analisis Gap"', 'name="Rencana 2026"')
        .replace("'Analisis Gap'!$A$1", "'Rencana 2026'!$A$1")
        .replace("'Analisis Gap'!$14:$14", "'Rencana 2026'!$14:$14"),
    );
    const renamed = zipSync(files);
    // a sheet added after ours: ours stays in its place
    const second = writeSheetPackage(renamed, run.model);
    expect(second.replaced).toBe('Rencana 2026');
    expect(second.sheetName).toBe('Analisis Gap');
    expect(sheetParts(entries(second.bytes)).map((s) => s.name)).toEqual([...run.grids.map((g) => g.name), 'Analisis Gap']);
    const wb = textOf(entries(second.bytes), 'xl/workbook.xml');
    expect(wb.split(GAP_SHEET_MARKER).length).toBe(2);
    expect(wb).not.toContain('Rencana 2026');
  });

  test('the earlier sheet\'s cells are readable before it is replaced (to carry the team\'s typed values over)', () => {
    const run = runs[1];
    const first = writeSheetPackage(buildWorkbook(run.grids, NO_FEATURES).bytes, run.model);
    const pkg = WorkbookPackage.open(first.bytes);
    const earlier = pkg.markedSheet();
    expect(earlier).toBe('Gap Analysis');
    const cells = pkg.sheetCells(earlier!);
    const target = run.model.cells.find((c) => c.style === 'inputWhole')!;
    expect(cells.find((c) => c.row === target.row && c.col === target.col)?.value).toBe(target.value);
    const formula = run.model.cells.find((c) => c.formula !== undefined)!;
    expect(cells.find((c) => c.row === formula.row && c.col === formula.col)?.formula).toBe(formula.formula);
  });

  test('a marker that marks no sheet (#REF! after the sheet was deleted) is replaced by one on the new sheet; nothing is deleted', () => {
    const run = runs[2];
    const book = buildWorkbook(run.grids, NO_FEATURES);
    const files = entries(book.bytes);
    files['xl/workbook.xml'] = strToU8(textOf(files, 'xl/workbook.xml').replace('</definedNames>', `<definedName name="${GAP_SHEET_MARKER}">#REF!$A$1</definedName></definedNames>`));
    const input = zipSync(files);
    const out = writeSheetPackage(input, run.model);
    expect(out.replaced).toBeNull();
    const wb = textOf(entries(out.bytes), 'xl/workbook.xml');
    expect(wb).not.toContain('#REF!');
    expect(wb).toContain(`<definedName name="${GAP_SHEET_MARKER}">'Analisis Gap'!$A$1</definedName>`);
    expect(sheetParts(entries(out.bytes))).toHaveLength(run.grids.length + 1);
  });
});

describe('what the new sheet holds', () => {
  const custom = (base: SheetModel): SheetModel => ({
    ...base,
    cells: [
      ...base.cells,
      { row: 200, col: 0, value: '=HYPERLINK("http://contoh.invalid","klik")' },
      { row: 200, col: 1, value: '+62 811' },
      { row: 200, col: 2, value: '-' },
      { row: 200, col: 3, value: '@user' },
      { row: 201, col: 0, value: 'bel\u0007 dan\u0001 _x0041_ CR\r\nLF' },
      { row: 202, col: 0, value: 'x'.repeat(40_000), comment: 'n'.repeat(40_000) },
      { row: 203, col: 0, value: '  spasi di tepi  ' },
    ],
    rowHeights: [{ row: 200, height: 30 }],
  });

  test('text stays text (no formula, never parsed), control characters are escaped as Excel does, over-long text is cut with "…"', () => {
    const run = runs[1];
    const model = custom(run.model);
    const out = writeSheetPackage(buildWorkbook(run.grids, NO_FEATURES).bytes, model);
    const files = entries(out.bytes);
    const sheet = textOf(files, sheetParts(files).find((s) => s.name === out.sheetName)!.part);
    expect(sheet).toContain('<c r="A201" t="inlineStr"><is><t>=HYPERLINK(&quot;http://contoh.invalid&quot;,&quot;klik&quot;)</t></is></c>'.replace(/&quot;/g, '"'));
    expect(sheet).toContain('<c r="B201" t="inlineStr"><is><t>+62 811</t></is></c>');
    expect(sheet).toContain('<c r="A202" t="inlineStr"><is><t>bel_x0007_ dan_x0001_ _x005F_x0041_ CR_x000D_\nLF</t></is></c>');
    expect(sheet).toContain('<row r="201" ht="30" customHeight="1">');
    expect(sheet).toContain('<t xml:space="preserve">  spasi di tepi  </t>');
    const cells = WorkbookPackage.open(out.bytes).sheetCells(out.sheetName);
    const at = (r: number, c: number) => cells.find((x) => x.row === r && x.col === c);
    expect(at(200, 0)).toEqual({ row: 200, col: 0, value: '=HYPERLINK("http://contoh.invalid","klik")' });
    expect(at(201, 0)?.value).toBe('bel\u0007 dan\u0001 _x0041_ CR\r\nLF');
    const long = at(202, 0)!.value as string;
    expect(long.length).toBe(MAX_CELL_TEXT);
    expect(long.endsWith('…')).toBe(true);
    const comments = Object.keys(files).find((n) => /^xl\/comments\d+\.xml$/.test(n))!;
    const note = /<comment ref="A203"[\s\S]*?<t xml:space="preserve">([^<]*)<\/t>/.exec(textOf(files, comments))![1];
    expect(note.length).toBe(MAX_CELL_TEXT);
    expect(note.endsWith('…')).toBe(true);
  });

  test('formulas with their cached values, styles, widths, merges, table, validations, conditional formats, frozen panes, page setup', () => {
    const run = runs[2];
    const out = writeSheetPackage(buildWorkbook(run.grids, NO_FEATURES).bytes, run.model);
    const files = entries(out.bytes);
    const sheet = textOf(files, sheetParts(files).find((s) => s.name === out.sheetName)!.part);
    const withFormula = [...sheet.matchAll(/<c r="[A-Z]+\d+"[^>]*>(<f>[\s\S]*?<\/f>)(<v>[^<]*<\/v>)?<\/c>/g)];
    expect(withFormula.length).toBe(run.model.cells.filter((c) => c.formula !== undefined).length);
    expect(withFormula.every((m) => m[2] !== undefined)).toBe(true);
    expect(sheet).toContain('<pane xSplit="2" ySplit="9" topLeftCell="C10" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toMatch(/<col min="2" max="2" width="52\.\d+" customWidth="1"\/>/);
    expect(sheet).toMatch(/<mergeCell ref="A1:H1"\/>/);
    expect(sheet).toMatch(/<dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1" [^>]*sqref="D10:D29" operator="between"><formula1>1<\/formula1><formula2>5<\/formula2>/);
    expect(sheet).toContain('<cfRule type="dataBar"');
    expect(sheet).toContain('<cfRule type="colorScale"');
    expect(sheet).toContain('<sheetPr><tabColor rgb="FFED7D31"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(sheet).toContain('<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"/>');
    expect(sheet).toContain('<headerFooter><oddFooter>&amp;LSimulasi — bukan nilai resmi&amp;RHalaman &amp;P dari &amp;N</oddFooter></headerFooter>');
    const wb = textOf(files, 'xl/workbook.xml');
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${run.grids.length}">'Analisis Gap'!$9:$9</definedName>`);
    expect(wb).toMatch(/<definedName name="_xlnm.Print_Area" localSheetId="\d+">'Analisis Gap'!\$A\$1:\$N\$\d+<\/definedName>/);
    const table = textOf(files, 'xl/tables/table1.xml');
    expect(table).toMatch(/^<\?xml[^>]*>\n<table [^>]*id="1" name="SPBE_Gap" displayName="SPBE_Gap" ref="A9:\w+\d+"/);
    expect(table).toContain('<autoFilter ref="A9:');
    // the header cells hold exactly the table's column names
    const header = [...sheet.matchAll(/<c r="([A-Z]+)9"[^>]*t="inlineStr"><is><t>([^<]*)<\/t>/g)].map((m) => m[2]);
    const names = [...table.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1]);
    expect(header).toEqual(names);
  });

  test('the charts are DrawingML chart parts anchored where the model says, with formulas on the new sheet and cached values', () => {
    const run = runs[1];
    const book = buildWorkbook(run.grids, { ...NO_FEATURES, chart: true, userGapSheet: true }, run.model.name);
    const out = writeSheetPackage(book.bytes, run.model);
    const files = entries(out.bytes);
    const drawing = Object.keys(files).filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).find((n) => n !== 'xl/drawings/drawing1.xml')!;
    expect(drawing).toBe('xl/drawings/drawing2.xml'); // the user's chart keeps drawing1/chart1
    const anchors = [...textOf(files, drawing).matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>[\s\S]*?<xdr:to><xdr:col>(\d+)<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>(\d+)<\/xdr:row>/g)];
    expect(anchors.map((m) => m.slice(1).map(Number))).toEqual(run.model.charts.map((c) => [c.anchor.left, c.anchor.top, c.anchor.right + 1, c.anchor.bottom + 1]));
    const rels = textOf(files, drawing.replace('drawings/', 'drawings/_rels/') + '.rels');
    const charts = [...rels.matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/g)].map((m) => `xl/charts/${m[1]}`);
    expect(charts).toEqual(['xl/charts/chart2.xml', 'xl/charts/chart3.xml']);
    const radar = textOf(files, charts[0]);
    expect(run.model.charts[0].type).toBe('radar');
    expect(radar).toContain('<c:radarChart><c:radarStyle val="marker"/>');
    expect(radar).toContain("<c:f>'Gap Analysis (2)'!$B$");
    expect(radar).toMatch(/<c:numCache><c:formatCode>0<\/c:formatCode><c:ptCount val="8"\/><c:pt idx="0"><c:v>[\d.]+<\/c:v><\/c:pt>/);
    expect(radar).toContain('<c:max val="5"/><c:min val="0"/>');
    const bar = textOf(files, charts[1]);
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toContain('<c:orientation val="maxMin"/>');
    expect(packageProblems(out.bytes)).toEqual([]);
  });

  test('styles are appended to the workbook\'s own (prefixed too), table names and ids stay unique, VML note ids do not collide', () => {
    const run = runs[1];
    const book = buildWorkbook(run.grids, { ...NO_FEATURES, prefixed: true });
    const files = entries(book.bytes);
    // the user already has a table named SPBE_Gap with id 1, and a VML drawing using id block 1
    files['xl/tables/table1.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>\n<x:table xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="SPBE_Gap" displayName="SPBE_Gap" ref="A1:B2"><x:tableColumns count="2"><x:tableColumn id="1" name="a"/><x:tableColumn id="2" name="b"/></x:tableColumns></x:table>`);
    files['xl/drawings/vmlDrawing1.vml'] = strToU8('<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></xml>');
    files['[Content_Types].xml'] = strToU8(
      textOf(files, '[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>'),
    );
    const out = writeSheetPackage(zipSync(files), run.model);
    const o = entries(out.bytes);
    const table = textOf(o, 'xl/tables/table2.xml');
    expect(table).toContain('id="2" name="SPBE_Gap_2" displayName="SPBE_Gap_2"');
    expect(textOf(o, 'xl/drawings/vmlDrawing2.vml')).toContain('<o:idmap v:ext="edit" data="2"/>');
    expect(textOf(o, 'xl/drawings/vmlDrawing2.vml')).toContain('id="_x0000_s2049"');
    const styles = textOf(o, 'xl/styles.xml');
    expect(styles).toMatch(/<x:cellXfs count="(\d+)"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"\/><x:xf numFmtId="164"/);
    const count = Number(/<x:cellXfs count="(\d+)"/.exec(styles)![1]);
    expect(count).toBe([...styles.matchAll(/<x:xf numFmtId/g)].length - 1); // minus the cellStyleXfs entry
    expect(styles).not.toMatch(/<xf /); // nothing unprefixed in a prefixed part
    const wb = textOf(o, 'xl/workbook.xml');
    expect(wb).toContain(`<x:sheet name="Gap Analysis" sheetId="${run.grids.length + 1}" r:id="`);
    expect(wb).toContain(`<x:definedName name="${GAP_SHEET_MARKER}">`);
  });

  test('a workbook without styles, bookViews or defined names gets them in the places the schema wants', () => {
    const run = runs[1];
    const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const r = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const input = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8(`<workbook xmlns="${main}" xmlns:r="${r}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="1"/></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r}/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${main}"><sheetData/></worksheet>`),
    });
    const out = writeSheetPackage(input, run.model);
    const files = entries(out.bytes);
    const wb = textOf(files, 'xl/workbook.xml');
    expect(wb).toMatch(/^<workbook [^>]*><bookViews><workbookView activeTab="1"\/><\/bookViews><sheets>.*<\/sheets><definedNames>.*<\/definedNames><calcPr calcId="1"\/><\/workbook>$/);
    expect(files['xl/styles1.xml'] ?? files['xl/styles.xml']).toBeDefined();
    expect(textOf(files, 'xl/_rels/workbook.xml.rels')).toContain('relationships/styles');
    expect(packageProblems(out.bytes)).toEqual([]);
  });

  test('a Strict OOXML workbook gets Strict parts', () => {
    const run = runs[0];
    const main = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
    const r = 'http://purl.oclc.org/ooxml/officeDocument/relationships';
    const input = zipSync({
      '[Content_Types].xml': strToU8(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
      'xl/workbook.xml': strToU8(`<workbook xmlns="${main}" xmlns:r="${r}"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${r}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
      'xl/worksheets/sheet1.xml': strToU8(`<worksheet xmlns="${main}"><sheetData/></worksheet>`),
    });
    const out = writeSheetPackage(input, run.model);
    const files = entries(out.bytes);
    const sheet = textOf(files, 'xl/worksheets/sheet2.xml');
    expect(sheet).toContain(`<worksheet xmlns="${main}" xmlns:r="${r}">`);
    expect(textOf(files, 'xl/_rels/workbook.xml.rels')).toContain(`Type="${r}/worksheet" Target="worksheets/sheet2.xml"`);
    expect(textOf(files, 'xl/charts/chart1.xml')).toContain('xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart"');
    expect(packageProblems(out.bytes)).toEqual([]);
  });
});

test('what is not a workbook package is refused with a PackageError', () => {
  expect(() => writeSheetPackage(strToU8('kolom;tingkat\n1;3\n'), runs[0].model)).toThrow(/zip/);
  const noWorkbook = zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>') });
  expect(() => writeSheetPackage(noWorkbook, runs[0].model)).toThrow(/no workbook/);
  expect(strFromU8(strToU8('ok'))).toBe('ok');
});
