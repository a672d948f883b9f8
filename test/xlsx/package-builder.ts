/**
 * Test workbooks built part by part (fflate's zip, XML written here), with the things exceljs drops or alters
 * and Excel keeps: a chart on the assessment sheet (drawing, chart, chart style and colour parts), a link to
 * another workbook (externalLink part and a formula using it), macros (vbaProject.bin, macro-enabled content
 * type), sheet protection, fit-to-page printing with printer settings, a data validation over the level
 * column, custom XML, custom document properties, control characters in text, a selected tab, a calcChain,
 * a user's own sheet named like ours (`gapName`), a "x:"-prefixed SpreadsheetML dialect. The sheets' cells come from
 * grids (e.g. of an example workbook), so the gap pipeline can assess the same data.
 */
import { zipSync, strToU8 } from 'fflate';
import fc from 'fast-check';
import type { Grid, CellValue } from '../../src/core/types';
import { columnLetter } from '../../src/core/address';

export interface Features {
  readonly chart: boolean;
  readonly externalLink: boolean;
  readonly macros: boolean;
  readonly protection: boolean;
  readonly fitToPage: boolean;
  readonly printerSettings: boolean;
  readonly validation: boolean;
  readonly customXml: boolean;
  readonly customProps: boolean;
  readonly controlChars: boolean;
  readonly tabSelected: boolean;
  readonly calcChain: boolean;
  readonly sharedStrings: boolean;
  readonly userGapSheet: boolean;
  /** SpreadsheetML elements written with an "x:" prefix (as some generators do). */
  readonly prefixed: boolean;
  /** Compression: 0 (stored entries) … 9. */
  readonly level: 0 | 1 | 6 | 9;
}

export const ALL_FEATURES: Features = {
  chart: true,
  externalLink: true,
  macros: true,
  protection: true,
  fitToPage: true,
  printerSettings: true,
  validation: true,
  customXml: true,
  customProps: true,
  controlChars: true,
  tabSelected: true,
  calcChain: true,
  sharedStrings: true,
  userGapSheet: true,
  prefixed: false,
  level: 6,
};

export const NO_FEATURES: Features = {
  chart: false,
  externalLink: false,
  macros: false,
  protection: false,
  fitToPage: false,
  printerSettings: false,
  validation: false,
  customXml: false,
  customProps: false,
  controlChars: false,
  tabSelected: false,
  calcChain: false,
  sharedStrings: false,
  userGapSheet: false,
  prefixed: false,
  level: 6,
};

/** Any combination of features (for property tests). */
export const FEATURES: fc.Arbitrary<Features> = fc.record({
  chart: fc.boolean(),
  externalLink: fc.boolean(),
  macros: fc.boolean(),
  protection: fc.boolean(),
  fitToPage: fc.boolean(),
  printerSettings: fc.boolean(),
  validation: fc.boolean(),
  customXml: fc.boolean(),
  customProps: fc.boolean(),
  controlChars: fc.boolean(),
  tabSelected: fc.boolean(),
  calcChain: fc.boolean(),
  sharedStrings: fc.boolean(),
  userGapSheet: fc.boolean(),
  prefixed: fc.boolean(),
  level: fc.constantFrom(0 as const, 1 as const, 6 as const, 9 as const),
});

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTROL_TEXT = 'Catatan\u0001 bel\u0007 akhir';

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
/** Excel's escape for characters XML cannot hold (and for a literal "_xHHHH_"). */
function excelEsc(s: string): string {
  // eslint-disable-next-line no-control-regex
  return esc(s.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
}

function rels(items: Array<[string, string, string, boolean?]>): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="${PKG_RELS}">${items
    .map(([id, type, target, external]) => `<Relationship Id="${id}" Type="${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`)
    .join('')}</Relationships>`;
}

export interface BuiltWorkbook {
  readonly bytes: Uint8Array;
  /** ".xlsx" or ".xlsm". */
  readonly ext: string;
  /** The entry names, for tests that look at particular parts. */
  readonly parts: ReadonlyArray<string>;
  /** The workbook part's content type. */
  readonly workbookType: string;
}

/** The workbook: one sheet per grid (plus the feature sheets), every feature part as Excel writes it. */
export function buildWorkbook(grids: ReadonlyArray<Grid>, f: Features, gapName = 'Analisis Gap'): BuiltWorkbook {
  const x = f.prefixed ? 'x:' : '';
  const ns = f.prefixed ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const files: Record<string, Uint8Array> = {};
  const put = (name: string, text: string) => (files[name] = strToU8(text));
  const overrides: Array<[string, string]> = [];
  const shared: string[] = [];
  const sharedIndex = new Map<string, number>();
  const sst = (s: string) => {
    let i = sharedIndex.get(s);
    if (i === undefined) {
      i = shared.length;
      shared.push(s);
      sharedIndex.set(s, i);
    }
    return i;
  };

  const sheets: Array<{ name: string; grid: Grid | null; extra?: string }> = grids.map((g) => ({ name: g.name, grid: g }));
  if (f.externalLink) sheets.push({ name: 'Referensi', grid: null, extra: 'external' });
  if (f.userGapSheet) sheets.push({ name: gapName, grid: { name: gapName, values: [['catatan tim saya'], ['jangan ditimpa']] } });
  const main = mainSheet(grids);
  const levelCol = findLevelColumn(grids[main]);
  const formulaCells: Array<{ sheetId: number; ref: string }> = [];

  const wbRels: Array<[string, string, string, boolean?]> = [];
  sheets.forEach((s, i) => {
    const id = i + 1;
    const part = `xl/worksheets/sheet${id}.xml`;
    overrides.push([`/${part}`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']);
    wbRels.push([`rId${id}`, `${R}/worksheet`, `worksheets/sheet${id}.xml`]);
    const sheetRels: Array<[string, string, string, boolean?]> = [];
    const isMain = i === main;
    let rows = '';
    if (s.grid) {
      const g = s.grid;
      const o = g.origin ?? { row: 0, col: 0 };
      let controlDone = false;
      g.values.forEach((row, r) => {
        let cells = '';
        row.forEach((v, c) => {
          const ref = `${columnLetter(o.col + c)}${o.row + r + 1}`;
          const formula = g.formulas?.[r]?.[c];
          let text = v;
          // the first text cell of the assessment sheet (a title) gets control characters
          if (f.controlChars && isMain && !controlDone && typeof v === 'string' && !formula) {
            text = `${v} ${CONTROL_TEXT}`;
            controlDone = true;
          }
          cells += cellXml(ref, text, formula ?? null, x, f.sharedStrings ? sst : null);
          if (formula) formulaCells.push({ sheetId: id, ref });
        });
        if (cells) rows += `<${x}row r="${o.row + r + 1}">${cells}</${x}row>`;
      });
    } else if (s.extra === 'external') {
      rows = `<${x}row r="1"><${x}c r="A1" t="inlineStr"><${x}is><${x}t>Tingkat kabupaten lain</${x}t></${x}is></${x}c><${x}c r="B1"><${x}f>[1]Data!$A$1</${x}f><${x}v>3</${x}v></${x}c></${x}row>`;
      formulaCells.push({ sheetId: id, ref: 'B1' });
    }
    let sheetPr = '';
    let after = '';
    if (isMain && f.fitToPage) sheetPr = `<${x}sheetPr><${x}pageSetUpPr fitToPage="1"/></${x}sheetPr>`;
    const selected = isMain && f.tabSelected ? ' tabSelected="1"' : '';
    const views = `<${x}sheetViews><${x}sheetView${selected} workbookViewId="0"/></${x}sheetViews>`;
    if (isMain && f.protection) after += `<${x}sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1"/>`;
    if (isMain && f.validation && levelCol) {
      after += `<${x}dataValidations count="1"><${x}dataValidation type="whole" allowBlank="1" showErrorMessage="1" errorTitle="Tingkat" error="Isi 1 sampai 5" sqref="${levelCol.letter}${levelCol.first + 1}:${levelCol.letter}${levelCol.last + 1}"><${x}formula1>1</${x}formula1><${x}formula2>5</${x}formula2></${x}dataValidation></${x}dataValidations>`;
    }
    after += `<${x}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
    if (isMain && (f.fitToPage || f.printerSettings)) {
      let ps = '';
      if (f.printerSettings) {
        files['xl/printerSettings/printerSettings1.bin'] = pseudoRandom(512, 7);
        sheetRels.push([`rId${sheetRels.length + 1}`, `${R}/printerSettings`, '../printerSettings/printerSettings1.bin']);
        ps = ` r:id="rId${sheetRels.length}"`;
      }
      after += `<${x}pageSetup paperSize="9" orientation="landscape"${f.fitToPage ? ' fitToWidth="1" fitToHeight="0"' : ''}${ps}/>`;
    }
    if (isMain && f.chart && levelCol) {
      sheetRels.push([`rId${sheetRels.length + 1}`, `${R}/drawing`, '../drawings/drawing1.xml']);
      after += `<${x}drawing r:id="rId${sheetRels.length}"/>`;
      addChart(files, overrides, s.name, levelCol);
    }
    put(part, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${x}worksheet ${ns} xmlns:r="${R}">${sheetPr}${views}<${x}sheetData>${rows}</${x}sheetData>${after}</${x}worksheet>`);
    if (sheetRels.length) put(`xl/worksheets/_rels/sheet${id}.xml.rels`, rels(sheetRels));
  });

  let extRefs = '';
  if (f.externalLink) {
    const id = `rId${wbRels.length + 1}`;
    wbRels.push([id, `${R}/externalLink`, 'externalLinks/externalLink1.xml']);
    extRefs = `<${x}externalReferences><${x}externalReference r:id="${id}"/></${x}externalReferences>`;
    put(
      'xl/externalLinks/externalLink1.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${x}externalLink ${ns} xmlns:r="${R}"><${x}externalBook r:id="rId1"><${x}sheetNames><${x}sheetName val="Data"/></${x}sheetNames><${x}sheetDataSet><${x}sheetData sheetId="0"><${x}row r="1"><${x}cell r="A1"><${x}v>3</${x}v></${x}cell></${x}row></${x}sheetData></${x}sheetDataSet></${x}externalBook></${x}externalLink>`,
    );
    put('xl/externalLinks/_rels/externalLink1.xml.rels', rels([['rId1', `${R}/externalLinkPath`, 'file:///C:/SPBE/kabupaten-lain.xlsx', true]]));
    overrides.push(['/xl/externalLinks/externalLink1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml']);
  }
  const stylesId = `rId${wbRels.length + 1}`;
  wbRels.push([stylesId, `${R}/styles`, 'styles.xml']);
  put(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${x}styleSheet ${ns}><${x}numFmts count="1"><${x}numFmt numFmtId="164" formatCode="0.000"/></${x}numFmts>` +
      `<${x}fonts count="2"><${x}font><${x}sz val="11"/><${x}name val="Calibri"/><${x}family val="2"/><${x}scheme val="minor"/></${x}font><${x}font><${x}b/><${x}sz val="11"/><${x}name val="Calibri"/></${x}font></${x}fonts>` +
      `<${x}fills count="2"><${x}fill><${x}patternFill patternType="none"/></${x}fill><${x}fill><${x}patternFill patternType="gray125"/></${x}fill></${x}fills>` +
      `<${x}borders count="1"><${x}border><${x}left/><${x}right/><${x}top/><${x}bottom/><${x}diagonal/></${x}border></${x}borders>` +
      `<${x}cellStyleXfs count="1"><${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${x}cellStyleXfs>` +
      `<${x}cellXfs count="2"><${x}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><${x}xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></${x}cellXfs>` +
      `<${x}cellStyles count="1"><${x}cellStyle name="Normal" xfId="0" builtinId="0"/></${x}cellStyles><${x}dxfs count="0"/><${x}tableStyles count="0"/></${x}styleSheet>`,
  );
  overrides.push(['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml']);
  if (f.sharedStrings && shared.length) {
    wbRels.push([`rId${wbRels.length + 1}`, `${R}/sharedStrings`, 'sharedStrings.xml']);
    put(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${x}sst ${ns} count="${shared.length}" uniqueCount="${shared.length}">${shared
        .map((s) => `<${x}si><${x}t xml:space="preserve">${excelEsc(s)}</${x}t></${x}si>`)
        .join('')}</${x}sst>`,
    );
    overrides.push(['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml']);
  }
  if (f.calcChain && formulaCells.length) {
    wbRels.push([`rId${wbRels.length + 1}`, `${R}/calcChain`, 'calcChain.xml']);
    let last = -1;
    const items = formulaCells.map((c) => {
      const i = c.sheetId !== last ? ` i="${c.sheetId}"` : '';
      last = c.sheetId;
      return `<${x}c r="${c.ref}"${i}/>`;
    });
    put('xl/calcChain.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${x}calcChain ${ns}>${items.join('')}</${x}calcChain>`);
    overrides.push(['/xl/calcChain.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml']);
  }
  if (f.macros) {
    files['xl/vbaProject.bin'] = vbaProject();
    wbRels.push([`rId${wbRels.length + 1}`, 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']);
    overrides.push(['/xl/vbaProject.bin', 'application/vnd.ms-office.vbaProject']);
  }
  if (f.customXml) {
    put('customXml/item1.xml', '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<dokumen xmlns="urn:spbe:uji"><instansi>Kabupaten Contoh</instansi><tahun>2026</tahun></dokumen>');
    put(
      'customXml/itemProps1.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n<ds:datastoreItem ds:itemID="{6D1C9F5A-7A55-4C3B-9C0E-1F2A3B4C5D6E}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="urn:spbe:uji"/></ds:schemaRefs></ds:datastoreItem>',
    );
    put('customXml/_rels/item1.xml.rels', rels([['rId1', `${R}/customXmlProps`, 'itemProps1.xml']]));
    overrides.push(['/customXml/itemProps1.xml', 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml']);
    wbRels.push([`rId${wbRels.length + 1}`, `${R}/customXml`, '../customXml/item1.xml']);
  }

  // workbook
  const activeTab = f.tabSelected ? main : 0;
  const sheetList = sheets.map((s, i) => `<${x}sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = `<${x}definedNames><${x}definedName name="_xlnm.Print_Area" localSheetId="${main}">${esc(`'${grids[main].name.replace(/'/g, "''")}'!$A$1:$H$60`)}</${x}definedName><${x}definedName name="Sumber">${esc(`'${grids[main].name.replace(/'/g, "''")}'!$A$1`)}</${x}definedName></${x}definedNames>`;
  const workbookType = f.macros ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${x}workbook ${ns} xmlns:r="${R}"><${x}fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/>` +
      `<${x}workbookPr${f.macros ? ' codeName="ThisWorkbook"' : ''} defaultThemeVersion="166925"/><${x}bookViews><${x}workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="${activeTab}"/></${x}bookViews>` +
      `<${x}sheets>${sheetList}</${x}sheets>${extRefs}${names}<${x}calcPr calcId="191029"/></${x}workbook>`,
  );
  put('xl/_rels/workbook.xml.rels', rels(wbRels));

  // package
  const rootRels: Array<[string, string, string, boolean?]> = [
    ['rId1', `${R}/officeDocument`, 'xl/workbook.xml'],
    ['rId2', 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', 'docProps/core.xml'],
    ['rId3', `${R}/extended-properties`, 'docProps/app.xml'],
  ];
  put(
    'docProps/core.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Tim SPBE</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created></cp:coreProperties>',
  );
  put(
    'docProps/app.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${esc(s.name)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts></Properties>`,
  );
  overrides.push(['/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml'], ['/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml']);
  if (f.customProps) {
    rootRels.push(['rId4', `${R}/custom-properties`, 'docProps/custom.xml']);
    put(
      'docProps/custom.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Instansi"><vt:lpwstr>Kabupaten Contoh</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="Tahun Evaluasi"><vt:i4>2026</vt:i4></property></Properties>',
    );
    overrides.push(['/docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml']);
  }
  put('_rels/.rels', rels(rootRels));
  overrides.unshift(['/xl/workbook.xml', workbookType]);
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      (f.printerSettings ? '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/>' : '') +
      overrides.map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('') +
      `</Types>`,
  );
  // [Content_Types].xml first, as Excel writes it; the rest in a fixed order
  const ordered: Record<string, Uint8Array> = { '[Content_Types].xml': files['[Content_Types].xml'] };
  for (const k of Object.keys(files)) if (k !== '[Content_Types].xml') ordered[k] = files[k];
  const bytes = zipSync(ordered, { level: f.level, mtime: new Date(2026, 0, 5, 8, 0, 0) });
  return { bytes, ext: f.macros ? '.xlsm' : '.xlsx', parts: Object.keys(ordered), workbookType };
}

/** The assessment sheet: the one with most rows. */
export function mainSheet(grids: ReadonlyArray<Grid>): number {
  return grids.reduce((best, g, i) => (g.values.length > grids[best].values.length ? i : best), 0);
}

function cellXml(ref: string, v: CellValue, formula: string | null, x: string, sst: ((s: string) => number) | null): string {
  const f = formula ? `<${x}f>${esc(formula.replace(/^=/, ''))}</${x}f>` : '';
  if (v === null || v === undefined) return f ? `<${x}c r="${ref}">${f}</${x}c>` : '';
  if (typeof v === 'number') return `<${x}c r="${ref}">${f}<${x}v>${v}</${x}v></${x}c>`;
  if (typeof v === 'boolean') return `<${x}c r="${ref}" t="b">${f}<${x}v>${v ? 1 : 0}</${x}v></${x}c>`;
  if (typeof v === 'object') return `<${x}c r="${ref}" t="e">${f}<${x}v>${esc(v.error)}</${x}v></${x}c>`;
  if (f) return `<${x}c r="${ref}" t="str">${f}<${x}v>${excelEsc(v)}</${x}v></${x}c>`;
  if (sst) return `<${x}c r="${ref}" t="s"><${x}v>${sst(v)}</${x}v></${x}c>`;
  return `<${x}c r="${ref}" t="inlineStr"><${x}is><${x}t xml:space="preserve">${excelEsc(v)}</${x}t></${x}is></${x}c>`;
}

/** The column holding the levels: the numeric column with most values 1–5. */
function findLevelColumn(g: Grid): { letter: string; first: number; last: number; col: number } | null {
  const o = g.origin ?? { row: 0, col: 0 };
  let best: { letter: string; first: number; last: number; col: number; n: number } | null = null;
  const width = Math.max(0, ...g.values.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    let n = 0;
    let first = -1;
    let last = -1;
    g.values.forEach((row, r) => {
      const v = row[c];
      if (typeof v === 'number' && v >= 1 && v <= 5) {
        n++;
        if (first < 0) first = r;
        last = r;
      }
    });
    if (n > (best?.n ?? 0)) best = { letter: columnLetter(o.col + c), first: o.row + first, last: o.row + last, col: o.col + c, n };
  }
  return best;
}

function addChart(files: Record<string, Uint8Array>, overrides: Array<[string, string]>, sheet: string, col: { letter: string; first: number; last: number }): void {
  const ref = `'${sheet.replace(/'/g, "''")}'!$${col.letter}$${col.first + 1}:$${col.letter}$${col.last + 1}`;
  files['xl/drawings/drawing1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
      `<xdr:twoCellAnchor><xdr:from><xdr:col>9</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>16</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Grafik Tingkat"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  files['xl/drawings/_rels/drawing1.xml.rels'] = strToU8(rels([['rId1', `${R}/chart`, '../charts/chart1.xml']]));
  files['xl/charts/chart1.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>` +
      `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>${esc(ref)}</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart>` +
      `<c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`,
  );
  files['xl/charts/_rels/chart1.xml.rels'] = strToU8(
    rels([
      ['rId1', 'http://schemas.microsoft.com/office/2011/relationships/chartStyle', 'style1.xml'],
      ['rId2', 'http://schemas.microsoft.com/office/2011/relationships/chartColorStyle', 'colors1.xml'],
    ]),
  );
  files['xl/charts/style1.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>');
  files['xl/charts/colors1.xml'] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>');
  overrides.push(
    ['/xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml'],
    ['/xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml'],
    ['/xl/charts/style1.xml', 'application/vnd.ms-office.chartstyle+xml'],
    ['/xl/charts/colors1.xml', 'application/vnd.ms-office.chartcolorstyle+xml'],
  );
}

/** Deterministic bytes (a printer's DEVMODE, say). */
export function pseudoRandom(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

/** Stand-in macros: an OLE compound-file signature followed by opaque bytes (copied, never read). */
function vbaProject(): Uint8Array {
  const out = pseudoRandom(4096, 99);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  return out;
}
