/**
 * The small parts of a workbook package the reader needs, each scanned once as it streams out of the zip:
 * relationships, the workbook (sheets, their state, defined names, the 1904 date system), styles (only which cell
 * formats are dates) and shared strings (only the ones the kept cells refer to).
 */
import type { ZipEntry } from './zip';
import { streamEntry } from './zip';
import type { XmlHandler } from './xml-scan';
import { XmlError, XmlScanner } from './xml-scan';

/** The zip of a workbook: its bytes and its entries by lower-case name. */
export interface Package {
  readonly bytes: Uint8Array;
  readonly entries: ReadonlyMap<string, ZipEntry>;
}

export function findPart(pkg: Package, path: string): ZipEntry | undefined {
  let e = pkg.entries.get(path.toLowerCase());
  if (!e && path.indexOf('%') >= 0) {
    try {
      e = pkg.entries.get(decodeURIComponent(path).toLowerCase());
    } catch {
      /* not percent-encoded after all */
    }
  }
  return e;
}

/**
 * Where the ASCII end tag `target` (`</name`, followed by '>' or a space) starts in `bytes`, or -1. A match too close
 * to the end to see the next byte counts as none (the caller keeps the tail and searches again with more bytes).
 */
export function findEndTag(bytes: Uint8Array, target: string): number {
  const n = target.length;
  const first = target.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i + n < bytes.length; i = bytes.indexOf(first, i + 1)) {
    let k = 1;
    while (k < n && bytes[i + k] === target.charCodeAt(k)) k++;
    if (k < n) continue;
    const next = bytes[i + n];
    if (next === 62 || next === 32 || next === 9 || next === 10 || next === 13) return i;
  }
  return -1;
}

/**
 * Streams a part through an XmlScanner driving `handler`; throws XmlError/ZipError when it is damaged. Content the
 * handler skips (the rows of a sheet past what is kept) is searched for its end tag in the raw bytes, never decoded.
 */
let utf8: InstanceType<typeof TextDecoder> | null = null; // made on first use: nothing runs at import time

export function scanPart(pkg: Package, entry: ZipEntry, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  const decoder = (utf8 ??= new TextDecoder('utf-8'));
  // Bytes after the last '<' of a chunk wait for the next one: every piece of text handed to the scanner then ends
  // before a tag, so it rarely keeps anything over, and never has to join two strings (slow to read in V8).
  let carry: Uint8Array | null = null;
  const concat = (a: Uint8Array | null, b: Uint8Array): Uint8Array => {
    if (a === null || a.length === 0) return b;
    const data = new Uint8Array(a.length + b.length);
    data.set(a, 0);
    data.set(b, a.length);
    return data;
  };
  streamEntry(pkg.bytes, entry, (chunk) => {
    const target = scanner.skipTarget;
    if (target !== null) {
      // Skipping: search the raw bytes for the end tag; decode nothing before it.
      // what the scanner still holds comes first (the skip began in text already decoded), then the bytes kept
      const held = scanner.takeSkipTail();
      const data = concat(held ? new TextEncoder().encode(held) : null, concat(carry, chunk));
      const at = findEndTag(data, target);
      if (at < 0) {
        carry = data.slice(Math.max(0, data.length - target.length));
        return;
      }
      carry = null;
      const cut = data.lastIndexOf(60);
      scanner.resume(decoder.decode(data.subarray(at, cut > at ? cut : data.length)));
      carry = cut > at ? data.slice(cut) : null;
      return;
    }
    const data = concat(carry, chunk);
    const cut = data.lastIndexOf(60); // '<' is never inside a multi-byte character
    if (cut <= 0) {
      carry = data === chunk ? chunk.slice() : data;
      return;
    }
    scanner.write(decoder.decode(data.subarray(0, cut)));
    carry = data.slice(cut);
  });
  if (scanner.skipTarget !== null) throw new XmlError(`the part ended before ${scanner.skipTarget}>`);
  const left = carry as Uint8Array | null;
  if (left !== null && left.length > 0) scanner.write(decoder.decode(left));
  scanner.end();
}

// ---------------------------------------------------------------------------------------------
// Relationships
// ---------------------------------------------------------------------------------------------

export interface Relationship {
  readonly id: string;
  /** The relationship type URI (transitional or Strict: compare its last segment). */
  readonly type: string;
  /** The target part's full path in the package (no leading slash), or null for an external target. */
  readonly target: string | null;
}

/** The last segment of a relationship type: "worksheet", "officeDocument", "sharedStrings", "styles" … */
export function relKind(rel: Relationship): string {
  return rel.type.slice(rel.type.lastIndexOf('/') + 1);
}

/** The relationships part of `partPath` ("" for the package itself). */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of its source part. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.trim().replace(/\\/g, '/');
  const parts = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of t.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}

export function readRelationships(pkg: Package, sourcePart: string): Relationship[] {
  const entry = findPart(pkg, relsPathOf(sourcePart));
  const rels: Relationship[] = [];
  if (!entry) return rels;
  scanPart(pkg, entry, {
    open(name, s) {
      if (name !== 'Relationship') return;
      const id = s.attr('Id') ?? '';
      const type = s.attr('Type') ?? '';
      const target = s.attr('Target');
      const external = (s.attr('TargetMode') ?? '').toLowerCase() === 'external';
      rels.push({ id, type, target: target === null || external ? null : resolveTarget(sourcePart, target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

// ---------------------------------------------------------------------------------------------
// The workbook part
// ---------------------------------------------------------------------------------------------

export interface SheetEntry {
  readonly name: string;
  /** "visible" (or absent), "hidden", "veryHidden". */
  readonly state: string | null;
  readonly relId: string;
}

export interface WorkbookInfo {
  /** The root element's local name: "workbook" for a spreadsheet (a .docx's main part is a "document"). */
  readonly root: string;
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  /** Workbook-scoped defined names (no localSheetId): name (upper case) -> the text it refers to. */
  readonly names: Map<string, string>;
}

function xsdBoolean(v: string | null): boolean {
  return v !== null && (v.trim() === '1' || v.trim() === 'true');
}

export function readWorkbookPart(pkg: Package, entry: ZipEntry): WorkbookInfo {
  const info: WorkbookInfo = { root: '', sheets: [], date1904: false, names: new Map() };
  let date1904 = false;
  let root = '';
  let nameKey: string | null = null;
  let nameText = '';
  scanPart(pkg, entry, {
    open(name, s, selfClosing) {
      if (root === '') root = name;
      if (s.depth === 2 && !selfClosing && name !== 'sheets' && name !== 'definedNames' && name !== 'workbookPr') return s.skipTo();
      switch (name) {
        case 'sheet': {
          const sheetName = s.attr('name');
          if (sheetName !== null) info.sheets.push({ name: sheetName, state: s.attr('state'), relId: s.attr('id') ?? '' });
          break;
        }
        case 'workbookPr':
          date1904 = xsdBoolean(s.attr('date1904'));
          break;
        case 'definedName': {
          const n = s.attr('name');
          // Only workbook-scoped names: a sheet-scoped name of the same spelling is another name.
          if (n !== null && s.attr('localSheetId') === null && !selfClosing) {
            nameKey = n.toUpperCase();
            nameText = '';
            s.captureText = true;
          }
          break;
        }
      }
    },
    close(name, s) {
      if (name === 'definedName' && nameKey !== null) {
        info.names.set(nameKey, nameText.trim());
        nameKey = null;
        s.captureText = false;
      }
    },
    text(t) {
      nameText += t;
    },
  });
  return { ...info, root, date1904 };
}

// ---------------------------------------------------------------------------------------------
// Styles: which cell formats show numbers as dates
// ---------------------------------------------------------------------------------------------

/** Excel's built-in number formats that have a fixed code (the others depend on the locale and are not dates here). */
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?',
  13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM',
  20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0',
  48: '##0.0E+0', 49: '@',
};

/** A number format shows a date or time when, outside quoted text and [..] sections, it has y m d h s or b. */
export function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** For each cell format index (a cell's `s`), whether numbers in it are dates. */
export function readDateStyles(pkg: Package, entry: ZipEntry): boolean[] {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  scanPart(pkg, entry, {
    open(name, s, selfClosing) {
      if (s.depth === 2 && !selfClosing && name !== 'numFmts' && name !== 'cellXfs') return s.skipTo(); // fonts, fills, borders …
      if (name === 'numFmt') {
        const id = parseInt(s.attr('numFmtId') ?? '', 10);
        const code = s.attr('formatCode');
        if (Number.isFinite(id) && code !== null) custom.set(id, code.replace(/\\(.)/g, '$1'));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfFormats.push(parseInt(s.attr('numFmtId') ?? '', 10));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return xfFormats.map((id) => (id ? isDateFormat(custom.get(id) || BUILT_IN_FORMATS[id]) : false));
}

// ---------------------------------------------------------------------------------------------
// Shared strings: only those the kept cells refer to
// ---------------------------------------------------------------------------------------------

/** Excel's escape of characters XML cannot carry (`_x000D_`), undone. */
export function unescapeXstring(s: string): string {
  return s.indexOf('_x') >= 0 ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/**
 * The shared strings whose index is marked in `needed` (their plain text: rich-text runs joined, phonetic guides
 * left out); every other entry is skipped unread. An empty `<si/>` is null.
 */
export function readSharedStrings(pkg: Package, entry: ZipEntry, needed: Uint8Array): Array<string | null | undefined> {
  const out: Array<string | null | undefined> = new Array(needed.length);
  let index = -1;
  let value: string | null = null;
  let piece = '';
  let inT = false;
  scanPart(pkg, entry, {
    open(name, s, selfClosing) {
      switch (name) {
        case 'si':
          index++;
          value = null;
          if (selfClosing) {
            if (index < needed.length && needed[index]) out[index] = null;
          } else if (index >= needed.length || !needed[index]) s.skipTo();
          break;
        case 't':
          if (value === null) value = '';
          if (!selfClosing) {
            inT = true;
            piece = '';
            s.captureText = true;
          }
          break;
        case 'r':
          if (value === null) value = '';
          break;
        case 'rPh':
          if (!selfClosing) s.skipTo();
          break;
      }
    },
    close(name, s) {
      if (name === 't' && inT) {
        value = (value ?? '') + unescapeXstring(piece);
        inT = false;
        s.captureText = false;
      } else if (name === 'si' && index < needed.length && needed[index]) {
        out[index] = value;
      }
    },
    text(t) {
      piece += t;
    },
  });
  return out;
}
