/**
 * The workbook reader made for our job (src/xlsx/ooxml) on packages written part by part, the way other programs
 * write them: what every kind of cell becomes, the parts found through relationships (openpyxl, pandas, LibreOffice,
 * Strict OOXML, prefixed elements, macro-enabled workbooks), valid workbooks exceljs refuses, damaged packages, and
 * sheets too long to read whole. Equality with the exceljs-based reader over every workbook the tests build is in
 * reader-equality.test.ts.
 */
import { strToU8, zipSync } from 'fflate';
import { readWorkbookGridsSync } from '../../src/xlsx/ooxml/read-workbook';
import { readWorkbookGridsWithExceljs } from '../../src/xlsx/read';
import { isWorkbookReadError } from '../../src/xlsx/errors';
import { assess } from '../../src/core/assess';
import { parseA1 } from '../../src/core/address';
import { SPBE2020 } from '../../src/core/frameworks';
import type { CellValue, Grid } from '../../src/core/types';
import { NS, handXlsx, openpyxlNoteAndChart, sheetXml } from './ooxml-packages';

function at(g: Grid, a1: string): CellValue {
  const p = parseA1(a1)!;
  const row = g.values[p.row];
  return row && p.col < row.length ? row[p.col] : null;
}
function formulaAt(g: Grid, a1: string): string | null {
  const p = parseA1(a1)!;
  return g.formulas?.[p.row]?.[p.col] ?? null;
}
function reasonOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isWorkbookReadError(e)) return e.reason;
    throw e;
  }
  throw new Error('expected the workbook to be refused');
}

/** One sheet of cells given as raw <c> XML per row: [['<c r="A1" …>…</c>', …], …]. */
function oneSheet(rows: string, extra: Partial<Parameters<typeof handXlsx>[0]> = {}, sheet: { before?: string; after?: string } = {}): Grid[] {
  return readWorkbookGridsSync(handXlsx({ sheets: [{ name: 'S', xml: sheetXml(rows, sheet) }], ...extra }));
}

/** The 47 indicators of spbe2020 as openpyxl writes a table: No | Indikator | Tingkat. */
function spbe2020Rows(level: (no: number) => number | string): Array<Array<string | number | null>> {
  return [['No', 'Indikator', 'Tingkat'], ...SPBE2020.indicators.map((i) => [i.no, i.name, level(i.no)])];
}

describe('valid workbooks that exceljs refuses are read', () => {
  test('saved by openpyxl / pandas with a cell note (comments + VML) and a chart: the index is computed', async () => {
    const bytes = openpyxlNoteAndChart(spbe2020Rows((no) => (no % 5) + 1));
    await expect(readWorkbookGridsWithExceljs(bytes)).rejects.toMatchObject({ reason: 'damaged' });
    const grids = readWorkbookGridsSync(bytes);
    expect(grids.map((g) => g.name)).toEqual(['Penilaian']);
    expect(at(grids[0], 'B1')).toBe('Indikator');
    expect(at(grids[0], 'C2')).toBe(2);
    const a = assess(grids);
    expect(a.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(a.scores?.index).toBeGreaterThan(1);
  });

  test('a formula openpyxl wrote without a calculated value stays a formula with a null value', () => {
    const rows = spbe2020Rows(() => 3);
    rows[5][2] = '=2+1';
    const g = readWorkbookGridsSync(openpyxlNoteAndChart(rows))[0];
    expect(at(g, 'C6')).toBeNull();
    expect(formulaAt(g, 'C6')).toBe('=2+1');
  });
});

describe('cells', () => {
  test('numbers become the same doubles as the text written (fractions exact to the last digit)', () => {
    const g = oneSheet(
      '<row r="1"><c r="A1"><v>1.3333333333333333</v></c><c r="B1"><v>4.0999999999999996</v></c><c r="C1"><v>2.5E-3</v></c><c r="D1"><v> 3 </v></c><c r="E1"><v>0</v></c><c r="F1"><v>-0.1</v></c></row>',
    )[0];
    expect(g.values[0]).toEqual([4 / 3, 4.1, 0.0025, 3, 0, -0.1]);
  });

  test('shared strings, rich text runs joined, phonetic guides left out, escapes undone; an empty entry is empty', () => {
    const sst = `<sst xmlns="${NS.main}"><si><t>Tingkat</t></si><si><r><rPr><b/></rPr><t>Indi</t></r><r><t xml:space="preserve">kator </t></r></si><si><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t>baris_x000D_</t></si><si/><si><t/></si><si><t>A &amp; B &lt;C&gt; &#x41;&#66;</t></si></sst>`;
    const cells = [0, 1, 2, 3, 4, 5, 6].map((k) => `<c r="${String.fromCharCode(65 + k)}1" t="s"><v>${k}</v></c>`).join('');
    const g = oneSheet(`<row r="1">${cells}</row>`, { sharedStrings: sst })[0];
    expect(g.values[0]).toEqual(['Tingkat', 'Indikator ', '東京', 'baris\r', null, '', 'A & B <C> AB']);
  });

  test('inline strings, plain and rich; booleans; error values', () => {
    const g = oneSheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Bukti dukung</t></is></c><c r="B1" t="inlineStr"><is><r><rPr><i/></rPr><t>Ting</t></r><r><t>kat</t></r></is></c>' +
        '<c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="inlineStr"><is><t>tab_x0009_</t></is></c></row>',
    )[0];
    expect(g.values[0]).toEqual(['Bukti dukung', 'Tingkat', true, false, { error: '#N/A' }, 'tab\t']);
  });

  test('formulas: cached results of every type, the formula text, and no value where none was calculated', () => {
    const g = oneSheet(
      '<row r="1"><c r="A1"><f>1+2</f><v>3</v></c><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C1" t="b"><f>TRUE()</f><v>1</v></c>' +
        '<c r="D1" t="e"><f>NA()</f><v>#N/A</v></c><c r="E1"><f>A1*2</f></c><c r="F1" t="str"><f>IF(A1&gt;9,"x","")</f><v></v></c><c r="G1"><f>=4/3</f><v>1.3333333333333333</v></c></row>',
    )[0];
    expect(g.values[0]).toEqual([3, 'ab', true, { error: '#N/A' }, null, '', 4 / 3]);
    expect(g.formulas![0]).toEqual(['=1+2', '="a"&"b"', '=TRUE()', '=NA()', '=A1*2', '=IF(A1>9,"x","")', '=4/3']);
  });

  test('a formula whose calculated result is 0 or FALSE has that value (not "no value", as the exceljs-based reader said)', () => {
    const g = oneSheet('<row r="1"><c r="A1"><f>MAX(0,-1)</f><v>0</v></c><c r="B1" t="b"><f>1&gt;2</f><v>0</v></c></row>')[0];
    expect(g.values[0]).toEqual([0, false]);
  });

  test('shared formulas: each cell gets the master formula moved to it; absolute references stay; array formulas on their first cell', () => {
    const g = oneSheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:C2" si="0">A1*$A$1+SUM(A$1:A1)</f><v>2</v></c><c r="C1"><f t="shared" si="0"/><v>3</v></c></row>' +
        '<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c><c r="C2"><f t="shared" si="0"/><v>5</v></c>' +
        '<c r="D2"><f t="array" ref="D2:D3">A1:A2*2</f><v>2</v></c></row><row r="3"><c r="D3"><v>4</v></c></row>',
    )[0];
    expect(g.formulas![0]).toEqual([null, '=A1*$A$1+SUM(A$1:A1)', '=B1*$A$1+SUM(B$1:B1)']);
    expect(g.formulas![1]).toEqual([null, '=A2*$A$1+SUM(A$1:A2)', '=B2*$A$1+SUM(B$1:B2)', '=A1:A2*2']);
    expect(g.formulas![2] ?? []).toEqual([]);
    expect(g.values).toEqual([[1, 2, 3], [2, 4, 5, 2], [null, null, null, 4]]);
  });

  test('dates: numbers in date-formatted cells are serials (1900 and 1904 systems); other formats and style 0 leave numbers alone', () => {
    const styles = `<styleSheet xmlns="${NS.main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0&quot; hari&quot;"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="165"/></cellXfs></styleSheet>`;
    const row = '<row r="1"><c r="A1" s="1"><v>45306</v></c><c r="B1" s="2"><v>45306.5</v></c><c r="C1" s="3"><v>3</v></c><c r="D1" s="0"><v>1.5</v></c><c r="E1" t="d"><v>2024-01-15T12:00:00</v></c></row>';
    expect(oneSheet(row, { styles })[0].values[0]).toEqual([45306, 45306.5, 3, 1.5, 45306.5]);
    const g1904 = oneSheet(row, { styles, workbookPr: '<workbookPr date1904="true"/>' })[0];
    expect(g1904.values[0]).toEqual([45306, 45306.5, 3, 1.5, 45306.5 - 1462]);
  });

  test('text as an XML parser reads it: entities, character references, CDATA, line ends normalised', () => {
    const g = oneSheet(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>satu\r\ndua\rtiga&#13;</t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]></t></is></c><c r="C1" t="str"><f>"x"</f><v>&quot;x&quot;</v></c></row>',
    )[0];
    expect(g.values[0]).toEqual(['satu\ndua\ntiga\r', '<b>&amp;</b>', '"x"']);
  });
});

describe('layout', () => {
  test('rows and cells without an r attribute follow the one before; cells arrive in any order', () => {
    const g = oneSheet('<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row><row r="5"><c r="B5"><v>6</v></c><c r="A5"><v>5</v></c></row>')[0];
    expect(g.values).toEqual([[1, 2], [null, null, 3, 4], [], [], [5, 6]]);
  });

  test('merged areas: only the top-left cell keeps its value or formula; areas are sorted', () => {
    const g = oneSheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>9</v></c><c r="C1"><f>1</f><v>1</v></c></row><row r="2"><c r="A2"><v>8</v></c><c r="B2"><v>2</v></c></row>',
      {},
      { after: '<mergeCells count="2"><mergeCell ref="B2:C2"/><mergeCell ref="A1:C1"/></mergeCells>' },
    )[0];
    expect(g.values).toEqual([[1], [8, 2]]);
    expect(g.formulas).toBeUndefined();
    expect(g.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 1, bottom: 1, right: 2 },
    ]);
  });

  test('hidden columns (a range running to XFD is listed only as far as data can reach) and hidden rows', () => {
    const g = oneSheet(
      '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="2" hidden="1"><c r="A2"><v>2</v></c></row><row r="3" hidden="true"/><row r="9" hidden="1"/>',
      {},
      { before: '<cols><col min="2" max="2" width="3" hidden="1"/><col min="5" max="16384" hidden="true"/></cols>' },
    )[0];
    expect(g.hiddenColumns).toEqual([1, ...Array.from({ length: 63 }, (_, i) => 4 + i)]);
    expect(g.hiddenRows).toEqual([1]); // rows 3 and 9 are below everything the sheet holds
  });

  test('prefixed elements (x:worksheet, x:c …) as .NET libraries write them', () => {
    const xml = `<x:worksheet xmlns:x="${NS.main}"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>No</x:t></x:is></x:c><x:c r="B1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const g = readWorkbookGridsSync(handXlsx({ sheets: [{ name: 'S', xml }] }))[0];
    expect(g.values).toEqual([['No', 2]]);
    expect(g.formulas).toEqual([[null, '=1+1']]);
  });
});

describe('the package', () => {
  test('sheets in tab order; hidden and very hidden sheets marked; chart sheets left out', () => {
    const plain = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const grids = readWorkbookGridsSync(
      handXlsx({
        sheets: [
          { name: 'Petunjuk', xml: plain },
          { name: 'Grafik', xml: `<chartsheet xmlns="${NS.main}"/>`, chartsheet: true },
          { name: 'Rahasia', xml: plain, state: 'veryHidden' },
          { name: 'Bantu', xml: plain, state: 'hidden' },
          { name: 'Penilaian & Rekap', xml: plain, state: 'visible' },
        ],
      }),
    );
    expect(grids.map((g) => [g.name, g.hidden === true])).toEqual([
      ['Petunjuk', false],
      ['Rahasia', true],
      ['Bantu', true],
      ['Penilaian & Rekap', false],
    ]);
  });

  test('Strict OOXML (purl.oclc.org namespaces and relationship types), with 1904 dates written "true"', () => {
    const styles = `<styleSheet xmlns="${NS.strictMain}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const bytes = handXlsx({
      strict: true,
      styles,
      sharedStrings: `<sst xmlns="${NS.strictMain}"><si><t>Tingkat</t></si></sst>`,
      workbookPr: '<workbookPr date1904="true"/>',
      sheets: [{ name: 'Strict', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>100.25</v></c></row>', { strict: true }) }],
    });
    expect(readWorkbookGridsSync(bytes)[0].values).toEqual([['Tingkat', 100.25]]);
  });

  test('openpyxl-style absolute targets, a workbook part elsewhere than xl/workbook.xml, and an .xlsm with macros', () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>7</v></c></row>');
    expect(readWorkbookGridsSync(handXlsx({ absoluteTargets: true, sheets: [{ name: 'A', xml }] }))[0].values).toEqual([[7]]);
    expect(readWorkbookGridsSync(handXlsx({ workbookPath: 'book/main.xml', sheets: [{ name: 'B', xml }] }))[0].values).toEqual([[7]]);
    expect(readWorkbookGridsSync(handXlsx({ macro: true, sheets: [{ name: 'C', xml }] }))[0].values).toEqual([[7]]);
  });

  test('the gap sheet this tool wrote (workbook-scoped marker on its A1) is left out; a sheet-scoped name of that spelling is another name', () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const sheets = [
      { name: 'Penilaian', xml },
      { name: "Analisis Gap", xml },
    ];
    const names = (definedNames: string) => readWorkbookGridsSync(handXlsx({ sheets, definedNames })).map((g) => g.name);
    expect(names(`<definedName name="SPBE_GAP_MARKER">'Analisis Gap'!$A$1</definedName>`)).toEqual(['Penilaian']);
    expect(names(`<definedName name="spbe_gap_marker">'analisis gap'!A1</definedName>`)).toEqual(['Penilaian']);
    expect(names(`<definedName name="SPBE_GAP_MARKER" localSheetId="1">'Analisis Gap'!$A$1</definedName>`)).toEqual(['Penilaian', 'Analisis Gap']);
    expect(names(`<definedName name="SPBE_GAP_MARKER">'Analisis Gap'!$B$2</definedName>`)).toEqual(['Penilaian', 'Analisis Gap']);
    expect(names(`<definedName name="SPBE_GAP_MARKER">#REF!$A$1</definedName>`)).toEqual(['Penilaian', 'Analisis Gap']);
  });
});

describe('what is not a readable workbook', () => {
  const good = () => handXlsx({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') }] });

  test('a sheet part that is not well-formed XML, or ends early, is damaged', () => {
    expect(reasonOf(() => oneSheet('<row r="1"><c r="A1"><v>1</c></row>'))).toBe('damaged');
    const cut = handXlsx({ sheets: [{ name: 'S', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').slice(0, -30) }] });
    expect(reasonOf(() => readWorkbookGridsSync(cut))).toBe('damaged');
  });

  test('an archive cut short, or whose data does not inflate, is damaged', () => {
    const bytes = good();
    expect(reasonOf(() => readWorkbookGridsSync(bytes.subarray(0, bytes.length - 40)))).toBe('damaged');
    const corrupt = Uint8Array.from(bytes);
    // garble the compressed data of the first entry (after its 30-byte header and name)
    const nameLength = corrupt[26] | (corrupt[27] << 8);
    for (let i = 30 + nameLength; i < 30 + nameLength + 12; i++) corrupt[i] ^= 0x5a;
    expect(reasonOf(() => readWorkbookGridsSync(corrupt))).toBe('damaged');
  });

  test('a workbook with only chart sheets has no worksheets; a .docx renamed .xlsx is not a workbook', () => {
    expect(reasonOf(() => readWorkbookGridsSync(handXlsx({ sheets: [{ name: 'G', xml: `<chartsheet xmlns="${NS.main}"/>`, chartsheet: true }] })))).toBe('no-sheets');
    const docx = zipSync({
      '_rels/.rels': strToU8(`<Relationships xmlns="${NS.pkgRel}"><Relationship Id="r" Type="${NS.rel}/officeDocument" Target="word/document.xml"/></Relationships>`),
      'word/document.xml': strToU8('<w:document xmlns:w="urn:w"/>'),
    });
    expect(reasonOf(() => readWorkbookGridsSync(docx))).toBe('not-xlsx');
  });
});

describe('sheets too long to read whole', () => {
  function longSheet(rows: number, extraAfter = ''): Uint8Array {
    let xml = '';
    for (let r = 1; r <= rows; r++) xml += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>baris ${r}</t></is></c></row>`;
    return handXlsx({
      sheets: [
        { name: 'Data', xml: sheetXml(xml + extraAfter, { after: '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A90:B90"/></mergeCells>' }) },
        { name: 'Kecil', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>') },
      ],
    });
  }

  test('past the row budget the rest of the sheet is not read, the grid says how far it was read, and later sheets are read', () => {
    const grids = readWorkbookGridsSync(longSheet(100), { maxRows: 30, maxCells: 1e6 });
    expect(grids[0].values).toHaveLength(30);
    expect(grids[0].values[29]).toEqual([30, 'baris 30']);
    expect(grids[0].truncated).toEqual({ keptRows: 30, lastRow: 29 });
    expect(grids[0].merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 1 }]); // the one below the cut is gone
    expect(grids[1].values).toEqual([[1]]);
    expect(grids[1].truncated).toBeUndefined();
  });

  test('the cell budget cuts too; a sheet exactly as long as the budget, or followed only by empty formatted rows, is whole', () => {
    expect(readWorkbookGridsSync(longSheet(100), { maxRows: 1000, maxCells: 41 })[0].truncated).toEqual({ keptRows: 21, lastRow: 20 });
    expect(readWorkbookGridsSync(longSheet(30), { maxRows: 30, maxCells: 1e6 })[0].truncated).toBeUndefined();
    const formatted = Array.from({ length: 50 }, (_, k) => `<row r="${31 + k}" s="1" customFormat="1"><c r="A${31 + k}" s="1"/></row>`).join('');
    expect(readWorkbookGridsSync(longSheet(30, formatted), { maxRows: 30, maxCells: 1e6 })[0].truncated).toBeUndefined();
  });

  test('with the default budget a 25,000-row sheet keeps 20,000 rows, and the core warns which sheet was cut and where', () => {
    const table = spbe2020Rows((no) => (no % 4) + 1);
    let data = '';
    for (let r = 1; r <= 25000; r++) data += `<row r="${r}"><c r="A${r}"><v>${r * 3}</v></c><c r="B${r}"><v>${r / 7}</v></c></row>`;
    const grids = readWorkbookGridsSync(
      handXlsx({
        sheets: [
          { name: 'Penilaian', xml: sheetXml(table.map((row, r) => `<row r="${r + 1}">${row.map((v, c) => (typeof v === 'number' ? `<c r="${String.fromCharCode(65 + c)}${r + 1}"><v>${v}</v></c>` : `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`).join('')) },
          { name: 'Data Mentah', xml: sheetXml(data) },
        ],
      }),
    );
    expect(grids[1].values).toHaveLength(20000);
    expect(grids[1].truncated).toEqual({ keptRows: 20000, lastRow: 19999 });
    const a = assess(grids);
    expect(a.scores).not.toBeNull();
    const w = a.problems.find((p) => p.code === 'SHEET_TRUNCATED')!;
    expect(w).toMatchObject({ severity: 'warning', sheet: 'Data Mentah', cell: null });
    expect(w.message.en).toContain('Data Mentah');
    expect(w.message.en).toContain('20000 rows');
    expect(w.message.en).toContain('row 20000');
    expect(w.message.id).toContain('Data Mentah');
  });
});
