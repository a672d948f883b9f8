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
const EQ = 61; // =
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

export class XmlScanner {
  /** Set by the handler: text between tags is decoded and reported only while this is true. */
  captureText = false;
  private buf = '';
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;
  private readonly stack: string[] = [];
  private sawRoot = false;
  private openingEmpty = false;
  /** While set, raw text is skipped up to this end tag (`</name`), which is then read normally. */
  private skipping: string | null = null;

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
    this.skipping = '</' + this.stack[depth - 1];
    this.captureText = false;
  }

  /** Depth of open elements (the root element is depth 1 inside its start tag's handler call). */
  get depth(): number {
    return this.stack.length;
  }

  /** The value of the current start tag's attribute with this local name (prefix ignored), or null. */
  attr(local: string): string | null {
    const b = this.buf;
    const end = this.attrEnd;
    let i = this.attrStart;
    const n = local.length;
    while (i < end) {
      let c = b.charCodeAt(i);
      while (isSpace(c) && i < end) c = b.charCodeAt(++i);
      if (i >= end) break;
      const nameStart = i;
      let colon = -1;
      while (i < end && c !== EQ && !isSpace(c)) {
        if (c === COLON) colon = i;
        c = b.charCodeAt(++i);
      }
      const nameEnd = i;
      while (i < end && c !== EQ) c = b.charCodeAt(++i);
      i++;
      c = b.charCodeAt(i);
      while (i < end && isSpace(c)) c = b.charCodeAt(++i);
      if (c !== QUOT && c !== APOS) return null; // malformed: give up on this tag's attributes
      const valueStart = i + 1;
      const valueEnd = b.indexOf(c === QUOT ? '"' : "'", valueStart);
      if (valueEnd < 0 || valueEnd > end) return null;
      i = valueEnd + 1;
      const localStart = colon >= 0 ? colon + 1 : nameStart;
      if (nameEnd - localStart !== n) continue;
      if (colon >= 0 && colon - nameStart === 5 && b.startsWith('xmlns', nameStart)) continue;
      let same = true;
      for (let k = 0; k < n; k++) {
        if (b.charCodeAt(localStart + k) !== local.charCodeAt(k)) {
          same = false;
          break;
        }
      }
      if (same) return decodeAttribute(b.slice(valueStart, valueEnd));
    }
    return null;
  }

  /** Feeds the next piece of the document. */
  write(chunk: string): void {
    this.buf = this.pos < this.buf.length ? this.buf.slice(this.pos) + chunk : chunk;
    this.pos = 0;
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
      const lt = b.indexOf('<', pos);
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
        const qname = b.slice(lt + 2, nameEnd);
        const open = this.stack.pop();
        if (open !== qname) throw new XmlError(open === undefined ? `unexpected </${qname}>` : `</${qname}> closes <${open}>`);
        pos = gt + 1;
        const colon = qname.indexOf(':');
        h.close(colon >= 0 ? qname.slice(colon + 1) : qname, this);
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
      let quote = 0;
      while (i < len) {
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === GT) break;
        else if (c === QUOT || c === APOS) quote = c;
        c = b.charCodeAt(++i);
      }
      if (i >= len) {
        pos = lt;
        break;
      }
      const selfClosing = b.charCodeAt(i - 1) === SLASH;
      const qname = b.slice(lt + 1, nameEnd);
      if (qname.length === 0) throw new XmlError('a tag without a name');
      this.attrStart = nameEnd;
      this.attrEnd = selfClosing ? i - 1 : i;
      pos = i + 1;
      if (this.stack.length === 0) {
        if (this.sawRoot) throw new XmlError('a second root element');
        this.sawRoot = true;
      }
      if (!selfClosing) this.stack.push(qname);
      const colon = qname.indexOf(':');
      // the handler may call skipTo(), which looks at the stack: call it after the push
      this.openingEmpty = selfClosing;
      h.open(colon >= 0 ? qname.slice(colon + 1) : qname, this, selfClosing);
      this.openingEmpty = false;
    }
    this.pos = pos;
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
