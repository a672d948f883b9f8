/**
 * Reading a zip archive held in memory, one entry at a time, the way the workbook reader needs it: the central
 * directory (the archive's own list of its entries, at its end) says where each entry is; an entry is handed out in
 * chunks as it is inflated (a streaming inflater: ./inflate.ts), so a 500 MB worksheet part never exists in memory whole.
 *
 * Small and self-contained on purpose (no writing here). Zip64 archives are read. Anything that does not add up
 * (no end record, entries outside the file, an unknown compression method, an inflate error, a size that differs
 * from the directory's) throws a `ZipError`: the caller reports the workbook as damaged.
 */
import { inflateWhole, newInflater } from './inflate';

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** The name as stored (forward slashes, no leading slash). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

let utf8: InstanceType<typeof TextDecoder> | null = null; // made on first use: nothing runs at import time

function entryName(b: Uint8Array, start: number, length: number, isUtf8: boolean): string {
  let ascii = true;
  for (let i = start; i < start + length; i++) if (b[i] > 0x7f) ascii = false;
  let name: string;
  if (ascii) name = String.fromCharCode.apply(null, Array.from(b.subarray(start, start + length)));
  else if (isUtf8) name = (utf8 ??= new TextDecoder('utf-8')).decode(b.subarray(start, start + length));
  else {
    // Legacy names in code page 437: only ASCII names matter to a workbook, keep the rest recognisable.
    name = '';
    for (let i = start; i < start + length; i++) name += String.fromCharCode(b[i]);
  }
  name = name.replace(/\\/g, '/');
  return name.charCodeAt(0) === 47 ? name.slice(1) : name;
}

/** The entries of the archive by lower-case name (OPC part names are case-insensitive). Directories are left out. */
export function readCentralDirectory(b: Uint8Array): Map<string, ZipEntry> {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let eocd = -1;
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 65535; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06 && i + 22 + u16(b, i + 20) <= b.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('no end of central directory (the archive is truncated or not a zip)');
  let count = u16(b, eocd + 10);
  let cdSize = u32(b, eocd + 12);
  let cdOffset = u32(b, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(b, loc) === SIG_EOCD64_LOCATOR) {
      const rec = u64(b, loc + 8);
      if (rec + 56 > b.length || u32(b, rec) !== SIG_EOCD64) throw new ZipError('bad zip64 end record');
      count = u64(b, rec + 32);
      cdSize = u64(b, rec + 40);
      cdOffset = u64(b, rec + 48);
    }
  }
  if (cdOffset + cdSize > b.length) throw new ZipError('central directory outside the file');
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw new ZipError('bad central directory entry');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLength = u16(b, p + 28);
    const extraLength = u16(b, p + 30);
    const commentLength = u16(b, p + 32);
    let localHeaderOffset = u32(b, p + 42);
    const name = entryName(b, p + 46, nameLength, (flags & 0x800) !== 0);
    // Zip64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
    let x = p + 46 + nameLength;
    const xEnd = x + extraLength;
    while (x + 4 <= xEnd) {
      const id = u16(b, x);
      const len = u16(b, x + 2);
      if (id === 0x0001) {
        let q = x + 4;
        if (size === 0xffffffff) (size = u64(b, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(b, q)), (q += 8);
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = u64(b, q);
      }
      x += 4 + len;
    }
    p = xEnd + commentLength;
    if (name === '' || name.endsWith('/')) continue;
    entries.set(name.toLowerCase(), { name, method, flags, compressedSize, size, localHeaderOffset });
  }
  return entries;
}

/** Where the entry's (compressed) data starts, after its local header. */
function dataRange(b: Uint8Array, e: ZipEntry): { start: number; end: number } {
  const h = e.localHeaderOffset;
  if (h + 30 > b.length || u32(b, h) !== SIG_LOCAL) throw new ZipError(`bad local header of ${e.name}`);
  const start = h + 30 + u16(b, h + 26) + u16(b, h + 28);
  const end = start + e.compressedSize;
  if (end > b.length) throw new ZipError(`${e.name} runs past the end of the archive`);
  if (e.flags & 1) throw new ZipError(`${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) throw new ZipError(`${e.name}: unsupported compression method ${e.method}`);
  return { start, end };
}

/** Compressed bytes handed to the inflater at a time: small enough that one push never inflates to much. */
const PUSH = 16 * 1024;
/** Entries up to this size are inflated in one go (faster than streaming); larger ones stream. */
const WHOLE = 4 * 1024 * 1024;

/**
 * Calls `onChunk` with the entry's uncompressed bytes, in order, in chunks (each chunk is only valid during the
 * call). `onChunk` may return false to stop early (the rest is not inflated).
 */
export function streamEntry(b: Uint8Array, e: ZipEntry, onChunk: (chunk: Uint8Array) => boolean | void): void {
  const { start, end } = dataRange(b, e);
  if (e.method === 0) {
    if (e.compressedSize !== e.size) throw new ZipError(`${e.name}: stored sizes differ`);
    for (let p = start; p < end; p += WHOLE) if (onChunk(b.subarray(p, Math.min(end, p + WHOLE))) === false) return;
    return;
  }
  if (e.size <= WHOLE) {
    let out: Uint8Array;
    try {
      out = inflateWhole(b.subarray(start, end), e.size);
    } catch (err) {
      throw new ZipError(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (out.length !== e.size) throw new ZipError(`${e.name}: inflated to ${out.length} bytes, not ${e.size}`);
    onChunk(out);
    return;
  }
  let total = 0;
  let stopped = false;
  const inflater = newInflater((chunk) => {
    if (stopped) return;
    total += chunk.length;
    if (onChunk(chunk) === false) stopped = true;
  });
  try {
    for (let p = start; p < end && !stopped; p += PUSH) inflater.push(b.subarray(p, Math.min(end, p + PUSH)), p + PUSH >= end);
  } catch (err) {
    throw new ZipError(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!stopped && total !== e.size) throw new ZipError(`${e.name}: inflated to ${total} bytes, not ${e.size}`);
}
