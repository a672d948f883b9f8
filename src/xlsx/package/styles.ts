/**
 * Adding cell formats to a workbook's styles part the way Excel does: new fonts, fills, borders, number
 * formats, cell formats (cellXfs) and differential formats (dxfs, for conditional formats) are APPENDED
 * to their lists and the lists' counts updated; nothing that is there is reordered or changed, so every
 * style index the workbook's own sheets use keeps its meaning. Identical formats are added once.
 */
import type { CellStyle } from '../../core/sheet-model';
import { applyEdits, attr, childElements, escapeAttr, prefixFor, rootElement, scanTags } from './xml';
import type { XmlElement, XmlTag } from './xml';

/** Built-in number formats (ECMA-376 18.8.30) that need no numFmt entry. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy h:mm': 22,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

/** The order of a stylesheet's children (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

const BORDER_COLOR = 'FFBFBFBF';

function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

/** A stylesheet for a workbook that has none (Excel's defaults: Calibri 11). */
export function minimalStylesXml(mainNs: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNs}">` +
    '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

interface Collection {
  readonly el: XmlElement | null;
  readonly existing: number;
  readonly added: string[];
  readonly index: Map<string, number>;
}

export class StyleBook {
  private readonly tags: XmlTag[];
  private readonly p: string;
  private readonly collections = new Map<string, Collection>();
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmtId = 164;
  private readonly baseFont: { size: string; name: string | null; family: string | null; scheme: string | null; charset: string | null };
  private readonly xfCache = new Map<string, number>();
  private readonly dxfCache = new Map<string, number>();

  constructor(private readonly xml: string, mainNs: string) {
    this.tags = scanTags(xml);
    const root = rootElement(this.tags);
    const prefix = prefixFor(root.open, mainNs) ?? root.open.prefix;
    this.p = prefix ? `${prefix}:` : '';
    const children = childElements(this.tags, root);
    for (const name of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs']) {
      const el = children.find((c) => c.open.local === name) ?? null;
      const items = el ? childElements(this.tags, el) : [];
      // An identical entry already there (e.g. added by an earlier run) is reused rather than added again.
      const index = new Map<string, number>();
      items.forEach((item, i) => {
        const raw = xml.slice(item.open.start, (item.close ?? item.open).end);
        if (!index.has(raw)) index.set(raw, i);
      });
      this.collections.set(name, { el, existing: items.length, added: [], index });
    }
    const numFmts = this.collections.get('numFmts')!.el;
    if (numFmts) {
      for (const nf of childElements(this.tags, numFmts, 'numFmt')) {
        const id = Number(attr(nf.open, 'numFmtId'));
        const code = attr(nf.open, 'formatCode');
        if (!Number.isFinite(id)) continue;
        if (code !== undefined && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
        this.nextNumFmtId = Math.max(this.nextNumFmtId, id + 1);
      }
    }
    const fonts = this.collections.get('fonts')!.el;
    const font0 = fonts ? childElements(this.tags, fonts, 'font')[0] : undefined;
    const prop = (local: string): string | null => {
      if (!font0) return null;
      const el = childElements(this.tags, font0, local)[0];
      return el ? attr(el.open, 'val') ?? null : null;
    };
    this.baseFont = { size: prop('sz') ?? '11', name: prop('name') ?? (font0 ? null : 'Calibri'), family: prop('family'), scheme: prop('scheme'), charset: prop('charset') };
  }

  /** The cellXfs index of a cell style (0, the workbook's default, for an empty style). */
  xf(style: CellStyle): number {
    const numFmtId = style.numberFormat === undefined ? 0 : this.numFmt(style.numberFormat);
    const fontId = this.font(style);
    const fillId = style.fill ? this.add('fills', `<${this.p}fill><${this.p}patternFill patternType="solid"><${this.p}fgColor rgb="${argb(style.fill)}"/><${this.p}bgColor indexed="64"/></${this.p}patternFill></${this.p}fill>`) : 0;
    const borderId = style.border ? this.add('borders', this.thinBorder()) : 0;
    let inner = '';
    const al: string[] = [];
    if (style.horizontal) al.push(`horizontal="${style.horizontal}"`);
    if (style.vertical) al.push(`vertical="${style.vertical === 'middle' ? 'center' : style.vertical}"`);
    if (style.wrap) al.push('wrapText="1"');
    if (al.length) inner += `<${this.p}alignment ${al.join(' ')}/>`;
    if (style.input) inner += `<${this.p}protection locked="0"/>`;
    const applies = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
      fontId !== 0 ? ' applyFont="1"' : '',
      fillId !== 0 ? ' applyFill="1"' : '',
      borderId !== 0 ? ' applyBorder="1"' : '',
      al.length ? ' applyAlignment="1"' : '',
      style.input ? ' applyProtection="1"' : '',
    ].join('');
    const open = `<${this.p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const xml = inner ? `${open}>${inner}</${this.p}xf>` : `${open}/>`;
    if (numFmtId === 0 && fontId === 0 && fillId === 0 && borderId === 0 && !inner) return 0;
    let i = this.xfCache.get(xml);
    if (i === undefined) {
      i = this.add('cellXfs', xml);
      this.xfCache.set(xml, i);
    }
    return i;
  }

  /** The dxfs index of a differential format (font style and colour, fill) for conditional formats. */
  dxf(style: CellStyle | undefined): number {
    const s = style ?? {};
    let font = '';
    if (s.bold) font += `<${this.p}b/>`;
    if (s.italic) font += `<${this.p}i/>`;
    if (s.fontColor) font += `<${this.p}color rgb="${argb(s.fontColor)}"/>`;
    let xml = `<${this.p}dxf>`;
    if (font) xml += `<${this.p}font>${font}</${this.p}font>`;
    if (s.numberFormat !== undefined) {
      const id = this.numFmt(s.numberFormat);
      xml += `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(s.numberFormat)}"/>`;
    }
    if (s.fill) xml += `<${this.p}fill><${this.p}patternFill><${this.p}bgColor rgb="${argb(s.fill)}"/></${this.p}patternFill></${this.p}fill>`;
    xml += `</${this.p}dxf>`;
    let i = this.dxfCache.get(xml);
    if (i === undefined) {
      i = this.add('dxfs', xml);
      this.dxfCache.set(xml, i);
    }
    return i;
  }

  /** True when something was added (the part must be written). */
  get changed(): boolean {
    for (const c of this.collections.values()) if (c.added.length > 0) return true;
    return false;
  }

  /** The stylesheet with the additions. */
  toXml(): string {
    const edits: Array<{ start: number; end: number; text: string }> = [];
    const root = rootElement(this.tags);
    const present = childElements(this.tags, root);
    for (const [name, c] of this.collections) {
      if (c.added.length === 0) continue;
      const count = c.existing + c.added.length;
      const body = c.added.join('');
      if (c.el && c.el.close) {
        edits.push({ start: c.el.close.start, end: c.el.close.start, text: body });
        edits.push(...this.countEdit(c.el.open, count));
      } else if (c.el) {
        // <dxfs count="0"/>: becomes an element with children
        const open = c.el.open;
        const attrs = open.attrs.replace(/\s*\/\s*$/, '').replace(/\bcount\s*=\s*("[^"]*"|'[^']*')/, `count="${count}"`);
        const withCount = /\bcount\s*=/.test(attrs) ? attrs : `${attrs} count="${count}"`;
        edits.push({ start: open.start, end: open.end, text: `<${open.name}${withCount}>${body}</${open.name}>` });
      } else {
        const xml = `<${this.p}${name} count="${count}">${body}</${this.p}${name}>`;
        const after = ORDER.slice(ORDER.indexOf(name) + 1);
        const next = present.find((e) => after.includes(e.open.local));
        const at = next ? next.open.start : root.close!.start;
        edits.push({ start: at, end: at, text: xml });
      }
    }
    return applyEdits(this.xml, edits);
  }

  private countEdit(open: XmlTag, count: number): Array<{ start: number; end: number; text: string }> {
    const m = /(\bcount\s*=\s*)("[^"]*"|'[^']*')/.exec(open.attrs);
    if (!m) return [];
    // open.attrs starts right after "<name"
    const at = open.start + 1 + open.name.length + m.index + m[1].length;
    return [{ start: at, end: at + m[2].length, text: `"${count}"` }];
  }

  private add(collection: string, xml: string): number {
    const c = this.collections.get(collection)!;
    const hit = c.index.get(xml);
    if (hit !== undefined) return hit;
    const i = c.existing + c.added.length;
    c.added.push(xml);
    c.index.set(xml, i);
    return i;
  }

  private numFmt(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmtId++;
    this.numFmtIds.set(code, id);
    this.add('numFmts', `<${this.p}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private font(s: CellStyle): number {
    const sized = s.fontSize !== undefined && String(s.fontSize) !== this.baseFont.size;
    if (!s.bold && !s.italic && !s.fontColor && !sized) return 0;
    const p = this.p;
    const b = this.baseFont;
    let xml = `<${p}font>`;
    if (s.bold) xml += `<${p}b/>`;
    if (s.italic) xml += `<${p}i/>`;
    xml += `<${p}sz val="${escapeAttr(s.fontSize !== undefined ? String(s.fontSize) : b.size)}"/>`;
    xml += s.fontColor ? `<${p}color rgb="${argb(s.fontColor)}"/>` : `<${p}color theme="1"/>`;
    if (b.name !== null) xml += `<${p}name val="${escapeAttr(b.name)}"/>`;
    if (b.family !== null) xml += `<${p}family val="${escapeAttr(b.family)}"/>`;
    if (b.charset !== null) xml += `<${p}charset val="${escapeAttr(b.charset)}"/>`;
    if (b.scheme !== null) xml += `<${p}scheme val="${escapeAttr(b.scheme)}"/>`;
    xml += `</${p}font>`;
    return this.add('fonts', xml);
  }

  private thinBorder(): string {
    const p = this.p;
    const side = (n: string) => `<${p}${n} style="thin"><${p}color rgb="${BORDER_COLOR}"/></${p}${n}>`;
    return `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`;
  }
}
