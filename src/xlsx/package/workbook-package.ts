/**
 * Writing a sheet into a workbook file the way Excel does when you add a sheet: the new sheet's parts
 * (worksheet, its relationships, table, drawing and chart parts, notes) are ADDED to the original
 * package, and only the parts that list sheets, styles and content types are edited, by splicing into
 * their original text:
 *
 *   - the workbook part (a <sheet> entry, the marker and print-title defined names, the active tab),
 *   - its relationships, [Content_Types].xml,
 *   - the styles part (formats appended, never reordered),
 *   - when an earlier gap sheet is replaced: its own parts are removed (with whatever only they
 *     referred to) and its entries are dropped from calcChain.xml (the part goes when it empties),
 *   - a sheet that was selected (sheetView tabSelected="1") loses that one attribute, so that Excel
 *     does not open it grouped with the new, active sheet (edits would go to both). Only its text before
 *     <sheetData> changes: a big sheet gets that head spliced onto its original compressed blocks
 *     (deflate-splice.ts), a small one is re-compressed as a stream; neither is ever inflated whole.
 *
 * A workbook whose structure is protected (Review > Protect Workbook) gets no sheet:
 * WorkbookStructureLockedError (problem WORKBOOK_STRUCTURE_LOCKED).
 *
 * Every other entry is copied through with its compressed bytes unchanged: sheets, drawings, charts,
 * external links, vbaProject.bin (a .xlsm stays macro-enabled: the workbook's content type is kept),
 * custom XML, printer settings, document properties. Strings are inline (sharedStrings.xml is not
 * touched). A Strict OOXML workbook gets Strict parts.
 *
 * Browser-safe: no Node APIs (fflate for deflate/inflate).
 */
import { Inflate } from 'fflate';
import type { CellStyle, SheetModel } from '../../core/sheet-model';
import { chooseSheetName, GAP_SHEET_MARKER, markedSheet } from '../../core/gap-names';
import { columnLetter } from '../../core/address';
import { entryBytes, newEntry, readZip, writeZip, ZipFormatError } from './zip';
import { editEntryHead, HEAD_END } from './deflate-splice';
import type { ProblemError, ProblemFacts } from '../../core/problems';
import type { ZipArchive, ZipEntry } from './zip';
import {
  applyEdits,
  attr,
  attributes,
  childElements,
  decodeXml,
  escapeAttr,
  excelUnescape,
  prefixFor,
  rootElement,
  scanTags,
  XmlFormatError,
} from './xml';
import type { XmlElement, XmlTag } from './xml';
import {
  contentTypeOf,
  CT,
  freeRelId,
  parseContentTypes,
  parseRels,
  relativeTarget,
  relKind,
  relsPartOf,
  relsXml,
  relType,
  resolveTarget,
  sourceOfRels,
  STRICT,
  TRANSITIONAL,
} from './opc';
import type { ContentTypes, Namespaces, Relationship } from './opc';
import { minimalStylesXml, StyleBook } from './styles';
import { quoteSheet, worksheetXml } from './worksheet';
import { planTables, tableXml } from './table';
import { chartXml, drawableCharts, drawingXml } from './drawing';
import { commentsXml, freeVmlBlocks, notedCells, usedVmlBlocks, vmlXml } from './comments';

/** Why a package could not be read or written. */
export class PackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageError';
  }
}

/**
 * The workbook's structure is protected (Review > Protect Workbook, <workbookProtection lockStructure="1">):
 * Excel adds no sheet to it, and neither do we. Nothing is written.
 */
export class WorkbookStructureLockedError extends Error implements ProblemError {
  readonly problem: ProblemFacts = { code: 'WORKBOOK_STRUCTURE_LOCKED' };
  constructor() {
    super('the workbook structure is protected (Review > Protect Workbook): no sheet can be added');
    this.name = 'WorkbookStructureLockedError';
  }
}

/** The content types of a macro-enabled workbook part (.xlsm, .xltm). */
const MACRO_ENABLED_TYPES = ['application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'application/vnd.ms-excel.template.macroEnabled.main+xml'];

export interface SheetWriteResult {
  /** The new workbook file. */
  readonly bytes: Uint8Array;
  /** The name the new sheet got (numbered when a sheet of the user's has the preferred name). */
  readonly sheetName: string;
  /** The name of the earlier sheet of ours that was replaced, or null. */
  readonly replaced: string | null;
  /** Entry names: added, edited in place, removed. Every other entry is byte-identical. */
  readonly parts: { readonly added: ReadonlyArray<string>; readonly changed: ReadonlyArray<string>; readonly removed: ReadonlyArray<string> };
}

/** A cell as a sheet of the workbook holds it (for carrying the team's typed values over to a new sheet). */
export interface PackageCell {
  readonly row: number;
  readonly col: number;
  readonly value: string | number | boolean | null;
  /** The formula without "=", when the cell has its own formula text. */
  readonly formula?: string;
  /** True for an error value ("#N/A" …, held in `value`). */
  readonly error?: boolean;
}

interface SheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string;
  /** The part (zip entry name), or null when the relationship is missing. */
  readonly part: string | null;
  readonly kind: string;
  readonly el: XmlElement;
}

interface DefinedName {
  readonly name: string;
  readonly localSheetId: number | null;
  readonly value: string;
  readonly el: XmlElement;
}

/** Children of <workbook> that come after <definedNames> (CT_Workbook's order). */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

function text(bytes: Uint8Array): string {
  const s = utf8.decode(bytes);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** A workbook file opened for adding a sheet; nothing is decompressed that is not needed. */
export class WorkbookPackage {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly contentTypesXml: string;
  private readonly contentTypes: ContentTypes;
  private readonly workbookPart: string;
  private readonly workbookXml: string;
  private readonly workbookTags: XmlTag[];
  private readonly workbookRelsPart: string;
  private readonly workbookRelsXml: string;
  private readonly workbookRels: Relationship[];
  private readonly ns: Namespaces;
  private readonly sheets: SheetEntry[];
  private readonly names: DefinedName[];

  private constructor(private readonly zip: ZipArchive) {
    for (const e of zip.entries) this.byName.set(e.name.toLowerCase(), e);
    this.contentTypesXml = this.required('[Content_Types].xml');
    this.contentTypes = parseContentTypes(this.contentTypesXml);
    const rootRels = parseRels(this.required('_rels/.rels'));
    const office = rootRels.find((r) => relKind(r.type) === 'officeDocument' && !r.external);
    if (!office) throw new PackageError('the package names no workbook (no officeDocument relationship)');
    this.workbookPart = this.actualName(resolveTarget('', office.target));
    this.ns = office.type.startsWith(STRICT.relBase) ? STRICT : TRANSITIONAL;
    this.workbookXml = this.required(this.workbookPart);
    this.workbookTags = scanTags(this.workbookXml);
    this.workbookRelsPart = this.actualName(relsPartOf(this.workbookPart));
    this.workbookRelsXml = this.required(this.workbookRelsPart);
    this.workbookRels = parseRels(this.workbookRelsXml);
    const root = rootElement(this.workbookTags);
    const children = childElements(this.workbookTags, root);
    const sheetsEl = children.find((c) => c.open.local === 'sheets');
    if (!sheetsEl) throw new PackageError('the workbook lists no sheets');
    this.sheets = childElements(this.workbookTags, sheetsEl, 'sheet').map((el) => {
      const relId = attr(el.open, 'id') ?? '';
      const rel = this.workbookRels.find((r) => r.id === relId && !r.external);
      return {
        name: attr(el.open, 'name') ?? '',
        sheetId: Number(attr(el.open, 'sheetId') ?? 0),
        relId,
        part: rel ? this.actualName(resolveTarget(this.workbookPart, rel.target)) : null,
        kind: rel ? relKind(rel.type) : '',
        el,
      };
    });
    const namesEl = children.find((c) => c.open.local === 'definedNames');
    this.names = namesEl
      ? childElements(this.workbookTags, namesEl, 'definedName').map((el) => {
          const local = attr(el.open, 'localSheetId');
          const value = el.close ? decodeXml(this.workbookXml.slice(el.open.end, el.close.start)) : '';
          return { name: attr(el.open, 'name') ?? '', localSheetId: local === undefined ? null : Number(local), value, el };
        })
      : [];
  }

  /** Opens the bytes of an .xlsx/.xlsm workbook. Throws PackageError when they are not one. */
  static open(bytes: Uint8Array): WorkbookPackage {
    try {
      return new WorkbookPackage(readZip(bytes));
    } catch (e) {
      if (e instanceof ZipFormatError || e instanceof XmlFormatError) throw new PackageError(e.message);
      throw e;
    }
  }

  /** True when the workbook's structure is protected (no sheet may be added or removed). */
  get structureLocked(): boolean {
    const root = rootElement(this.workbookTags);
    const el = childElements(this.workbookTags, root).find((c) => c.open.local === 'workbookProtection');
    const v = el ? attr(el.open, 'lockStructure') : undefined;
    return v === '1' || v === 'true' || v === 'on';
  }

  /** True for a macro-enabled workbook (.xlsm): decided by the workbook part's content type, not the file name. */
  get macroEnabled(): boolean {
    const type = contentTypeOf(this.contentTypes, this.workbookPart);
    return type !== null && MACRO_ENABLED_TYPES.includes(type);
  }

  /** The sheets' names, in tab order. */
  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The sheet a workbook-scoped defined name `marker` marks (our earlier gap sheet), or null. */
  markedSheet(marker: string = GAP_SHEET_MARKER): string | null {
    const def = this.names.find((n) => n.localSheetId === null && n.name.toLowerCase() === marker.toLowerCase());
    const name = markedSheet(def ? def.value : null, this.sheetNames);
    const sheet = this.sheets.find((s) => s.name === name);
    return sheet && sheet.kind === 'worksheet' && sheet.part ? sheet.name : null;
  }

  /** The cells of a worksheet (values as the file holds them, formulas as written), e.g. of our earlier gap sheet. */
  sheetCells(name: string): PackageCell[] {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet || !sheet.part || sheet.kind !== 'worksheet') return [];
    return readCells(this.required(sheet.part), () => this.sharedStrings());
  }

  /**
   * A new package with the model's sheet added (or replacing our earlier sheet, which the defined name
   * `model.marker` marks), made the active sheet. The original bytes are not changed.
   */
  addSheet(model: SheetModel): SheetWriteResult {
    try {
      return this.build(model);
    } catch (e) {
      if (e instanceof ZipFormatError || e instanceof XmlFormatError) throw new PackageError(e.message);
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------

  private build(model: SheetModel): SheetWriteResult {
    if (this.structureLocked) throw new WorkbookStructureLockedError();
    const ns = this.ns;
    const oldName = this.markedSheet(model.marker);
    const old = oldName === null ? null : this.sheets.find((s) => s.name === oldName)!;
    const index = old ? this.sheets.indexOf(old) : this.sheets.length;
    const sheetName = chooseSheetName(model.name, this.sheetNames, oldName);
    const removed = new Set<string>(old ? this.exclusiveParts(old) : []);
    const changed = new Map<string, string>(); // part → new text
    const changedEntries = new Map<string, ZipEntry>(); // part → new entry (edited without inflating it whole)
    const added: Array<{ part: string; data: string; type: string | null }> = [];
    const exists = (part: string) => (this.byName.has(part.toLowerCase()) && !removed.has(this.actualName(part))) || added.some((a) => a.part.toLowerCase() === part.toLowerCase());
    const freePart = (dir: string, stem: string, ext: string) => {
      for (let i = 1; ; i++) {
        const p = `${dir}${stem}${i}.${ext}`;
        if (!exists(p)) return p;
      }
    };
    const base = this.workbookPart.slice(0, this.workbookPart.lastIndexOf('/') + 1);

    // Workbook relationships (edited as text at the end).
    const wbRelEdits: Array<{ start: number; end: number; text: string }> = [];
    const wbRelIds = this.workbookRels.map((r) => r.id);
    const removeWbRel = (id: string) => {
      const tags = scanTags(this.workbookRelsXml);
      for (const el of childElements(tags, rootElement(tags), 'Relationship')) {
        if (attr(el.open, 'Id') === id) wbRelEdits.push({ start: el.open.start, end: (el.close ?? el.open).end, text: '' });
      }
    };
    const newWbRels: Relationship[] = [];
    const addWbRel = (kind: string, part: string): string => {
      const id = freeRelId([...wbRelIds, ...newWbRels.map((r) => r.id)]);
      newWbRels.push({ id, type: relType(ns, kind), target: relativeTarget(this.workbookPart, part), external: false });
      return id;
    };
    if (old) removeWbRel(old.relId);

    // calcChain: our old sheet's cells leave it (Excel repairs a file whose chain names cells without formulas).
    if (old) {
      const rel = this.workbookRels.find((r) => relKind(r.type) === 'calcChain' && !r.external);
      const part = rel ? this.actualName(resolveTarget(this.workbookPart, rel.target)) : null;
      if (rel && part && this.byName.has(part.toLowerCase())) {
        const filtered = filterCalcChain(this.required(part), old.sheetId);
        if (filtered === null) {
          removed.add(part);
          removeWbRel(rel.id);
        } else if (filtered !== this.required(part)) changed.set(part, filtered);
      }
    }

    // Styles: appended to the workbook's styles part (created when it has none).
    const stylesRel = this.workbookRels.find((r) => relKind(r.type) === 'styles' && !r.external);
    let stylesPart = stylesRel ? this.actualName(resolveTarget(this.workbookPart, stylesRel.target)) : null;
    let stylesNew = false;
    if (!stylesPart || !this.byName.has(stylesPart.toLowerCase())) {
      stylesPart = stylesPart ?? freePart(base, 'styles', 'xml');
      stylesNew = true;
    }
    const book = new StyleBook(stylesNew ? minimalStylesXml(ns.main) : this.required(stylesPart), ns.main);
    const xfCache = new Map<string, number>();
    const xf = (key: string | undefined): number => {
      if (!key) return 0;
      let i = xfCache.get(key);
      if (i === undefined) {
        const st: CellStyle | undefined = model.styles[key];
        i = st ? book.xf(st) : 0;
        xfCache.set(key, i);
      }
      return i;
    };
    const dxfCache = new Map<string, number>();
    const dxf = (key: string): number => {
      let i = dxfCache.get(key);
      if (i === undefined) {
        i = book.dxf(model.styles[key]);
        dxfCache.set(key, i);
      }
      return i;
    };

    // Tables: names unique among the workbook's tables and defined names; ids unique among its tables.
    const taken = new Set<string>(this.names.map((n) => n.name.toLowerCase()));
    let maxTableId = 0;
    for (const [lower, type] of this.contentTypes.overrides) {
      if (type !== CT.table) continue;
      const part = this.actualName(lower);
      if (removed.has(part) || !this.byName.has(lower)) continue;
      const tags = scanTags(this.required(part));
      const root = rootElement(tags).open;
      for (const k of ['name', 'displayName']) {
        const v = attr(root, k);
        if (v) taken.add(v.toLowerCase());
      }
      maxTableId = Math.max(maxTableId, Number(attr(root, 'id') ?? 0) || 0);
    }
    taken.add(model.marker.toLowerCase());
    const headerText = new Map<number, string>();
    const tables = planTables(model, taken, headerText);

    // The new parts.
    const sheetPart = freePart(`${base}worksheets/`, 'sheet', 'xml');
    added.push({ part: sheetPart, data: '', type: CT.worksheet }); // reserved; filled in below
    const sheetRels: Relationship[] = [];
    const tableRelIds: string[] = [];
    tables.forEach((t) => {
      const part = freePart(`${base}tables/`, 'table', 'xml');
      added.push({ part, data: tableXml(t, ++maxTableId, ns.main), type: CT.table });
      const id = `rId${sheetRels.length + 1}`;
      sheetRels.push({ id, type: relType(ns, 'table'), target: relativeTarget(sheetPart, part), external: false });
      tableRelIds.push(id);
    });

    let drawingRelId: string | null = null;
    const charts = drawableCharts(model);
    if (charts.length > 0) {
      const drawingPart = freePart(`${base}drawings/`, 'drawing', 'xml');
      added.push({ part: drawingPart, data: drawingXml(charts, ns), type: CT.drawing });
      const drawingRels: Relationship[] = [];
      charts.forEach((chart, i) => {
        const part = freePart(`${base}charts/`, 'chart', 'xml');
        added.push({ part, data: chartXml(chart, model, sheetName, ns), type: CT.chart });
        drawingRels.push({ id: `rId${i + 1}`, type: relType(ns, 'chart'), target: relativeTarget(drawingPart, part), external: false });
      });
      added.push({ part: relsPartOf(drawingPart), data: relsXml(drawingRels), type: null });
      drawingRelId = `rId${sheetRels.length + 1}`;
      sheetRels.push({ id: drawingRelId, type: relType(ns, 'drawing'), target: relativeTarget(sheetPart, drawingPart), external: false });
    }

    let legacyDrawingRelId: string | null = null;
    const noted = notedCells(model.cells);
    if (noted.length > 0) {
      const commentsPart = freePart(base, 'comments', 'xml');
      added.push({ part: commentsPart, data: commentsXml(noted, ns.main), type: CT.comments });
      const vmlPart = freePart(`${base}drawings/`, 'vmlDrawing', 'vml');
      const otherVml = this.zip.entries.filter((e) => /\.vml$/i.test(e.name) && !removed.has(e.name)).map((e) => this.required(e.name));
      added.push({ part: vmlPart, data: vmlXml(noted, freeVmlBlocks(usedVmlBlocks(otherVml), noted.length)), type: 'vml' });
      legacyDrawingRelId = `rId${sheetRels.length + 1}`;
      sheetRels.push({ id: legacyDrawingRelId, type: relType(ns, 'vmlDrawing'), target: relativeTarget(sheetPart, vmlPart), external: false });
      sheetRels.push({ id: `rId${sheetRels.length + 1}`, type: relType(ns, 'comments'), target: relativeTarget(sheetPart, commentsPart), external: false });
    }

    added[0].data = worksheetXml(model, { xf, dxf, headerText, mainNs: ns.main, relNs: ns.r, tableRelIds, drawingRelId, legacyDrawingRelId });
    if (sheetRels.length > 0) added.push({ part: relsPartOf(sheetPart), data: relsXml(sheetRels), type: null });

    if (book.changed || stylesNew) {
      if (stylesNew) {
        added.push({ part: stylesPart, data: book.toXml(), type: CT.styles });
        addWbRel('styles', stylesPart);
      } else changed.set(stylesPart, book.toXml());
    }
    const sheetRelId = addWbRel('worksheet', sheetPart);

    // The workbook part.
    changed.set(this.workbookPart, this.editWorkbook(model, { old, index, sheetName, sheetRelId }));

    // Workbook relationships.
    {
      const tags = scanTags(this.workbookRelsXml);
      const root = rootElement(tags);
      const p = root.open.prefix ? `${root.open.prefix}:` : '';
      const items = newWbRels.map((r) => `<${p}Relationship Id="${r.id}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"/>`).join('');
      if (root.close) wbRelEdits.push({ start: root.close.start, end: root.close.start, text: items });
      else wbRelEdits.push({ start: root.open.start, end: root.open.end, text: `<${root.open.name}${root.open.attrs.replace(/\/\s*$/, '')}>${items}</${root.open.name}>` });
      changed.set(this.workbookRelsPart, applyEdits(this.workbookRelsXml, wbRelEdits));
    }

    // Other sheets stop being selected (the new one is the active, selected tab).
    for (const s of this.sheets) {
      if (s === old || !s.part || removed.has(s.part) || !this.byName.has(s.part.toLowerCase())) continue;
      const edited = this.unselected(s.part);
      if (edited !== null) changedEntries.set(s.part, edited);
    }

    // Content types.
    changed.set('[Content_Types].xml', this.editContentTypes(added, removed));

    return this.assemble(added, changed, changedEntries, removed, sheetName, oldName);
  }

  /** Parts reachable only through this sheet (its own parts, and what only they refer to), the sheet included. */
  private exclusiveParts(sheet: SheetEntry): string[] {
    if (!sheet.part) return [];
    const edges = new Map<string, string[]>();
    for (const e of this.zip.entries) {
      const src = sourceOfRels(e.name);
      if (src === null) continue;
      const source = src === '' ? '' : this.actualName(src);
      let rels: Relationship[];
      try {
        rels = parseRels(this.required(e.name));
      } catch {
        continue;
      }
      const targets = rels.filter((r) => !r.external && !(source === this.workbookPart && r.id === sheet.relId)).map((r) => this.actualName(resolveTarget(source, r.target)));
      edges.set(source, targets);
    }
    const reach = (start: string, stop: string | null): Set<string> => {
      const seen = new Set<string>([start]);
      const todo = [start];
      while (todo.length) {
        const p = todo.pop()!;
        for (const t of edges.get(p) ?? []) {
          if (t === stop || seen.has(t)) continue;
          seen.add(t);
          todo.push(t);
        }
      }
      return seen;
    };
    const kept = reach('', sheet.part);
    const mine = reach(sheet.part, null);
    const out: string[] = [];
    for (const p of mine) {
      if (kept.has(p) || !this.byName.has(p.toLowerCase())) continue;
      out.push(p);
      const rels = this.actualName(relsPartOf(p));
      if (this.byName.has(rels.toLowerCase())) out.push(rels);
    }
    return out;
  }

  private editWorkbook(model: SheetModel, w: { old: SheetEntry | null; index: number; sheetName: string; sheetRelId: string }): string {
    const xml = this.workbookXml;
    const tags = this.workbookTags;
    const root = rootElement(tags);
    const children = childElements(tags, root);
    const mainPrefix = prefixFor(root.open, this.ns.main) ?? root.open.prefix;
    const p = mainPrefix ? `${mainPrefix}:` : '';
    const rPrefix = prefixFor(root.open, this.ns.r);
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId).filter(Number.isFinite)) + 1;
    const relAttr = rPrefix ? `${rPrefix}:id="${w.sheetRelId}"` : `xmlns:r="${this.ns.r}" r:id="${w.sheetRelId}"`;
    const sheetXml = `<${p}sheet name="${escapeAttr(w.sheetName)}" sheetId="${sheetId}" ${relAttr}/>`;
    if (w.old) edits.push({ start: w.old.el.open.start, end: (w.old.el.close ?? w.old.el.open).end, text: sheetXml });
    else {
      const sheets = children.find((c) => c.open.local === 'sheets')!;
      edits.push({ start: sheets.close!.start, end: sheets.close!.start, text: sheetXml });
    }

    // Defined names: our marker (one, on the new sheet's A1), and the new sheet's print titles.
    const ref = quoteSheet(w.sheetName);
    const names: string[] = [`<${p}definedName name="${escapeAttr(model.marker)}">${escapeXmlText(`${ref}!$A$1`)}</${p}definedName>`];
    const titles = model.page?.printTitleRows;
    const area = model.page?.printArea;
    if (area) names.push(`<${p}definedName name="_xlnm.Print_Area" localSheetId="${w.index}">${escapeXmlText(`${ref}!$${columnLetter(area.left)}$${area.top + 1}:$${columnLetter(area.right)}$${area.bottom + 1}`)}</${p}definedName>`);
    if (titles) names.push(`<${p}definedName name="_xlnm.Print_Titles" localSheetId="${w.index}">${escapeXmlText(`${ref}!$${titles.top + 1}:$${titles.bottom + 1}`)}</${p}definedName>`);
    for (const n of this.names) {
      const marker = n.localSheetId === null && n.name.toLowerCase() === model.marker.toLowerCase();
      const ofOld = w.old !== null && n.localSheetId === w.index;
      if (marker || ofOld) edits.push({ start: n.el.open.start, end: (n.el.close ?? n.el.open).end, text: '' });
    }
    const namesEl = children.find((c) => c.open.local === 'definedNames');
    if (namesEl && namesEl.close) edits.push({ start: namesEl.close.start, end: namesEl.close.start, text: names.join('') });
    else if (namesEl) edits.push({ start: namesEl.open.start, end: namesEl.open.end, text: `<${p}definedNames>${names.join('')}</${p}definedNames>` });
    else {
      const next = children.find((c) => AFTER_DEFINED_NAMES.includes(c.open.local));
      const at = next ? next.open.start : root.close!.start;
      edits.push({ start: at, end: at, text: `<${p}definedNames>${names.join('')}</${p}definedNames>` });
    }

    // The workbook opens on the new sheet.
    const views = children.find((c) => c.open.local === 'bookViews');
    const view = views ? childElements(tags, views, 'workbookView')[0] : undefined;
    if (view) {
      const a = attributes(view.open);
      const kept = [...a.entries()].filter(([k]) => k !== 'activeTab' && !(k === 'firstSheet' && Number(a.get(k)) > w.index));
      const attrs = kept.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
      const t = view.open;
      edits.push({ start: t.start, end: t.end, text: `<${t.name}${attrs} activeTab="${w.index}"${t.kind === 'empty' ? '/>' : '>'}` });
    } else if (views) {
      edits.push({ start: views.open.start, end: (views.close ?? views.open).end, text: `<${p}bookViews><${p}workbookView activeTab="${w.index}"/></${p}bookViews>` });
    } else {
      const sheets = children.find((c) => c.open.local === 'sheets')!;
      edits.push({ start: sheets.open.start, end: sheets.open.start, text: `<${p}bookViews><${p}workbookView activeTab="${w.index}"/></${p}bookViews>` });
    }
    return applyEdits(xml, edits);
  }

  /**
   * The sheet's entry without tabSelected on its views, or null when no view is selected (nothing to change).
   * Only the text before <sheetData> changes: a big sheet gets it spliced onto its original compressed
   * blocks, a small one is re-compressed as a stream (deflate-splice.ts); neither is inflated whole.
   */
  private unselected(part: string): ZipEntry | null {
    const entry = this.byName.get(part.toLowerCase())!;
    const head = headText(entry, HEAD_END);
    if (!TAB_SELECTED.test(head)) return null;
    const edited = editEntryHead(entry, (text) => {
      const next = text.replace(/(<(?:[\w.-]+:)?sheetView\b[^>]*?)\s+tabSelected\s*=\s*["'](?:1|true)["']/g, '$1');
      return next === text ? null : next;
    });
    return edited ? edited.entry : null;
  }

  private editContentTypes(added: ReadonlyArray<{ part: string; type: string | null }>, removed: ReadonlySet<string>): string {
    const xml = this.contentTypesXml;
    const tags = scanTags(xml);
    const root = rootElement(tags);
    const p = root.open.prefix ? `${root.open.prefix}:` : '';
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const removedLower = new Set([...removed].map((r) => r.toLowerCase()));
    for (const el of childElements(tags, root, 'Override')) {
      const name = (attr(el.open, 'PartName') ?? '').replace(/^\//, '').toLowerCase();
      if (removedLower.has(name)) edits.push({ start: el.open.start, end: (el.close ?? el.open).end, text: '' });
    }
    const items: string[] = [];
    const defaults = new Map(this.contentTypes.defaults);
    for (const a of added) {
      const ext = a.part.slice(a.part.lastIndexOf('.') + 1).toLowerCase();
      const type = a.type === null ? CT.rels : a.type === 'vml' ? CT.vml : a.type;
      const byDefault = defaults.get(ext);
      if (byDefault === type) continue;
      if (byDefault === undefined && (a.type === null || a.type === 'vml')) {
        // .rels and .vml parts go by extension, as Excel writes them
        defaults.set(ext, type);
        items.unshift(`<${p}Default Extension="${escapeAttr(ext)}" ContentType="${type}"/>`);
        continue;
      }
      items.push(`<${p}Override PartName="/${escapeAttr(a.part)}" ContentType="${type}"/>`);
    }
    edits.push({ start: root.close!.start, end: root.close!.start, text: items.join('') });
    return applyEdits(xml, edits);
  }

  private assemble(
    added: ReadonlyArray<{ part: string; data: string }>,
    changed: ReadonlyMap<string, string>,
    changedEntries: ReadonlyMap<string, ZipEntry>,
    removed: ReadonlySet<string>,
    sheetName: string,
    replaced: string | null,
  ): SheetWriteResult {
    const out: ZipEntry[] = [];
    const changedNames: string[] = [];
    const removedNames: string[] = [];
    const addedLower = new Map(added.map((a) => [a.part.toLowerCase(), a]));
    const changedLower = new Map([...changed].map(([k, v]) => [k.toLowerCase(), v]));
    const entriesLower = new Map([...changedEntries].map(([k, v]) => [k.toLowerCase(), v]));
    const removedLower = new Set([...removed].map((r) => r.toLowerCase()));
    const placed = new Set<string>();
    for (const e of this.zip.entries) {
      const lower = e.name.toLowerCase();
      const replacement = addedLower.get(lower);
      if (replacement && removedLower.has(lower)) {
        // an old part of ours whose name the new sheet reuses
        out.push(newEntry(e.name, utf8Encoder.encode(replacement.data)));
        placed.add(lower);
        changedNames.push(e.name);
        continue;
      }
      if (removedLower.has(lower)) {
        removedNames.push(e.name);
        continue;
      }
      const entry = entriesLower.get(lower);
      if (entry !== undefined) {
        out.push(entry);
        changedNames.push(e.name);
        continue;
      }
      const edit = changedLower.get(lower);
      if (edit !== undefined) {
        out.push(newEntry(e.name, utf8Encoder.encode(edit)));
        changedNames.push(e.name);
      } else out.push(e);
    }
    const addedNames: string[] = [];
    for (const a of added) {
      if (placed.has(a.part.toLowerCase())) continue;
      out.push(newEntry(a.part, utf8Encoder.encode(a.data)));
      addedNames.push(a.part);
    }
    return { bytes: writeZip(out, this.zip.comment), sheetName, replaced, parts: { added: addedNames, changed: changedNames, removed: removedNames } };
  }

  // -------------------------------------------------------------------------------------------

  /** The entry name as the archive spells it (part names compare case-insensitively). */
  private actualName(part: string): string {
    return this.byName.get(part.toLowerCase())?.name ?? part;
  }

  private required(part: string): string {
    const lower = part.toLowerCase();
    const cached = this.texts.get(lower);
    if (cached !== undefined) return cached;
    const e = this.byName.get(lower);
    if (!e) throw new PackageError(`the package has no part ${part}`);
    const t = text(entryBytes(e));
    this.texts.set(lower, t);
    return t;
  }

  private sharedStringsCache: string[] | null = null;
  private sharedStrings(): string[] {
    if (this.sharedStringsCache) return this.sharedStringsCache;
    const rel = this.workbookRels.find((r) => relKind(r.type) === 'sharedStrings' && !r.external);
    const part = rel ? resolveTarget(this.workbookPart, rel.target) : null;
    const out: string[] = [];
    if (part && this.byName.has(part.toLowerCase())) {
      const xml = this.required(part);
      for (const m of xml.matchAll(/<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g)) out.push(runText(m[1] ?? ''));
    }
    return (this.sharedStringsCache = out);
  }

  /** The content type of a part in this package (for tests and callers that check the package). */
  contentTypeOf(part: string): string | null {
    return contentTypeOf(this.contentTypes, part);
  }
}

/** Opens `input`, adds the model's sheet (replacing our earlier one) and returns the new file. */
export function writeSheetPackage(input: Uint8Array, model: SheetModel): SheetWriteResult {
  return WorkbookPackage.open(input).addSheet(model);
}

const TAB_SELECTED = /\btabSelected\s*=\s*["'](?:1|true)["']/;

function escapeXmlText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** The text of an entry up to a pattern (inflating only as far as needed). */
function headText(entry: ZipEntry, until: RegExp): string {
  if (entry.method === 0) return utf8.decode(entry.raw.subarray(0, Math.min(entry.raw.length, 1 << 20)));
  if (entry.method !== 8) return text(entryBytes(entry));
  let out = '';
  let done = false;
  const decoder = new TextDecoder('utf-8');
  const inflater = new Inflate((chunk) => {
    if (done) return;
    out += decoder.decode(chunk, { stream: true });
    if (until.test(out)) done = true;
  });
  const step = 16384;
  for (let i = 0; i < entry.raw.length && !done; i += step) inflater.push(entry.raw.subarray(i, i + step), i + step >= entry.raw.length);
  return out;
}

/**
 * calcChain.xml without the entries of one sheet (by sheetId). An entry's `i` may be left out when it
 * equals the previous entry's, so the sheet of every kept entry is written out where it changes.
 * Returns null when nothing is left (the part and its relationship should go).
 */
export function filterCalcChain(xml: string, sheetId: number): string | null {
  const tags = scanTags(xml);
  const root = rootElement(tags);
  const cells = childElements(tags, root, 'c');
  let current = 0;
  let lastWritten: number | null = null;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  let kept = 0;
  for (const el of cells) {
    const a = attributes(el.open);
    const i = a.get('i');
    if (i !== undefined) current = Number(i);
    const end = (el.close ?? el.open).end;
    if (current === sheetId) {
      edits.push({ start: el.open.start, end, text: '' });
      continue;
    }
    kept++;
    if (i === undefined && lastWritten !== current) {
      // the entry relied on a removed predecessor for its sheet: say it
      const t = el.open;
      const close = t.kind === 'empty' ? '/>' : '>';
      edits.push({ start: t.start, end: t.end, text: `<${t.name}${t.attrs.replace(/\s*\/\s*$/, '')} i="${current}"${close}` });
    }
    lastWritten = current;
  }
  if (kept === 0) return null;
  return edits.length ? applyEdits(xml, edits) : xml;
}

/** The text of a string item (<si>, <is>): its runs' <t> elements, without phonetic runs, unescaped. */
function runText(inner: string): string {
  const noPh = inner.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  let out = '';
  for (const m of noPh.matchAll(/<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g)) out += m[1] !== undefined ? decodeXml(m[1]) : '';
  return excelUnescape(out);
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The cells of a worksheet part. */
function readCells(xml: string, shared: () => string[]): PackageCell[] {
  const out: PackageCell[] = [];
  const re = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
  let m: RegExpExecArray | null;
  let row = 0;
  let col = -1;
  while ((m = re.exec(xml))) {
    const a = attributes(m[1]);
    const r = a.get('r');
    const rm = r ? /^([A-Za-z]{1,3})(\d+)$/.exec(r) : null;
    if (rm) {
      col = colIndex(rm[1]);
      row = Number(rm[2]) - 1;
    } else col++;
    const body = m[2] ?? '';
    const t = a.get('t') ?? 'n';
    const f = /<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/.exec(body);
    const v = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/.exec(body);
    const raw = v && v[1] !== undefined ? decodeXml(v[1]) : null;
    let value: PackageCell['value'] = null;
    let error = false;
    if (t === 'inlineStr') value = runText(/<(?:[\w.-]+:)?is\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?is>/.exec(body)?.[1] ?? '');
    else if (raw === null) value = null;
    else if (t === 's') value = shared()[Number(raw)] ?? null;
    else if (t === 'str') value = excelUnescape(raw);
    else if (t === 'b') value = raw === '1' || raw === 'true';
    else if (t === 'e') (value = raw), (error = true);
    else value = Number(raw);
    const cell: { -readonly [K in keyof PackageCell]: PackageCell[K] } = { row, col, value };
    if (f && f[1] !== undefined && f[1] !== '') cell.formula = excelUnescape(decodeXml(f[1]));
    if (error) cell.error = true;
    out.push(cell);
  }
  return out;
}
