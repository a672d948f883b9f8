/**
 * Editing the beginning of a zip entry without inflating it whole (issue 10: a big sheet that was the
 * selected tab only loses `tabSelected="1"` in its text before <sheetData>).
 *
 * `editEntryHead(entry, edit)` finds the entry's head (its bytes before the first match of `HEAD_END`), lets
 * `edit` rewrite it, and builds the new entry:
 *
 * - stored (method 0): the new head, then the original bytes after the old head;
 * - deflated (method 8), the splice: the original DEFLATE stream is decoded block by block (here, by a small
 *   inflater that knows where each block starts) only until a block boundary B at least 32 KiB past the head.
 *   The new stream is the new head plus the original text up to B, deflated and sync-flushed to a byte
 *   boundary (non-final blocks), followed by the ORIGINAL compressed blocks from B on, bit-shifted into
 *   place. Those blocks refer back at most 32 KiB, and the 32 KiB before B are the same text in both
 *   streams, so they decode to the same bytes. The CRC-32 follows from the original one (crc32Combine):
 *   nothing after B is ever inflated;
 * - when no such boundary comes early (one huge block, or a small entry), the entry is re-compressed as a
 *   stream (streaming inflate, the head edited on the way, streaming deflate): memory stays bounded by the
 *   compressed output, never by the whole text.
 *
 * Browser-safe: fflate only.
 */
import { Deflate, Inflate } from 'fflate';
import { crc32, ZipFormatError } from './zip';
import type { ZipEntry } from './zip';

/** The end of a worksheet's head: where its cells start (or, without cells, where its views end). */
export const HEAD_END = /<(?:[\w.-]+:)?sheetData\b|<\/(?:[\w.-]+:)?sheetViews>/;

/** How far back a DEFLATE match may reach. */
const WINDOW = 32768;
/** The splice decodes at most this much of an entry looking for a block boundary; past it, it streams. */
const SPLICE_SCAN_LIMIT = 8 << 20;
/** A head longer than this is not a worksheet head we edit. */
const HEAD_LIMIT = 4 << 20;

// ---------------------------------------------------------------------------------------------
// CRC-32 of a concatenation (zlib's crc32_combine)
// ---------------------------------------------------------------------------------------------

const POLY = 0xedb88320;

/** a(x) * b(x) modulo the CRC polynomial (reflected). */
function multModP(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? ((b >>> 1) ^ POLY) >>> 0 : b >>> 1;
  }
  return p >>> 0;
}

const X2N: Uint32Array = (() => {
  const t = new Uint32Array(32);
  let p = 1 << 30; // x^1
  t[0] = p;
  for (let n = 1; n < 32; n++) t[n] = p = multModP(p, p);
  return t;
})();

/** x^(n * 2^k) modulo the polynomial. */
function x2nModP(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n % 2 === 1) p = multModP(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** The CRC-32 of A followed by B, from crc(A), crc(B) and B's length. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multModP(x2nModP(lengthB, 3), crcA) ^ crcB) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// A DEFLATE decoder that reports block boundaries
// ---------------------------------------------------------------------------------------------

interface Huffman {
  readonly count: Uint16Array;
  readonly symbol: Uint16Array;
}

function huffman(lengths: ArrayLike<number>, n: number): Huffman {
  const count = new Uint16Array(16);
  for (let i = 0; i < n; i++) count[lengths[i]]++;
  const offs = new Uint16Array(16);
  for (let len = 1; len < 15; len++) offs[len + 1] = offs[len] + count[len];
  const symbol = new Uint16Array(n);
  for (let i = 0; i < n; i++) if (lengths[i] !== 0) symbol[offs[lengths[i]]++] = i;
  count[0] = 0;
  return { count, symbol };
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const FIXED: { lit: Huffman; dist: Huffman } = (() => {
  const l = new Uint8Array(288);
  l.fill(8, 0, 144);
  l.fill(9, 144, 256);
  l.fill(7, 256, 280);
  l.fill(8, 280, 288);
  const d = new Uint8Array(30).fill(5);
  return { lit: huffman(l, 288), dist: huffman(d, 30) };
})();

/** Decodes a raw DEFLATE stream one block at a time, keeping the output and where each block ends. */
export class BlockInflater {
  /** Bit position in `raw` (the next block's header after nextBlock()). */
  bit = 0;
  out: Uint8Array;
  length = 0;
  /** True once the final block was decoded. */
  done = false;

  constructor(private readonly raw: Uint8Array, sizeHint = 1 << 16) {
    this.out = new Uint8Array(Math.max(1024, sizeHint));
  }

  private need(n: number): void {
    if (this.length + n <= this.out.length) return;
    let size = this.out.length * 2;
    while (size < this.length + n) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.out.subarray(0, this.length));
    this.out = grown;
  }

  private bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      const at = this.bit >>> 3;
      if (at >= this.raw.length) throw new ZipFormatError('truncated deflate stream');
      v |= ((this.raw[at] >>> (this.bit & 7)) & 1) << i;
      this.bit++;
    }
    return v;
  }

  private decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= this.bits(1);
      const count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first += count;
      first <<= 1;
      code <<= 1;
    }
    throw new ZipFormatError('bad deflate code');
  }

  /** Decodes the next block; false when the stream had ended. */
  nextBlock(): boolean {
    if (this.done) return false;
    const final = this.bits(1);
    const type = this.bits(2);
    if (type === 0) {
      this.bit = (this.bit + 7) & ~7;
      const at = this.bit >>> 3;
      if (at + 4 > this.raw.length) throw new ZipFormatError('truncated deflate stream');
      const len = this.raw[at] | (this.raw[at + 1] << 8);
      const nlen = this.raw[at + 2] | (this.raw[at + 3] << 8);
      if ((len ^ 0xffff) !== nlen) throw new ZipFormatError('bad stored block length');
      if (at + 4 + len > this.raw.length) throw new ZipFormatError('truncated deflate stream');
      this.need(len);
      this.out.set(this.raw.subarray(at + 4, at + 4 + len), this.length);
      this.length += len;
      this.bit = (at + 4 + len) * 8;
    } else if (type === 1) {
      this.codes(FIXED.lit, FIXED.dist);
    } else if (type === 2) {
      const nlen = this.bits(5) + 257;
      const ndist = this.bits(5) + 1;
      const ncode = this.bits(4) + 4;
      const cl = new Uint8Array(19);
      for (let i = 0; i < ncode; i++) cl[CL_ORDER[i]] = this.bits(3);
      const clh = huffman(cl, 19);
      const lengths = new Uint8Array(nlen + ndist);
      for (let i = 0; i < nlen + ndist; ) {
        const sym = this.decode(clh);
        if (sym < 16) lengths[i++] = sym;
        else {
          let len = 0;
          let rep: number;
          if (sym === 16) {
            if (i === 0) throw new ZipFormatError('bad deflate lengths');
            len = lengths[i - 1];
            rep = 3 + this.bits(2);
          } else if (sym === 17) rep = 3 + this.bits(3);
          else rep = 11 + this.bits(7);
          if (i + rep > nlen + ndist) throw new ZipFormatError('bad deflate lengths');
          while (rep--) lengths[i++] = len;
        }
      }
      this.codes(huffman(lengths.subarray(0, nlen), nlen), huffman(lengths.subarray(nlen), ndist));
    } else throw new ZipFormatError('bad deflate block type');
    if (final) this.done = true;
    return true;
  }

  private codes(lit: Huffman, dist: Huffman): void {
    for (;;) {
      const sym = this.decode(lit);
      if (sym < 256) {
        this.need(1);
        this.out[this.length++] = sym;
      } else if (sym === 256) return;
      else {
        const s = sym - 257;
        if (s >= 29) throw new ZipFormatError('bad deflate length');
        const len = LEN_BASE[s] + this.bits(LEN_EXTRA[s]);
        const ds = this.decode(dist);
        if (ds >= 30) throw new ZipFormatError('bad deflate distance');
        const d = DIST_BASE[ds] + this.bits(DIST_EXTRA[ds]);
        if (d > this.length) throw new ZipFormatError('deflate distance too far back');
        this.need(len);
        const o = this.out;
        let p = this.length;
        for (let k = 0; k < len; k++, p++) o[p] = o[p - d];
        this.length = p;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The head edit
// ---------------------------------------------------------------------------------------------

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** Where `pattern` first matches in bytes at or after `from` (searched as Latin-1 so byte and character offsets agree), or -1. */
function headEnd(bytes: Uint8Array, from: number, pattern: RegExp): number {
  // tag names are ASCII, so a match's index in the Latin-1 text is its byte offset
  let s = '';
  for (let i = from; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  const i = s.search(pattern);
  return i < 0 ? -1 : from + i;
}

function concat(parts: ReadonlyArray<Uint8Array>): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** How the entry was rewritten (for tests and the measurements). */
export type HeadEditMethod = 'stored' | 'spliced' | 'streamed';

export interface EditedEntry {
  readonly entry: ZipEntry;
  readonly method: HeadEditMethod;
}

function entryFrom(old: ZipEntry, method: number, raw: Uint8Array, size: number, crc: number): ZipEntry {
  return { ...old, method, flags: old.flags & ~0x8, crc: crc >>> 0, compressedSize: raw.length, size, raw, versionNeeded: 20 };
}

/**
 * The entry with its head (the text before HEAD_END) rewritten by `edit`, or null when `edit` returns null
 * (nothing to change) or the entry has no head. Never inflates a big entry whole.
 */
export function editEntryHead(entry: ZipEntry, edit: (head: string) => string | null, options: { pattern?: RegExp; scanLimit?: number } = {}): EditedEntry | null {
  const pattern = options.pattern ?? HEAD_END;
  if (entry.flags & 0x1) throw new ZipFormatError(`${entry.name} is encrypted`);
  if (entry.method === 0) {
    const raw = entry.raw;
    const cut = headEnd(raw.subarray(0, Math.min(raw.length, HEAD_LIMIT)), 0, pattern);
    if (cut < 0) return null;
    const head = edit(utf8.decode(raw.subarray(0, cut)));
    if (head === null) return null;
    const newHead = utf8Encoder.encode(head);
    const tail = raw.subarray(cut);
    const crc = crc32Combine(crc32(newHead), crc32(tail), tail.length);
    return { entry: entryFrom(entry, 0, concat([newHead, tail]), newHead.length + tail.length, crc), method: 'stored' };
  }
  if (entry.method !== 8) throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  const spliced = splice(entry, edit, pattern, options.scanLimit ?? SPLICE_SCAN_LIMIT);
  if (spliced !== undefined) return spliced;
  return streamed(entry, edit, pattern);
}

/** The splice; undefined when no block boundary comes early enough (then the entry is streamed). */
function splice(entry: ZipEntry, edit: (head: string) => string | null, pattern: RegExp, scanLimit: number): EditedEntry | null | undefined {
  const inf = new BlockInflater(entry.raw, Math.min(entry.size, 1 << 20));
  let cut = -1;
  let scanned = 0;
  while (inf.nextBlock()) {
    if (cut < 0) {
      cut = headEnd(inf.out.subarray(0, Math.min(inf.length, HEAD_LIMIT)), Math.max(0, scanned - 64), pattern);
      scanned = inf.length;
      if (cut < 0 && inf.length > HEAD_LIMIT) return null;
    }
    if (inf.done) break;
    if (inf.length > scanLimit) return undefined;
    if (cut >= 0 && inf.length >= cut + WINDOW) break;
  }
  if (cut < 0) return null;
  const head = edit(utf8.decode(inf.out.subarray(0, cut)));
  if (head === null) return null;
  const newHead = utf8Encoder.encode(head);
  if (inf.done) {
    // a small entry: all of it is decoded already
    if (inf.length !== entry.size) throw new ZipFormatError(`${entry.name} has ${inf.length} bytes, the directory says ${entry.size}`);
    const data = concat([newHead, inf.out.subarray(cut, inf.length)]);
    return { entry: entryFrom(entry, 8, deflateAll(data), data.length, crc32(data)), method: 'streamed' };
  }
  // The new prefix: the new head and the original text up to the boundary, sync-flushed.
  const boundary = inf.length;
  const prefix = concat([newHead, inf.out.subarray(cut, boundary)]);
  const head8 = syncFlushed(deflateAll(prefix));
  // The original blocks from the boundary on, shifted to start on a byte.
  const tail = shiftedBits(entry.raw, inf.bit);
  const tailLength = entry.size - boundary;
  const crcOld = crc32(inf.out.subarray(0, boundary));
  const crcNew = crc32(prefix);
  // crc(new) = crc(old) ^ shift(crc(prefixNew) ^ crc(prefixOld)) by the tail's length
  const crc = (entry.crc ^ multModP(x2nModP(tailLength, 3), (crcNew ^ crcOld) >>> 0)) >>> 0;
  return { entry: entryFrom(entry, 8, concat([head8, tail]), prefix.length + tailLength, crc), method: 'spliced' };
}

/**
 * A complete DEFLATE stream made non-final and ended on a byte boundary (a sync flush: the final block's
 * BFINAL bit cleared, then an empty stored block), so that more blocks can follow. (fflate's own
 * flush(true) misplaces the stored block at some bit positions.)
 */
export function syncFlushed(stream: Uint8Array): Uint8Array {
  const inf = new BlockInflater(stream, 1 << 16);
  let header = 0;
  for (;;) {
    header = inf.bit;
    if (!inf.nextBlock()) throw new ZipFormatError('empty deflate stream');
    if (inf.done) break;
  }
  const end = inf.bit; // just after the final block's end-of-block code
  const bytes = (end + 3 + 7) >>> 3; // then 3 header bits of a stored block (0, 00), padded to a byte
  const out = new Uint8Array(bytes + 4);
  out.set(stream.subarray(0, Math.min(stream.length, (end + 7) >>> 3)));
  out[header >>> 3] &= ~(1 << (header & 7));
  if (end & 7) out[end >>> 3] &= (1 << (end & 7)) - 1;
  for (let i = (end >>> 3) + 1; i < bytes; i++) out[i] = 0;
  out.set([0x00, 0x00, 0xff, 0xff], bytes);
  return out;
}

/** The bits of `raw` from bit `bit` on, as bytes (the last byte padded with zeros). */
export function shiftedBits(raw: Uint8Array, bit: number): Uint8Array {
  const start = bit >>> 3;
  const s = bit & 7;
  if (s === 0) return raw.subarray(start);
  const n = raw.length - start;
  const out = new Uint8Array(n);
  const r = 8 - s;
  for (let i = 0, j = start; i < n; i++, j++) out[i] = ((raw[j] >>> s) | (raw[j + 1] << r)) & 0xff;
  return out;
}

function deflateAll(data: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => void chunks.push(chunk));
  for (let i = 0; i < data.length; i += 1 << 20) d.push(data.subarray(i, Math.min(data.length, i + (1 << 20))));
  d.push(new Uint8Array(0), true);
  return concat(chunks);
}

/** Re-compression as a stream: inflate, edit the head on the way, deflate. */
function streamed(entry: ZipEntry, edit: (head: string) => string | null, pattern: RegExp): EditedEntry | null {
  const outChunks: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => void outChunks.push(chunk));
  let crc = 0;
  let size = 0;
  const emit = (b: Uint8Array, final: boolean) => {
    crc = crc32(b, crc);
    size += b.length;
    d.push(b, final);
  };
  let pending: Uint8Array[] = [];
  let pendingLength = 0;
  const at: { state: 'head' | 'body' | 'unchanged' } = { state: 'head' };
  const inflater = new Inflate((chunk) => {
    if (at.state === 'unchanged') return;
    if (at.state === 'body') return void emit(chunk, false);
    pending.push(chunk);
    pendingLength += chunk.length;
    const all = concat(pending);
    pending = [all];
    const cut = headEnd(all.subarray(0, Math.min(all.length, HEAD_LIMIT)), 0, pattern);
    if (cut < 0) {
      if (pendingLength > HEAD_LIMIT) at.state = 'unchanged';
      return;
    }
    const head = edit(utf8.decode(all.subarray(0, cut)));
    if (head === null) {
      at.state = 'unchanged';
      return;
    }
    emit(utf8Encoder.encode(head), false);
    emit(all.subarray(cut), false);
    pending = [];
    at.state = 'body';
  });
  const step = 1 << 16;
  for (let i = 0; i < entry.raw.length && at.state !== 'unchanged'; i += step) inflater.push(entry.raw.subarray(i, Math.min(entry.raw.length, i + step)), i + step >= entry.raw.length);
  if (at.state !== 'body') return null;
  emit(new Uint8Array(0), true);
  return { entry: entryFrom(entry, 8, concat(outChunks), size, crc), method: 'streamed' };
}
