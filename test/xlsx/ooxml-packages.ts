/**
 * Test helper: workbook packages written part by part (fflate's zipSync), so tests control every byte the way other
 * programs write them: Excel, openpyxl / pandas (absolute relationship targets, inline strings, comments with VML,
 * charts), Strict OOXML (purl.oclc.org namespaces), prefixed elements (.NET writers), macro-enabled workbooks.
 */
import { strToU8, zipSync } from 'fflate';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  strictRel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};

export interface HandSheet {
  readonly name: string;
  /** The whole worksheet part (see sheetXml). */
  readonly xml: string;
  /** "hidden" / "veryHidden"; absent: visible. */
  readonly state?: string;
  /** The sheet's relationships part, if any (e.g. comments, drawing). */
  readonly rels?: string;
  /** A chart sheet instead of a worksheet. */
  readonly chartsheet?: boolean;
}

export interface HandPackage {
  readonly sheets: ReadonlyArray<HandSheet>;
  /** Plain texts (written `<si><t>…</t></si>`) or the whole part. */
  readonly sharedStrings?: ReadonlyArray<string> | string;
  /** The whole styles part. */
  readonly styles?: string;
  /** Inside <workbook>, before <sheets> (e.g. `<workbookPr date1904="1"/>`). */
  readonly workbookPr?: string;
  /** Inside <definedNames>. */
  readonly definedNames?: string;
  /** Strict OOXML namespaces and relationship types. */
  readonly strict?: boolean;
  /** Relationship targets written "/xl/…" (openpyxl). */
  readonly absoluteTargets?: boolean;
  /** A macro-enabled workbook (.xlsm) with a vbaProject.bin. */
  readonly macro?: boolean;
  /** Any other parts, by path. */
  readonly extraParts?: Readonly<Record<string, string | Uint8Array>>;
  /** The workbook part's path (default xl/workbook.xml). */
  readonly workbookPath?: string;
}

export function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A worksheet part: `sheetData` rows (XML), with optional parts before and after sheetData. */
export function sheetXml(rows: string, opts: { before?: string; after?: string; strict?: boolean } = {}): string {
  const ns = opts.strict ? NS.strictMain : NS.main;
  const r = opts.strict ? NS.strictRel : NS.rel;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${ns}" xmlns:r="${r}">${opts.before ?? ''}<sheetData>${rows}</sheetData>${opts.after ?? ''}</worksheet>`;
}

function sstXml(s: ReadonlyArray<string> | string): string {
  if (typeof s === 'string') return s;
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${NS.main}" count="${s.length}" uniqueCount="${s.length}">${s
    .map((t) => `<si><t xml:space="preserve">${xmlEscape(t)}</t></si>`)
    .join('')}</sst>`;
}

/** The package's bytes. */
export function handXlsx(p: HandPackage): Uint8Array {
  const strict = p.strict === true;
  const relNs = strict ? NS.strictRel : NS.rel;
  const relType = (kind: string) => `${strict ? 'http://purl.oclc.org/ooxml/officeDocument/relationships' : 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'}/${kind}`;
  const wbPath = p.workbookPath ?? 'xl/workbook.xml';
  const wbDir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const target = (rel: string) => (p.absoluteTargets ? `/${wbDir}${rel}` : rel);
  const files: Record<string, Uint8Array> = {};
  const put = (path: string, content: string | Uint8Array) => {
    files[path] = typeof content === 'string' ? strToU8(content) : content;
  };
  const overrides: string[] = [];
  const mainType = p.macro ? 'application/vnd.ms-excel.sheet.macroEnabled.main+xml' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
  overrides.push(`<Override PartName="/${wbPath}" ContentType="${mainType}"/>`);

  const rels: string[] = [];
  const sheetEls: string[] = [];
  p.sheets.forEach((s, i) => {
    const n = i + 1;
    const folder = s.chartsheet ? 'chartsheets' : 'worksheets';
    const part = `${folder}/sheet${n}.xml`;
    put(wbDir + part, s.xml);
    if (s.rels) put(`${wbDir}${folder}/_rels/sheet${n}.xml.rels`, s.rels);
    overrides.push(`<Override PartName="/${wbDir}${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.${s.chartsheet ? 'chartsheet' : 'worksheet'}+xml"/>`);
    rels.push(`<Relationship Id="rId${n}" Type="${relType(s.chartsheet ? 'chartsheet' : 'worksheet')}" Target="${target(part)}"/>`);
    sheetEls.push(`<sheet name="${xmlEscape(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n}"/>`);
  });
  let next = p.sheets.length + 1;
  if (p.sharedStrings !== undefined) {
    put(`${wbDir}sharedStrings.xml`, sstXml(p.sharedStrings));
    rels.push(`<Relationship Id="rId${next++}" Type="${relType('sharedStrings')}" Target="${target('sharedStrings.xml')}"/>`);
    overrides.push(`<Override PartName="/${wbDir}sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`);
  }
  if (p.styles !== undefined) {
    put(`${wbDir}styles.xml`, p.styles);
    rels.push(`<Relationship Id="rId${next++}" Type="${relType('styles')}" Target="${target('styles.xml')}"/>`);
    overrides.push(`<Override PartName="/${wbDir}styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>`);
  }
  if (p.macro) {
    put(`${wbDir}vbaProject.bin`, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3, 4]));
    rels.push(`<Relationship Id="rId${next++}" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="${target('vbaProject.bin')}"/>`);
  }
  const ns = strict ? NS.strictMain : NS.main;
  put(
    wbPath,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${relNs}"${strict ? ' conformance="strict"' : ''}>${p.workbookPr ?? ''}<sheets>${sheetEls.join('')}</sheets>${
      p.definedNames ? `<definedNames>${p.definedNames}</definedNames>` : ''
    }</workbook>`,
  );
  put(`${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}">${rels.join('')}</Relationships>`);
  put(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${relType('officeDocument')}" Target="${wbPath}"/></Relationships>`,
  );
  for (const [path, content] of Object.entries(p.extraParts ?? {})) put(path, content);
  put(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>${overrides.join('')}</Types>`,
  );
  return zipSync(files, { level: 6 });
}

/** An assessment-like sheet's rows in openpyxl's way: inline strings, t="n" numbers, a formula without a cached value. */
export function inlineRows(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  const col = (c: number) => String.fromCharCode(65 + c);
  return rows
    .map((row, r) => {
      const cells = row
        .map((v, c) => {
          const ref = `${col(c)}${r + 1}`;
          if (v === null) return '';
          if (typeof v === 'number') return `<c r="${ref}" t="n"><v>${v}</v></c>`;
          if (v.startsWith('=')) return `<c r="${ref}"><f>${xmlEscape(v.slice(1))}</f><v /></c>`;
          return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(v)}</t></is></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
}

/**
 * A workbook as openpyxl 3.1 (and pandas through it) saves one with a cell note (comments part + VML drawing) and a
 * bar chart: absolute relationship targets, comments under xl/comments/, the VML as xl/drawings/commentsDrawing1.vml
 * with the relationship id "anysvml", inline strings, a formula never calculated (`<v />`). exceljs refuses it.
 */
export function openpyxlNoteAndChart(rows: ReadonlyArray<ReadonlyArray<string | number | null>>, sheetName = 'Penilaian'): Uint8Array {
  const R = NS.rel;
  const sheet = `<worksheet xmlns="${NS.main}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr /></sheetPr><dimension ref="A1:D${rows.length}" /><sheetViews><sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1" /></sheetView></sheetViews><sheetFormatPr baseColWidth="8" defaultRowHeight="15" /><sheetData>${inlineRows(rows)}</sheetData><pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" /><drawing xmlns:r="${R}" r:id="rId1" /><legacyDrawing xmlns:r="${R}" r:id="anysvml" /></worksheet>`;
  const sheetRels = `<Relationships xmlns="${NS.pkgRel}"><Relationship Type="${R}/drawing" Target="/xl/drawings/drawing1.xml" Id="rId1" /><Relationship Type="${R}/comments" Target="/xl/comments/comment1.xml" Id="comments" /><Relationship Type="${R}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml" Id="anysvml" /></Relationships>`;
  const comments = `<comments xmlns="${NS.main}"><authors><author>Asesor</author></authors><commentList><comment ref="C2" authorId="0" shapeId="0"><text><t>Catatan asesor: bukti dukung belum lengkap</t></text></comment></commentList></comments>`;
  const vml = `<xml xmlns:ns0="urn:schemas-microsoft-com:office:office" xmlns:ns1="urn:schemas-microsoft-com:vml" xmlns:ns2="urn:schemas-microsoft-com:office:excel"><ns0:shapelayout ns1:ext="edit"><ns0:idmap ns1:ext="edit" data="1" /></ns0:shapelayout><ns1:shapetype id="_x0000_t202" coordsize="21600,21600" ns0:spt="202" path="m,l,21600r21600,l21600,xe"><ns1:stroke joinstyle="miter" /><ns1:path gradientshapeok="t" ns0:connecttype="rect" /></ns1:shapetype><ns1:shape type="#_x0000_t202" style="position:absolute; margin-left:59.25pt;margin-top:1.5pt;width:144px;height:79px;z-index:1;visibility:hidden" fillcolor="#ffffe1" ns0:insetmode="auto" id="_x0000_s1026"><ns1:fill color2="#ffffe1" /><ns1:shadow color="black" obscured="t" /><ns1:path ns0:connecttype="none" /><ns1:textbox style="mso-direction-alt:auto"><div style="text-align:left" /></ns1:textbox><ns2:ClientData ObjectType="Note"><ns2:MoveWithCells /><ns2:SizeWithCells /><ns2:AutoFill>False</ns2:AutoFill><ns2:Row>1</ns2:Row><ns2:Column>2</ns2:Column></ns2:ClientData></ns1:shape></xml>`;
  const drawing = `<wsDr xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" xmlns="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><oneCellAnchor><from><col>5</col><colOff>0</colOff><row>1</row><rowOff>0</rowOff></from><ext cx="5400000" cy="2700000" /><graphicFrame><nvGraphicFramePr><cNvPr id="1" name="Chart 1" /><cNvGraphicFramePr /></nvGraphicFramePr><xfrm /><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId1" /></a:graphicData></a:graphic></graphicFrame><clientData /></oneCellAnchor></wsDr>`;
  const drawingRels = `<Relationships xmlns="${NS.pkgRel}"><Relationship Type="${R}/chart" Target="/xl/charts/chart1.xml" Id="rId1" /></Relationships>`;
  const chart = `<chartSpace xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns="http://schemas.openxmlformats.org/drawingml/2006/chart"><chart><plotArea><barChart><barDir val="col" /><grouping val="clustered" /><ser><idx val="0" /><order val="0" /><tx><strRef><f>'${sheetName}'!C1</f></strRef></tx><val><numRef><f>'${sheetName}'!$C$2:$C$${rows.length}</f></numRef></val></ser><gapWidth val="150" /><axId val="10" /><axId val="100" /></barChart><catAx><axId val="10" /><scaling><orientation val="minMax" /></scaling><axPos val="l" /><crossAx val="100" /></catAx><valAx><axId val="100" /><scaling><orientation val="minMax" /></scaling><axPos val="l" /><crossAx val="10" /></valAx></plotArea><plotVisOnly val="1" /></chart></chartSpace>`;
  const styles = `<styleSheet xmlns="${NS.main}"><numFmts count="0" /><fonts count="1"><font><name val="Calibri" /><family val="2" /><color theme="1" /><sz val="11" /><scheme val="minor" /></font></fonts><fills count="2"><fill><patternFill /></fill><fill><patternFill patternType="gray125" /></fill></fills><borders count="1"><border><left /><right /><top /><bottom /><diagonal /></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" /></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0" /></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" /></cellStyles></styleSheet>`;
  const workbook = `<workbook xmlns:r="${R}" xmlns="${NS.main}"><workbookPr /><workbookProtection /><bookViews><workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1" /></bookViews><sheets><sheet name="${xmlEscape(sheetName)}" sheetId="1" state="visible" r:id="rId1" /></sheets><definedNames /><calcPr calcId="124519" fullCalcOnLoad="1" /></workbook>`;
  const wbRels = `<Relationships xmlns="${NS.pkgRel}"><Relationship Type="${R}/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1" /><Relationship Type="${R}/styles" Target="styles.xml" Id="rId2" /></Relationships>`;
  const rootRels = `<Relationships xmlns="${NS.pkgRel}"><Relationship Type="${R}/officeDocument" Target="xl/workbook.xml" Id="rId1" /></Relationships>`;
  const types = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" /><Default Extension="xml" ContentType="application/xml" /><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing" /><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml" /><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml" /><Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml" /><Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml" /><Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" /><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml" /></Types>`;
  // openpyxl's order of parts in the archive
  const files: Record<string, Uint8Array> = {};
  const entries: Array<[string, string]> = [
    ['xl/worksheets/sheet1.xml', sheet],
    ['xl/drawings/drawing1.xml', drawing],
    ['xl/drawings/_rels/drawing1.xml.rels', drawingRels],
    ['xl/comments/comment1.xml', comments],
    ['xl/drawings/commentsDrawing1.vml', vml],
    ['xl/worksheets/_rels/sheet1.xml.rels', sheetRels],
    ['xl/charts/chart1.xml', chart],
    ['xl/styles.xml', styles],
    ['_rels/.rels', rootRels],
    ['xl/workbook.xml', workbook],
    ['xl/_rels/workbook.xml.rels', wbRels],
    ['[Content_Types].xml', types],
  ];
  for (const [name, text] of entries) files[name] = strToU8(text);
  return zipSync(files, { level: 6 });
}
