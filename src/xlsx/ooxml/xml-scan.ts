/**
 * A small streaming XML scanner for the parts of a workbook: text goes in chunk by chunk, the handler hears of
 * every start tag, end tag and (only while it asks for it) the text between them. No DOM, no tree, and the text of
 * a part is never held whole: only the unconsumed tail of the current chunk is kept.
 *
 * It does what the workbook reader needs and what an XML parser must do for these parts to read right:
 * - element names are given without their namespace prefix (`x:c` and `c` are both `c`; Strict OOXML and
 *   transitional use the same local names);
 * - attributes are read on demand (`attr('r')`), by local name, decoded;
 * - text and attribute values are decoded: the five predefined entities and character references; line ends are
 *   normalised as XML requires (CR LF and CR become LF; in attribute values tabs and line ends become spaces);
 * - CDATA sections are text; comments, processing instructions and the DOCTYPE are skipped;
 * - end tags must match their start tags and the document must end closed: anything else throws an `XmlError`
 *   (a damaged part).
 * `skipTo()` lets the handler jump over the content of the current element without tokenising it (rows of a
 * worksheet past what is kept, shared strings nobody refers to).
 */

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

export interface XmlHandler {
  /** A start tag (or an empty-element tag, `selfClosing`). Read its attributes with `scanner.attr(...)` now. */
  open(name: string, scanner: XmlScanner, selfClosing: boolean): void;
  /** An end tag (not called for empty-element tags). */
  close(name: string, scanner: XmlScanner): void;
  /** Text (decoded) between tags, reported only while `scanner.captureText` is true; may come in several pieces. */
  text(text: string, scanner: XmlScanner): void;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const COLON = 58; // :
const QUOT = 34; // "
const APOS = 39; // '
const BANG = 33; // !
const QUESTION = 63; // ?

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, e: string) => {
    if (e.charCodeAt(0) !== 35) return ENTITIES[e];
    const code = e.charCodeAt(1) === 120 ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text content as an XML parser reports it. */
export function decodeText(raw: string): string {
  let s = raw;
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  return s.indexOf('&') >= 0 ? decodeEntities(s) : s;
}

/** An attribute value as an XML parser reports it (CDATA normalisation: line ends and tabs are spaces). */
export function decodeAttribute(raw: string): string {
  let s = raw;
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return s.indexOf('&') >= 0 ? decodeEntities(s) : s;
}

/** b[start, end) as an attribute value; the common plain value without a decoding pass over a regular expression. */
function attributeValue(b: string, start: number, end: number): string {
  for (let k = start; k < end; k++) {
    const c = b.charCodeAt(k);
    if (c === 38 || c === 9 || c === 10 || c === 13) return decodeAttribute(b.slice(start, end));
  }
  return b.slice(start, end);
}

/** Interned element names by length and first character, shared by every scanner (the same few names recur). */
const NAMES: Array<string[] | undefined> = [];

export class XmlScanner {
  /** Set by the handler: text between tags is decoded and reported only while this is true. */
  captureText = false;
  private buf = '';
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;
  /** Open elements: local names, and their prefixes ("x:" or ""). */
  private readonly stack: string[] = [];
  private readonly prefixes: string[] = [];
  private sawRoot = false;
  private openingEmpty = false;
  /** While set, raw text is skipped up to this end tag (`</name`), which is then read normally. */
  private skipping: string | null = null;
  private readonly values: Array<string | null> = [];
  private readonly spans = new Int32Array(16);
  /** Positions in buf of the next '"' and "'" at or after the last search (Infinity: none left). */
  private nextQuot = -1;
  private nextApos = -1;
  private readonly one: string[] = [''];

  constructor(private readonly handler: XmlHandler) {}

  /**
   * Skips the content of an open element without reading it: by default the one whose start tag is being handled,
   * or the open element at `depth` (1 = the root), closing those inside it. The handler hears of its end tag next.
   */
  skipTo(depth?: number): void {
    if (depth === undefined) {
      if (this.openingEmpty) return; // an empty-element tag has no content
      depth = this.stack.length;
    }
    if (depth < 1 || depth > this.stack.length) return;
    this.stack.length = depth;
    this.prefixes.length = depth;
    this.skipping = '</' + this.prefixes[depth - 1] + this.stack[depth - 1];
    this.captureText = false;
  }

  /** While content is being skipped: the end tag it is skipped to (`</name`), else null. */
  get skipTarget(): string | null {
    return this.skipping;
  }

  /**
   * While skipping: hands out the text kept for the end-tag search (its last characters) and forgets it, so the
   * caller can go on searching the raw bytes that follow and `resume()` at the end tag.
   */
  takeSkipTail(): string {
    const tail = this.buf.slice(this.pos);
    this.buf = '';
    this.pos = 0;
    return tail;
  }

  /** Ends a skip done by the caller: `text` starts with the end tag that was skipped to. */
  resume(text: string): void {
    this.skipping = null;
    this.buf = '';
    this.pos = 0;
    this.write(text);
  }

  /** Depth of open elements (the root element is depth 1 inside its start tag's handler call). */
  get depth(): number {
    return this.stack.length;
  }

  /** The value of the current start tag's attribute with this local name (prefix ignored), or null. */
  attr(local: string): string | null {
    this.one[0] = local;
    return this.attrs(this.one)[0];
  }

  /**
   * The values of the current start tag's attributes with these local names (prefix ignored; null when absent), in
   * one pass over the tag. The array returned is reused by the next call.
   */
  attrs(locals: ReadonlyArray<string>): Array<string | null> {
    const spans = this.attrSpans(locals);
    const out = this.values;
    out.length = locals.length;
    for (let k = 0; k < locals.length; k++) out[k] = spans[2 * k] < 0 ? null : attributeValue(this.buf, spans[2 * k], spans[2 * k + 1]);
    return out;
  }

  /**
   * Where the values of the current start tag's attributes with these local names are: [start, end) pairs in the
   * scanner's text, -1 when absent (at most 8 names). Read them with spanInt / spanColumn / spanIs / spanString
   * without making strings of them. The array returned is reused by the next call.
   */
  attrSpans(locals: ReadonlyArray<string>): Int32Array {
    const out = this.spans;
    const count = locals.length;
    out.fill(-1, 0, 2 * count);
    const b = this.buf;
    const end = this.attrEnd;
    let i = this.attrStart;
    let found = 0;
    while (i < end && found < count) {
      const eq = b.indexOf('=', i);
      if (eq < 0 || eq >= end) break;
      let nameStart = i;
      while (nameStart < eq && isSpace(b.charCodeAt(nameStart))) nameStart++;
      let nameEnd = eq;
      while (nameEnd > nameStart && isSpace(b.charCodeAt(nameEnd - 1))) nameEnd--;
      let v = eq + 1;
      let c = b.charCodeAt(v);
      while (v < end && isSpace(c)) c = b.charCodeAt(++v);
      if (c !== QUOT && c !== APOS) break; // malformed: give up on this tag's attributes
      const valueStart = v + 1;
      const valueEnd = b.indexOf(c === QUOT ? '"' : "'", valueStart);
      if (valueEnd < 0 || valueEnd > end) break;
      i = valueEnd + 1;
      // match local names from the end of the name: no pass over its characters looking for a prefix
      for (let k = 0; k < count; k++) {
        const want = locals[k];
        const at = nameEnd - want.length;
        if (at < nameStart || out[2 * k] >= 0 || !b.startsWith(want, at)) continue;
        if (at > nameStart) {
          if (b.charCodeAt(at - 1) !== COLON) continue; // a longer name ending the same way
          if (at - 1 - nameStart === 5 && b.startsWith('xmlns', nameStart)) continue; // a namespace declaration
        }
        out[2 * k] = valueStart;
        out[2 * k + 1] = valueEnd;
        found++;
        break;
      }
    }
    return out;
  }

  /** The k-th span of the last attrSpans() as a string (decoded), or null when absent. */
  spanString(k: number): string | null {
    const a = this.spans[2 * k];
    return a < 0 ? null : attributeValue(this.buf, a, this.spans[2 * k + 1]);
  }

  /** The k-th span as a non-negative decimal integer; NaN when absent or not one. */
  spanInt(k: number): number {
    const a = this.spans[2 * k];
    const e = this.spans[2 * k + 1];
    if (a < 0 || a === e) return NaN;
    const b = this.buf;
    let n = 0;
    for (let i = a; i < e; i++) {
      const d = b.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return parseInt(b.slice(a, e), 10);
      n = n * 10 + d;
    }
    return n;
  }

  /** The k-th span as the zero-based column of an A1 reference ("AB12" -> 27); -1 when absent or not one. */
  spanColumn(k: number): number {
    const a = this.spans[2 * k];
    if (a < 0) return -1;
    const e = this.spans[2 * k + 1];
    const b = this.buf;
    let n = 0;
    let i = a;
    for (; i < e; i++) {
      const c = b.charCodeAt(i) & ~32;
      if (c < 65 || c > 90) break;
      n = n * 26 + (c - 64);
    }
    return i === a || n > 16384 ? -1 : n - 1;
  }

  /** Whether the k-th span is exactly `text`. */
  spanIs(k: number, text: string): boolean {
    const a = this.spans[2 * k];
    return a >= 0 && this.spans[2 * k + 1] - a === text.length && this.buf.startsWith(text, a);
  }

  /** The element name at b[start, end), without its prefix: the same string object for the same name (no garbage). */
  private nameAt(b: string, start: number, end: number): string {
    for (let k = start; k < end; k++) {
      if (b.charCodeAt(k) === COLON) {
        start = k + 1;
        break;
      }
    }
    const len = end - start;
    const first = b.charCodeAt(start);
    if (len >= 32 || first >= 128) return b.slice(start, end);
    const slot = (len << 7) | first;
    let bucket = NAMES[slot];
    if (bucket === undefined) bucket = NAMES[slot] = [];
    for (let k = 0; k < bucket.length; k++) if (b.startsWith(bucket[k], start)) return bucket[k];
    const name = b.slice(start, end);
    if (bucket.length < 8) bucket.push(name);
    return name;
  }

  /** Feeds the next piece of the document. */
  write(chunk: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.pos = 0;
    this.nextQuot = -1;
    this.nextApos = -1;
    this.run();
  }

  /** The document is complete: throws an XmlError when it ended inside an element or a tag. */
  end(): void {
    this.run();
    if (this.skipping !== null) throw new XmlError(`document ended inside <${this.stack[this.stack.length - 1]}>`);
    if (this.stack.length > 0) throw new XmlError(`document ended inside <${this.stack[this.stack.length - 1]}>`);
    if (!this.sawRoot) throw new XmlError('no root element');
    for (let i = this.pos; i < this.buf.length; i++) if (!isSpace(this.buf.charCodeAt(i))) throw new XmlError('text after the root element');
  }

  private run(): void {
    const b = this.buf;
    const len = b.length;
    const h = this.handler;
    let pos = this.pos;
    for (;;) {
      if (this.skipping !== null) {
        const target = this.skipping;
        let at = b.indexOf(target, pos);
        while (at >= 0 && at + target.length < len) {
          const c = b.charCodeAt(at + target.length);
          if (c === GT || isSpace(c)) break;
          at = b.indexOf(target, at + 1);
        }
        if (at < 0 || at + target.length >= len) {
          // keep only what may be the start of the end tag
          pos = Math.max(pos, len - target.length);
          break;
        }
        this.skipping = null;
        pos = at;
      }
      // tags usually follow each other directly: look before searching
      const lt = b.charCodeAt(pos) === LT ? pos : b.indexOf('<', pos);
      if (lt < 0) {
        if (!this.captureText) pos = len;
        break;
      }
      if (lt > pos && this.captureText) h.text(decodeText(b.slice(pos, lt)), this);
      const c1 = b.charCodeAt(lt + 1);
      if (c1 !== c1) {
        pos = lt; // '<' is the last character: wait for more
        break;
      }
      if (c1 === SLASH) {
        const gt = b.indexOf('>', lt + 2);
        if (gt < 0) {
          pos = lt;
          break;
        }
        let nameEnd = gt;
        while (isSpace(b.charCodeAt(nameEnd - 1))) nameEnd--;
        const name = this.nameAt(b, lt + 2, nameEnd);
        const open = this.stack.pop();
        this.prefixes.pop();
        if (open !== name) throw new XmlError(open === undefined ? `unexpected </${name}>` : `</${name}> closes <${open}>`);
        pos = gt + 1;
        h.close(name, this);
        continue;
      }
      if (c1 === BANG || c1 === QUESTION) {
        const r = this.special(b, lt, c1);
        if (r < 0) {
          pos = lt;
          break;
        }
        pos = r;
        continue;
      }
      // A start tag: the name, then attributes up to the '>' that is not inside a quoted value.
      let i = lt + 1;
      let c = c1;
      while (i < len && !isSpace(c) && c !== GT && c !== SLASH) c = b.charCodeAt(++i);
      if (i >= len) {
        pos = lt;
        break;
      }
      const nameEnd = i;
      i = this.tagEnd(b, nameEnd);
      if (i < 0) {
        pos = lt;
        break;
      }
      const selfClosing = b.charCodeAt(i - 1) === SLASH;
      if (nameEnd === lt + 1) throw new XmlError('a tag without a name');
      const name = this.nameAt(b, lt + 1, nameEnd);
      this.attrStart = nameEnd;
      this.attrEnd = selfClosing ? i - 1 : i;
      pos = i + 1;
      if (this.stack.length === 0) {
        if (this.sawRoot) throw new XmlError('a second root element');
        this.sawRoot = true;
      }
      if (!selfClosing) {
        this.stack.push(name);
        // the prefix, kept to find the end tag when the content is skipped
        this.prefixes.push(nameEnd - (lt + 1) === name.length ? '' : b.slice(lt + 1, nameEnd - name.length));
      }
      // the handler may call skipTo(), which looks at the stack: call it after the push
      this.openingEmpty = selfClosing;
      h.open(name, this, selfClosing);
      this.openingEmpty = false;
    }
    this.pos = pos;
  }

  /**
   * The position of the '>' ending the start tag whose attributes begin at `from` (a '>' inside a quoted value does
   * not end it), or -1 when the tag is not complete yet. Native searches instead of a loop over every character;
   * the next quote and apostrophe are remembered, so text without quotes is searched once, not once per tag.
   */
  private tagEnd(b: string, from: number): number {
    let gt = b.indexOf('>', from);
    if (gt < 0) return -1;
    if (this.nextApos < from) {
      const a = b.indexOf("'", from);
      this.nextApos = a < 0 ? Infinity : a;
    }
    if (this.nextApos < gt) return this.tagEndSlow(b, from);
    if (this.nextQuot < from) {
      const q = b.indexOf('"', from);
      this.nextQuot = q < 0 ? Infinity : q;
    }
    while (this.nextQuot < gt) {
      const close = b.indexOf('"', this.nextQuot + 1);
      if (close < 0) return -1;
      if (close > gt) {
        gt = b.indexOf('>', close + 1);
        if (gt < 0) return -1;
        if (this.nextApos < gt) return this.tagEndSlow(b, from);
      }
      const q = b.indexOf('"', close + 1);
      this.nextQuot = q < 0 ? Infinity : q;
    }
    return gt;
  }

  /** tagEnd, one character at a time (a tag with apostrophes: either quote may hold the other). */
  private tagEndSlow(b: string, from: number): number {
    const len = b.length;
    let quote = 0;
    for (let i = from; i < len; i++) {
      const c = b.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === GT) return i;
      else if (c === QUOT || c === APOS) quote = c;
    }
    return -1;
  }

  /** Comments, CDATA, processing instructions, DOCTYPE. Returns the position after it, or -1 to wait for more. */
  private special(b: string, lt: number, c1: number): number {
    if (c1 === QUESTION) {
      const e = b.indexOf('?>', lt + 2);
      return e < 0 ? -1 : e + 2;
    }
    if (b.startsWith('<!--', lt)) {
      const e = b.indexOf('-->', lt + 4);
      return e < 0 ? -1 : e + 3;
    }
    if (b.startsWith('<![CDATA[', lt)) {
      const e = b.indexOf(']]>', lt + 9);
      if (e < 0) return -1;
      if (this.captureText) this.handler.text(b.slice(lt + 9, e).replace(/\r\n?/g, '\n'), this);
      return e + 3;
    }
    if (b.length - lt < 9) return -1;
    // <!DOCTYPE ...> possibly with an internal subset [ ... ]
    const bracket = b.indexOf('[', lt);
    const gt = b.indexOf('>', lt);
    if (gt < 0) return -1;
    if (bracket >= 0 && bracket < gt) {
      const e = b.indexOf(']', bracket);
      if (e < 0) return -1;
      const g = b.indexOf('>', e);
      return g < 0 ? -1 : g + 1;
    }
    return gt + 1;
  }
}
