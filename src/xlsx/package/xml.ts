/**
 * Just enough XML for editing package parts in place: a tag scanner that reports where each element
 * starts and ends (so an edit splices text into the original and leaves every other byte as it was),
 * attribute parsing, and escaping, including Excel's `_xHHHH_` escape for characters XML 1.0 cannot hold.
 */

export interface XmlTag {
  readonly kind: 'open' | 'close' | 'empty';
  /** The qualified name as written ("x:sheet", "sheet"). */
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  /** Offset of "<" and the offset just after ">". */
  readonly start: number;
  readonly end: number;
  /** The raw attribute text (between the name and ">" or "/>"). */
  readonly attrs: string;
  /** Element depth: 0 for the root element. */
  readonly depth: number;
}

export class XmlFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlFormatError';
  }
}

/** Every tag of a document in order, skipping comments, processing instructions, CDATA and DOCTYPE. */
export function scanTags(xml: string): XmlTag[] {
  const tags: XmlTag[] = [];
  let depth = 0;
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length) {
    const next = xml.charCodeAt(i + 1);
    if (next === 0x3f /* ? */) {
      const e = xml.indexOf('?>', i + 2);
      if (e < 0) throw new XmlFormatError('unterminated processing instruction');
      i = xml.indexOf('<', e + 2);
      continue;
    }
    if (next === 0x21 /* ! */) {
      let e: number;
      if (xml.startsWith('<!--', i)) e = xml.indexOf('-->', i + 4) + 3;
      else if (xml.startsWith('<![CDATA[', i)) e = xml.indexOf(']]>', i + 9) + 3;
      else e = xml.indexOf('>', i + 2) + 1;
      if (e <= 2) throw new XmlFormatError('unterminated markup declaration');
      i = xml.indexOf('<', e);
      continue;
    }
    // Find the end of the tag, skipping ">" inside quoted attribute values.
    let j = i + 1;
    let quote = 0;
    for (; j < xml.length; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x3e /* > */) break;
    }
    if (j >= xml.length) throw new XmlFormatError('unterminated tag');
    const end = j + 1;
    if (next === 0x2f /* / */) {
      const name = xml.slice(i + 2, j).trim();
      depth--;
      tags.push(tag('close', name, i, end, '', depth));
    } else {
      const selfClosing = xml.charCodeAt(j - 1) === 0x2f;
      const body = xml.slice(i + 1, selfClosing ? j - 1 : j);
      const m = /^[^\s/>]+/.exec(body);
      const name = m ? m[0] : '';
      const attrs = body.slice(name.length);
      tags.push(tag(selfClosing ? 'empty' : 'open', name, i, end, attrs, depth));
      if (!selfClosing) depth++;
    }
    i = xml.indexOf('<', end);
  }
  return tags;
}

function tag(kind: XmlTag['kind'], name: string, start: number, end: number, attrs: string, depth: number): XmlTag {
  const colon = name.indexOf(':');
  return { kind, name, prefix: colon < 0 ? '' : name.slice(0, colon), local: colon < 0 ? name : name.slice(colon + 1), start, end, attrs, depth };
}

/** An element: its start tag and (unless self-closing) its end tag, as indexes into the scanned tags. */
export interface XmlElement {
  readonly open: XmlTag;
  /** The end tag; null for a self-closing element. */
  readonly close: XmlTag | null;
  readonly openIndex: number;
  readonly closeIndex: number;
}

/** The element whose start tag is tags[index]. */
export function elementAt(tags: ReadonlyArray<XmlTag>, index: number): XmlElement {
  const open = tags[index];
  if (open.kind === 'empty') return { open, close: null, openIndex: index, closeIndex: index };
  for (let k = index + 1; k < tags.length; k++) {
    const t = tags[k];
    if (t.kind === 'close' && t.depth === open.depth) return { open, close: t, openIndex: index, closeIndex: k };
  }
  throw new XmlFormatError(`<${open.name}> is not closed`);
}

/** The children (direct) of an element with the given local name. */
export function childElements(tags: ReadonlyArray<XmlTag>, parent: XmlElement, local?: string): XmlElement[] {
  const out: XmlElement[] = [];
  if (!parent.close) return out;
  const depth = parent.open.depth + 1;
  for (let k = parent.openIndex + 1; k < parent.closeIndex; k++) {
    const t = tags[k];
    if (t.depth === depth && t.kind !== 'close' && (local === undefined || t.local === local)) {
      const el = elementAt(tags, k);
      out.push(el);
      k = el.closeIndex;
    }
  }
  return out;
}

/** The root element. */
export function rootElement(tags: ReadonlyArray<XmlTag>): XmlElement {
  const k = tags.findIndex((t) => t.depth === 0 && t.kind !== 'close');
  if (k < 0) throw new XmlFormatError('no root element');
  return elementAt(tags, k);
}

/** The attributes of a tag, decoded (keys as written, with their prefixes). */
export function attributes(t: XmlTag | string): Map<string, string> {
  const raw = typeof t === 'string' ? t : t.attrs;
  const out = new Map<string, string>();
  const re = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** An attribute by its local name, whatever its prefix (r:id, id), or undefined. */
export function attr(t: XmlTag, local: string): string | undefined {
  for (const [k, v] of attributes(t)) {
    const c = k.indexOf(':');
    if ((c < 0 ? k : k.slice(c + 1)) === local && !k.startsWith('xmlns')) return v;
  }
  return undefined;
}

/** The prefix a document binds to a namespace URI on its root element ("" for the default namespace), or null. */
export function prefixFor(root: XmlTag, uri: string): string | null {
  for (const [k, v] of attributes(root)) {
    if (v !== uri) continue;
    if (k === 'xmlns') return '';
    if (k.startsWith('xmlns:')) return k.slice(6);
  }
  return null;
}

/** Applies text edits (non-overlapping ranges of the original) in one pass. */
export function applyEdits(text: string, edits: ReadonlyArray<{ start: number; end: number; text: string }>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error('overlapping XML edits');
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------------------------------------
// Escaping
// ---------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
    if (e[0] !== '#') return ENTITIES[e];
    return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/** Text content: & < > escaped. */
export function escapeText(s: string): string {
  if (!/[&<>]/.test(s)) return s;
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** An attribute value in double quotes: & < > " escaped, and tab, newline and carriage return as character references (a parser would turn them into spaces). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

/**
 * Excel's escape for text in cells, notes and attributes: a character XML 1.0 cannot hold (C0 controls other
 * than tab and newline, a carriage return — a parser would drop it —, a lone surrogate, U+FFFE, U+FFFF) is
 * written `_xHHHH_`, and an underscore that would start such an escape in the text itself is written
 * `_x005F_`, so the text reads back exactly.
 */
export function excelEscape(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[_\x00-\x08\x0B-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/.test(s)) return s;
  // A well-formed surrogate pair is matched first and kept; what is left of [\uD800-\uDFFF] is a lone half.
  // (No lookbehind: the shipped scripts stay ES2017, see webpack.config.js.)
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0B\x0C\x0D\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g, (c) =>
    c.length === 2 ? c : `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
  );
}

/** Reverses excelEscape. */
export function excelUnescape(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Text content of an Excel string: Excel's escape, then XML's. */
export function excelText(s: string): string {
  return escapeText(excelEscape(s));
}

/** An attribute value holding Excel text. */
export function excelAttr(s: string): string {
  return escapeAttr(excelEscape(s));
}
