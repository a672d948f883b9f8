/**
 * The head of a big zip entry is edited without inflating the entry whole: the new head is spliced onto the
 * original compressed blocks (bit-shifted), and the CRC-32 follows from the original one. Streams made by
 * zlib (levels 1, 6, 9, stored blocks) and by fflate are spliced, and each result inflates to exactly the
 * edited text; an entry without an early block boundary is re-compressed as a stream instead.
 */
import * as zlib from 'zlib';
import fc from 'fast-check';
import { deflateSync, inflateSync } from 'fflate';
import { BlockInflater, crc32Combine, editEntryHead, shiftedBits } from '../../../src/xlsx/package/deflate-splice';
import { crc32, newEntry } from '../../../src/xlsx/package/zip';
import type { ZipEntry } from '../../../src/xlsx/package/zip';

const enc = new TextEncoder();
const dec = new TextDecoder();

function sheetText(rows: number, seed: number, selected = true): string {
  let s = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetPr codeName="Lembar€"/><dimension ref="A1:D${rows}"/><sheetViews><sheetView ${selected ? 'tabSelected="1" ' : ''}workbookViewId="0"/></sheetViews><sheetData>`;
  let x = seed >>> 0;
  for (let r = 1; r <= rows; r++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += `<row r="${r}"><c r="A${r}"><v>${x % 100000}</v></c><c r="B${r}" t="inlineStr"><is><t>Nama ${x % 977} ¾</t></is></c><c r="C${r}"><v>${r * 3}</v></c></row>`;
  }
  return s + '</sheetData></worksheet>';
}

function entryOf(raw: Uint8Array, data: Uint8Array, method = 8): ZipEntry {
  return { ...newEntry('xl/worksheets/sheet1.xml', data), method, raw, compressedSize: raw.length, crc: crc32(data), size: data.length };
}

const unselect = (head: string) => (head.includes(' tabSelected="1"') ? head.replace(' tabSelected="1"', '') : null);

function inflated(e: ZipEntry): string {
  return dec.decode(e.method === 0 ? e.raw : inflateSync(e.raw));
}

test('crc32 of a concatenation: crc32Combine and crc32(data, previous)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (a, b) => {
      const ab = new Uint8Array([...a, ...b]);
      expect(crc32Combine(crc32(a), crc32(b), b.length)).toBe(crc32(ab));
      expect(crc32(b, crc32(a))).toBe(crc32(ab));
    }),
  );
});

test('the block inflater decodes zlib and fflate streams, and knows where each block ends', () => {
  const data = enc.encode(sheetText(3000, 7));
  for (const raw of [zlib.deflateRawSync(data, { level: 0 }), zlib.deflateRawSync(data, { level: 1 }), zlib.deflateRawSync(data, { level: 9 }), deflateSync(data, { level: 6 }), zlib.deflateRawSync(data, { strategy: zlib.constants.Z_FIXED })]) {
    const inf = new BlockInflater(raw);
    const ends: number[] = [];
    while (inf.nextBlock()) ends.push(inf.bit);
    expect(dec.decode(inf.out.subarray(0, inf.length))).toBe(dec.decode(data));
    expect(ends.length).toBeGreaterThan(0);
  }
});

test('shiftedBits moves a bit string to a byte boundary', () => {
  const raw = new Uint8Array([0b10110100, 0b01100011, 0b11110000]);
  expect([...shiftedBits(raw, 3)]).toEqual([0b01110110, 0b00001100, 0b00011110]);
  expect([...shiftedBits(raw, 8)]).toEqual([0b01100011, 0b11110000]);
});

describe('editEntryHead', () => {
  const text = sheetText(40000, 3); // ~3.6 MB, many blocks
  const data = enc.encode(text);
  const expected = text.replace(' tabSelected="1"', '');
  const streams: Array<[string, Uint8Array]> = [
    ['zlib level 6', zlib.deflateRawSync(data, { level: 6 })],
    ['zlib level 1', zlib.deflateRawSync(data, { level: 1 })],
    ['zlib level 9', zlib.deflateRawSync(data, { level: 9 })],
    ['zlib stored blocks', zlib.deflateRawSync(data, { level: 0 })],
    ['fflate level 6', deflateSync(data, { level: 6 })],
  ];
  test.each(streams)('a big entry (%s) gets the new head spliced onto its original blocks', (name, raw) => {
    const e = entryOf(raw, data);
    const out = editEntryHead(e, unselect)!;
    expect(out.method).toBe('spliced');
    const got = inflated(out.entry);
    expect(got.length).toBe(expected.length);
    expect(got === expected).toBe(true);
    expect(out.entry.size).toBe(enc.encode(expected).length);
    expect(out.entry.crc).toBe(crc32(enc.encode(expected)));
    // nothing after the boundary was re-compressed: the compressed sizes differ by the head's few bytes
    if (!name.includes('stored')) expect(Math.abs(out.entry.raw.length - raw.length)).toBeLessThan(40_000);
  });

  test('a stored entry: the new head and the original bytes after it', () => {
    const out = editEntryHead(entryOf(data, data, 0), unselect)!;
    expect(out.method).toBe('stored');
    expect(dec.decode(out.entry.raw)).toBe(expected);
    expect(out.entry.crc).toBe(crc32(enc.encode(expected)));
  });

  test('a small entry, or one without an early block boundary, is re-compressed as a stream', () => {
    const small = enc.encode(sheetText(20, 1));
    const s = editEntryHead(entryOf(deflateSync(small), small), unselect)!;
    expect(s.method).toBe('streamed');
    expect(inflated(s.entry)).toBe(dec.decode(small).replace(' tabSelected="1"', ''));
    const raw = zlib.deflateRawSync(data, { level: 6 });
    const t = editEntryHead(entryOf(raw, data), unselect, { scanLimit: 1000 })!;
    expect(t.method).toBe('streamed');
    expect(inflated(t.entry) === expected).toBe(true);
    expect(t.entry.crc).toBe(crc32(enc.encode(expected)));
  });

  test('nothing to change: null, and the entry is left alone', () => {
    const plain = enc.encode(sheetText(50, 2, false));
    expect(editEntryHead(entryOf(deflateSync(plain), plain), unselect)).toBeNull();
    expect(editEntryHead(entryOf(plain, plain, 0), unselect)).toBeNull();
  });

  test('property: any head edit on any stream decodes to the edited text', () => {
    fc.assert(
      fc.property(fc.integer({ min: 200, max: 4000 }), fc.integer(), fc.constantFrom(0, 1, 6, 9), fc.boolean(), fc.string({ maxLength: 40 }), (rows, seed, level, viaFflate, extra) => {
        const t = sheetText(rows, seed);
        const d = enc.encode(t);
        const raw = viaFflate && level > 0 ? deflateSync(d, { level: level as 1 | 6 | 9 }) : zlib.deflateRawSync(d, { level });
        const edit = (head: string) => head.replace(' tabSelected="1"', ` x="${extra.replace(/[<&"]/g, '')}"`);
        const out = editEntryHead(entryOf(raw, d), edit)!;
        const want = t.replace(' tabSelected="1"', ` x="${extra.replace(/[<&"]/g, '')}"`);
        expect(inflated(out.entry) === want).toBe(true);
        expect(out.entry.crc).toBe(crc32(enc.encode(want)));
        expect(out.entry.size).toBe(enc.encode(want).length);
      }),
      { numRuns: 25 },
    );
  });
});
