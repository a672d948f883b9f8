/**
 * A small zip reader and writer made for package-level editing of workbooks: it reads the central
 * directory (Zip64 too), inflates only the entries asked for, and writes a new archive in which the
 * entries that were not changed keep their compressed bytes exactly (no inflate + deflate round trip).
 *
 * Only what OOXML packages use: methods 0 (stored) and 8 (deflate) are inflated; any other method is
 * copied through untouched but cannot be read. Local headers are written fresh (sizes and CRC in the
 * header, no data descriptor, no extra fields); the central directory keeps each entry's attributes,
 * time and date. Archives over 4 GiB or with more than 65,535 entries are refused when writing (a
 * workbook that big cannot be held in memory to be edited anyway).
 *
 * Browser-safe: only fflate, no Node APIs.
 */
import { deflateSync, inflateSync } from 'fflate';

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

export interface ZipEntry {
  /** The entry's name as stored (a part name without the leading "/"). */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly time: number;
  readonly date: number;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  /** The compressed bytes (a view into the archive, not a copy). */
  readonly raw: Uint8Array;
}

export interface ZipArchive {
  readonly entries: ReadonlyArray<ZipEntry>;
  readonly comment: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;

function u64(view: DataView, at: number): number {
  const lo = view.getUint32(at, true);
  const hi = view.getUint32(at + 4, true);
  return hi * 0x1_0000_0000 + lo;
}

const utf8 = new TextDecoder('utf-8');

function cp437(bytes: Uint8Array): string {
  // Part names are ASCII in practice; the high half is read as Latin-1 rather than failing.
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

/** Reads the central directory of a zip archive. Throws ZipFormatError when it is not one or is truncated. */
export function readZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.length;
  if (n < 22) throw new ZipFormatError('not a zip archive (too short)');
  let eocd = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_EOCD && i + 22 + view.getUint16(i + 20, true) <= n) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('not a zip archive (no end of central directory)');
  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  const comment = bytes.subarray(eocd + 22, eocd + 22 + view.getUint16(eocd + 20, true));
  if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && eocd >= 20 && view.getUint32(eocd - 20, true) === SIG_ZIP64_LOCATOR) {
    const at = u64(view, eocd - 12);
    if (at + 56 > n || view.getUint32(at, true) !== SIG_ZIP64_EOCD) throw new ZipFormatError('damaged Zip64 end of central directory');
    count = u64(view, at + 32);
    cdSize = u64(view, at + 40);
    cdOffset = u64(view, at + 48);
  }
  if (cdOffset + cdSize > n) throw new ZipFormatError('truncated archive (central directory beyond the end)');
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || view.getUint32(p, true) !== SIG_CENTRAL) throw new ZipFormatError('damaged central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let compressedSize = view.getUint32(p + 20, true);
    let size = view.getUint32(p + 24, true);
    let offset = view.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = flags & FLAG_UTF8 ? utf8.decode(nameBytes) : cp437(nameBytes);
    // Zip64 extra field: the 0xFFFFFFFF values, in the order size, compressed size, offset.
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const len = view.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) (size = u64(view, q)), (q += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(view, q)), (q += 8);
        if (offset === 0xffffffff) offset = u64(view, q);
      }
      e += 4 + len;
    }
    if (offset + 30 > n || view.getUint32(offset, true) !== SIG_LOCAL) throw new ZipFormatError(`damaged local header of ${name}`);
    const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    if (dataStart + compressedSize > n) throw new ZipFormatError(`truncated entry ${name}`);
    const key = name.toLowerCase();
    if (seen.has(key)) throw new ZipFormatError(`the archive holds ${name} twice`);
    seen.add(key);
    entries.push({
      name,
      method,
      flags,
      crc: view.getUint32(p + 16, true),
      compressedSize,
      size,
      time: view.getUint16(p + 12, true),
      date: view.getUint16(p + 14, true),
      versionMadeBy: view.getUint16(p + 4, true),
      versionNeeded: view.getUint16(p + 6, true),
      internalAttributes: view.getUint16(p + 36, true),
      externalAttributes: view.getUint32(p + 38, true),
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return { entries, comment };
}

/** The uncompressed bytes of an entry. */
export function entryBytes(entry: ZipEntry): Uint8Array {
  if (entry.flags & FLAG_ENCRYPTED) throw new ZipFormatError(`${entry.name} is encrypted`);
  let out: Uint8Array;
  if (entry.method === 0) out = entry.raw;
  else if (entry.method === 8) {
    try {
      out = inflateSync(entry.raw, { out: new Uint8Array(entry.size) });
    } catch (e) {
      throw new ZipFormatError(`${entry.name} cannot be inflated: ${e instanceof Error ? e.message : String(e)}`);
    }
  } else throw new ZipFormatError(`${entry.name} uses compression method ${entry.method}`);
  if (out.length !== entry.size) throw new ZipFormatError(`${entry.name} has ${out.length} bytes, the directory says ${entry.size}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// CRC-32 (the zip polynomial), table-driven, sliced by 4
// ---------------------------------------------------------------------------------------------

const CRC_TABLES: Uint32Array[] = (() => {
  const t0 = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[i] = c >>> 0;
  }
  const tables = [t0];
  for (let t = 1; t < 4; t++) {
    const prev = tables[t - 1];
    const cur = new Uint32Array(256);
    for (let i = 0; i < 256; i++) cur[i] = (prev[i] >>> 8) ^ t0[prev[i] & 0xff];
    tables.push(cur);
  }
  return tables;
})();

/** The CRC-32 of `data`; with `previous` (the CRC of what came before), of the whole so far. */
export function crc32(data: Uint8Array, previous = 0): number {
  const [t0, t1, t2, t3] = CRC_TABLES;
  let c = (previous ^ 0xffffffff) >>> 0;
  let i = 0;
  const n4 = data.length & ~3;
  for (; i < n4; i += 4) {
    c ^= data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24);
    c = t3[c & 0xff] ^ t2[(c >>> 8) & 0xff] ^ t1[(c >>> 16) & 0xff] ^ t0[c >>> 24];
  }
  for (; i < data.length; i++) c = t0[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** DOS date of 1980-01-01, time 00:00: what Excel writes for every part (and it keeps outputs reproducible). */
const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;

/** A new entry from uncompressed bytes, deflated at level 3 (for sheet XML within 5 % of level 6's size, in half the time). */
export function newEntry(name: string, data: Uint8Array, level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 3): ZipEntry {
  const raw = data.length === 0 ? data : deflateSync(data, { level });
  const stored = data.length === 0 || raw.length >= data.length;
  return {
    name,
    method: stored ? 0 : 8,
    flags: /^[\x20-\x7e]*$/.test(name) ? 0 : FLAG_UTF8,
    crc: crc32(data),
    compressedSize: stored ? data.length : raw.length,
    size: data.length,
    time: 0,
    date: DOS_DATE_1980,
    versionMadeBy: 20,
    versionNeeded: 20,
    internalAttributes: 0,
    externalAttributes: 0,
    raw: stored ? data : raw,
  };
}

const utf8Encoder = new TextEncoder();

/** 2.0 for stored and deflated entries (no Zip64 is written); another method keeps what it said. */
function versionNeeded(e: ZipEntry): number {
  return e.method === 0 || e.method === 8 ? 20 : e.versionNeeded;
}

/** Writes the entries, in order, as a new archive. Each entry's compressed bytes are copied as they are. */
export function writeZip(entries: ReadonlyArray<ZipEntry>, comment: Uint8Array = new Uint8Array(0)): Uint8Array {
  if (entries.length > 0xffff) throw new ZipFormatError('more than 65,535 entries');
  const names = entries.map((e) => (e.flags & FLAG_UTF8 ? utf8Encoder.encode(e.name) : Uint8Array.from(e.name, (ch) => ch.charCodeAt(0) & 0xff)));
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((e, i) => {
    if (e.size > 0xffffffff) throw new ZipFormatError(`${e.name} is larger than 4 GiB`);
    localSize += 30 + names[i].length + e.raw.length;
    centralSize += 46 + names[i].length;
  });
  const total = localSize + centralSize + 22 + comment.length;
  if (localSize > 0xffffffff || total > 0xffffffff) throw new ZipFormatError('archive larger than 4 GiB');
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    const flags = e.flags & ~FLAG_DESCRIPTOR;
    offsets.push(p);
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, versionNeeded(e), true);
    view.setUint16(p + 6, flags, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    p += 30 + names[i].length;
    out.set(e.raw, p);
    p += e.raw.length;
  });
  const cdStart = p;
  entries.forEach((e, i) => {
    const flags = e.flags & ~FLAG_DESCRIPTOR;
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, e.versionMadeBy, true);
    view.setUint16(p + 6, versionNeeded(e), true);
    view.setUint16(p + 8, flags, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint16(p + 30, 0, true);
    view.setUint16(p + 32, 0, true);
    view.setUint16(p + 34, 0, true);
    view.setUint16(p + 36, e.internalAttributes, true);
    view.setUint32(p + 38, e.externalAttributes, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, SIG_EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  view.setUint16(p + 20, comment.length, true);
  out.set(comment, p + 22);
  return out;
}
