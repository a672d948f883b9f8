/**
 * The xlsx reading adapter: workbooks built here with exceljs come back as the grids the core expects,
 * and anything that is not a readable .xlsx is refused with a stable reason (never a crash).
 */
import { Workbook } from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readWorkbookGrids, sniffWorkbook, WorkbookReadError, isWorkbookReadError } from '../../src/xlsx/read';
import { readWorkbookFile } from '../../src/xlsx/read-file';
import type { Grid } from '../../src/core/types';
import { cellValuesWorkbook, fiftyRowsWorkbook, markerWorkbook, workbook1904 } from './read-fixtures';

async function toBuffer(wb: Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The value at an A1-style zero-based position, treating ragged rows as empty. */
function at(g: Grid, row: number, col: number): unknown {
  const r = g.values[row];
  return r && col < r.length ? r[col] : null;
}

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(isWorkbookReadError(e)).toBe(true);
    return (e as WorkbookReadError).reason;
  }
  throw new Error('expected the workbook to be refused');
}

// A minimal zip archive with stored (uncompressed) entries, to build odd archives by hand.
function crc32(buf: Buffer): number {
  let c = ~0;
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i];
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function storedZip(entries: Array<[string, string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The first sector of an OLE compound file naming the given directory entries (UTF-16LE), as Excel writes them. */
function oleFile(streams: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  const dir = Buffer.alloc(128 * (streams.length + 1));
  ['Root Entry', ...streams].forEach((name, i) => {
    const n = Buffer.from(name, 'utf16le');
    n.copy(dir, i * 128);
    dir.writeUInt16LE(n.length + 2, i * 128 + 64);
  });
  return Buffer.concat([header, Buffer.alloc(512), dir]);
}

describe('readWorkbookGrids: cell values', () => {
  let grids: Grid[];

  beforeAll(async () => {
    grids = await readWorkbookGrids(await toBuffer(cellValuesWorkbook()));
  });

  test('sheets come in tab order with their names; a hidden sheet is marked hidden', () => {
    expect(grids.map((g) => g.name)).toEqual(['Petunjuk', 'Penilaian Mandiri', 'Rekap']);
    expect(grids[0].hidden).toBeFalsy();
    expect(grids[1].hidden).toBeFalsy();
    expect(grids[2].hidden).toBe(true);
  });

  test('values are absolute: values[r][c] is the cell at row r+1, column c+1', () => {
    const g = grids[1];
    expect(g.origin ?? { row: 0, col: 0 }).toEqual({ row: 0, col: 0 });
    expect(at(g, 2, 1)).toBe('No');
    expect(at(g, 3, 1)).toBe(1);
    expect(at(g, 3, 3)).toBe(3);
    expect(at(g, 4, 1)).toBe('35-2');
    expect(at(g, 5, 1)).toBe('3.');
    expect(at(g, 19, 7)).toBe('far away');
    expect(at(g, 1, 1)).toBeNull(); // an empty row
    expect(at(g, 3, 0)).toBeNull(); // the left margin
  });

  test('rich text and hyperlinks become their plain text; booleans stay booleans', () => {
    const g = grids[1];
    expect(at(g, 2, 2)).toBe('Indikator');
    expect(at(g, 3, 4)).toBe('bukti-1.pdf');
    expect(at(g, 6, 1)).toBe(true);
  });

  test('formula cells give their cached result and keep the formula text', () => {
    const g = grids[1];
    expect(at(g, 4, 3)).toBe(4);
    expect(at(g, 7, 3)).toBe(7);
    expect(at(g, 8, 3)).toEqual({ error: '#N/A' });
    expect(at(g, 9, 3)).toBe('3x');
    expect(at(g, 10, 3)).toBeNull(); // no cached result
    expect(g.formulas).toBeDefined();
    const f = g.formulas!;
    expect(f[4][3]).toBe('=D4+1');
    expect(f[7][3]).toBe('=SUM(D4:D5)');
    expect(f[10][3]).toBe('=D4');
    expect(f[3]?.[3] ?? null).toBeNull(); // a constant has no formula
    expect(grids[2].formulas![0][1]).toBe("='Penilaian Mandiri'!D4");
    expect(grids[2].values[0][1]).toBe(3);
  });

  test('shared formulas give each cell its own result and its own formula', () => {
    const g = grids[1];
    expect(at(g, 3, 5)).toBe(6);
    expect(at(g, 4, 5)).toBe(8);
    expect(at(g, 5, 5)).toEqual({ error: '#N/A' });
    expect(g.formulas![3][5]).toBe('=D4*2');
    expect(g.formulas![4][5]).toBe('=D5*2');
    expect(g.formulas![5][5]).toBe('=D6*2');
  });

  test('error values, dates, decimal-comma text and fractions', () => {
    const g = grids[1];
    expect(at(g, 5, 3)).toEqual({ error: '#N/A' });
    expect(at(g, 6, 3)).toBe(45306); // 2024-01-15 as an Excel serial
    expect(at(g, 11, 3)).toBe('3,0');
    expect(at(g, 12, 3)).toBe(2.5);
  });

  test('merged areas are absolute zero-based ranges; only the top-left cell carries the value', () => {
    const g = grids[1];
    expect(g.merges).toEqual(
      expect.arrayContaining([
        { top: 0, left: 1, bottom: 0, right: 4 },
        { top: 13, left: 2, bottom: 15, right: 2 },
      ]),
    );
    expect(g.merges).toHaveLength(2);
    expect(at(g, 0, 1)).toBe('PEMERINTAH KOTA CONTOH');
    expect(at(g, 0, 2)).toBeNull();
    expect(at(g, 13, 2)).toBe('Aspek 1');
    expect(at(g, 14, 2)).toBeNull();
  });

  test('hidden columns and rows are listed (zero-based)', () => {
    const g = grids[1];
    expect(g.hiddenColumns).toEqual([6]);
    expect(g.hiddenRows).toEqual([12]);
    expect(grids[0].hiddenColumns ?? []).toEqual([]);
  });

  test('accepts a Uint8Array and an ArrayBuffer as well as a Buffer', async () => {
    const wb = new Workbook();
    wb.addWorksheet('S').getCell('A1').value = 42;
    const buf = await toBuffer(wb);
    const u8 = new Uint8Array(buf);
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
    expect((await readWorkbookGrids(u8))[0].values[0][0]).toBe(42);
    expect((await readWorkbookGrids(ab))[0].values[0][0]).toBe(42);
  });

  test('a workbook in the 1904 date system gives 1904 serials', async () => {
    const grids1904 = await readWorkbookGrids(await toBuffer(workbook1904()));
    expect(grids1904[0].values[0][0]).toBe(45306 - 1462);
  });
});

describe('readWorkbookGrids: files that are not readable workbooks', () => {
  let xlsx: Buffer;
  beforeAll(async () => {
    xlsx = await toBuffer(fiftyRowsWorkbook());
  });

  test('an empty file', async () => {
    expect(await reason(readWorkbookGrids(Buffer.alloc(0)))).toBe('empty');
  });

  test('random bytes', async () => {
    const bytes = Buffer.alloc(2048);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = x >> 16;
    }
    bytes[0] = 0x01;
    expect(await reason(readWorkbookGrids(bytes))).toBe('not-xlsx');
  });

  test('a truncated xlsx (cut off while downloading)', async () => {
    expect(await reason(readWorkbookGrids(xlsx.subarray(0, Math.floor(xlsx.length / 2))))).toBe('damaged');
    expect(await reason(readWorkbookGrids(xlsx.subarray(0, 10)))).toBe('damaged');
  });

  test('a CSV file', async () => {
    expect(await reason(readWorkbookGrids(Buffer.from('No;Indikator;Tingkat\n1;Kebijakan;3\n', 'utf8')))).toBe('text');
  });

  test('an encrypted (password-protected) workbook', async () => {
    const ole = oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']);
    expect(sniffWorkbook(ole)).toBe('encrypted');
    expect(await reason(readWorkbookGrids(ole))).toBe('encrypted');
  });

  test('an old .xls workbook', async () => {
    expect(await reason(readWorkbookGrids(oleFile(['Workbook', '\u0005SummaryInformation'])))).toBe('xls');
  });

  test('an OpenDocument spreadsheet', async () => {
    const ods = storedZip([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['content.xml', '<office:document-content/>'],
    ]);
    expect(await reason(readWorkbookGrids(ods))).toBe('ods');
  });

  test('an Excel binary workbook (.xlsb)', async () => {
    const xlsb = storedZip([
      ['[Content_Types].xml', '<Types/>'],
      ['xl/workbook.bin', 'binary'],
    ]);
    expect(await reason(readWorkbookGrids(xlsb))).toBe('xlsb');
  });

  test('UTF-16 text (Excel "Unicode Text")', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('No\tTingkat\r\n1\t3\r\n', 'utf16le')]);
    expect(await reason(readWorkbookGrids(utf16))).toBe('text');
  });

  test('a zip archive that is not a workbook (no workbook part, e.g. a .docx renamed): not an xlsx', async () => {
    const zip = storedZip([['readme.txt', 'hello']]);
    expect(await reason(readWorkbookGrids(zip))).toBe('not-xlsx');
    const docx = storedZip([
      ['_rels/.rels', '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'],
      ['word/document.xml', '<w:document/>'],
    ]);
    expect(await reason(readWorkbookGrids(docx))).toBe('not-xlsx');
  });

  test('readWorkbookFile: a missing file and a folder are refused with a reason', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-read-'));
    try {
      expect(await reason(readWorkbookFile(path.join(dir, 'nope.xlsx')))).toBe('not-found');
      expect(await reason(readWorkbookFile(dir))).toBe('not-a-file');
      const file = path.join(dir, 'ok.xlsx');
      fs.writeFileSync(file, xlsx);
      const g = await readWorkbookFile(file);
      expect(g[0].values[49]).toEqual([50, 'Indikator 50', 1]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the gap sheet this tool wrote earlier is left out (one rule with the Excel adapter)', () => {
  async function withMarker(reference: string | null, rename?: string): Promise<string[]> {
    return (await readWorkbookGrids(await toBuffer(markerWorkbook(reference, rename)))).map((g) => g.name);
  }

  test('the sheet whose A1 the marker name refers to (quoted, any case, $ or not) is not read', async () => {
    expect(await withMarker("'Analisis Gap'!$A$1")).toEqual(['Penilaian']);
    expect(await withMarker("'analisis gap'!A1")).toEqual(['Penilaian']);
    expect(await withMarker("'It''s mine'!$A$1", "It's mine")).toEqual(['Penilaian']);
  });

  test('no marker, a marker on another cell, or on a sheet that no longer exists: every sheet is read', async () => {
    expect(await withMarker(null)).toEqual(['Penilaian', 'Analisis Gap']);
    expect(await withMarker("'Analisis Gap'!$B$5")).toEqual(['Penilaian', 'Analisis Gap']);
    expect(await withMarker("'Hilang'!$A$1")).toEqual(['Penilaian', 'Analisis Gap']);
  });
});
