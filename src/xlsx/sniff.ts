/**
 * Recognising what the bytes of a file are before any unzipping: an empty file, an old .xls or an encrypted
 * (password-protected) workbook (both OLE compound files), an OpenDocument spreadsheet, an .xlsb, a CSV or other
 * text file, or something else that is not a workbook. Shared by the workbook reader (ooxml/read-workbook.ts) and the
 * exceljs loader (read.ts); it loads neither exceljs nor fflate.
 */
import type { UnreadableReason } from '../core/report';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: ReadonlyArray<number>): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Finds an ASCII name written in UTF-16LE (as OLE directory entries are) in the first `limit` bytes. */
function containsUtf16(bytes: Uint8Array, name: string, limit = bytes.length): boolean {
  const n = name.length;
  const end = Math.min(bytes.length, limit) - 2 * n;
  const first = name.charCodeAt(0);
  outer: for (let i = 0; i <= end; i++) {
    if (bytes[i] !== first || bytes[i + 1] !== 0) continue;
    for (let j = 1; j < n; j++) {
      if (bytes[i + 2 * j] !== name.charCodeAt(j) || bytes[i + 2 * j + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** Finds an ASCII string in the last `tail` bytes (a zip's central directory, which names every entry, is at the end). */
function containsAscii(bytes: Uint8Array, name: string, tail = 1 << 18): boolean {
  const n = name.length;
  const first = name.charCodeAt(0);
  const last = bytes.length - n;
  for (let i = bytes.indexOf(first, Math.max(0, bytes.length - tail)); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < n && bytes[i + j] === name.charCodeAt(j)) j++;
    if (j === n) return true;
  }
  return false;
}

function asciiAt(bytes: Uint8Array, offset: number, length: number): string {
  let s = '';
  for (let i = offset; i < offset + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

/** True when the first kilobytes look like text (CSV, TSV, HTML, XML ...) rather than binary data. */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control / n < 0.02;
}

/**
 * Classifies bytes that are not an xlsx workbook (a stable reason), or returns null when they may be one (a zip
 * archive that is not an OpenDocument file or an .xlsb). Exported for tests and for the browser, which wants to say
 * why before loading.
 */
export function sniffWorkbook(bytes: Uint8Array): UnreadableReason | null {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, OLE_MAGIC)) {
    // An OLE compound file: an encrypted OOXML workbook (EncryptionInfo + EncryptedPackage streams) or a legacy .xls.
    return containsUtf16(bytes, 'EncryptionInfo') || containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'xls';
  }
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
    // PK\3\4 (local file header) or PK\5\6 (empty archive): a zip. ODF files start with an uncompressed "mimetype" entry.
    if (bytes[2] === 0x03 && bytes[3] === 0x04 && asciiAt(bytes, 30, 8) === 'mimetype' && /opendocument/.test(asciiAt(bytes, 38, 60))) return 'ods';
    if ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06)) return containsAscii(bytes, 'xl/workbook.bin') ? 'xlsb' : null;
    return 'damaged';
  }
  // UTF-16 text (Excel's "Unicode Text" export) starts with a byte-order mark.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'text';
  return looksLikeText(bytes) ? 'text' : 'not-xlsx';
}

export function toBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}
