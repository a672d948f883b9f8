/**
 * The small zip reader/writer of the package writer: what it copies is copied bit for bit, what it reads
 * is read right (stored and deflated entries, data descriptors, Zip64 records), and damaged archives are
 * refused with a reason.
 */
import * as zlib from 'zlib';
import fc from 'fast-check';
import { unzipSync, zipSync, strToU8 } from 'fflate';
import { pseudoRandom } from '../package-builder';
import { crc32, entryBytes, newEntry, readZip, writeZip, ZipFormatError } from '../../../src/xlsx/package/zip';

const u8 = (s: string) => strToU8(s);

test('the CRC-32 is the zip one (checked against zlib)', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
      expect(crc32(data)).toBe(zlib.crc32(data));
    }),
  );
});

test('entries written by another zip program are read, and copied through with their compressed bytes unchanged', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9/]{0,12}\.(xml|bin)$/), fc.uint8Array({ maxLength: 2000 }), { minKeys: 1, maxKeys: 8 }),
      fc.constantFrom(0, 1, 6, 9),
      (files, level) => {
        const zip = zipSync(files, { level: level as 0 | 1 | 6 | 9 });
        const archive = readZip(zip);
        expect(archive.entries.map((e) => e.name).sort()).toEqual(Object.keys(files).sort());
        for (const e of archive.entries) expect(entryBytes(e)).toEqual(files[e.name]);
        const again = writeZip(archive.entries);
        // another reader agrees, and the compressed bytes are the same
        expect(unzipSync(again)).toEqual(files);
        const reread = readZip(again);
        reread.entries.forEach((e, i) => {
          expect(e.raw).toEqual(archive.entries[i].raw);
          expect(e.method).toBe(archive.entries[i].method);
        });
      },
    ),
    { numRuns: 60 },
  );
});

test('new entries are deflated (or stored when that is smaller) and read back by another zip program', () => {
  const text = u8('<row>'.repeat(500));
  const random = pseudoRandom(300, 5);
  const out = writeZip([newEntry('xl/a.xml', text), newEntry('xl/b.bin', random), newEntry('empty.txt', new Uint8Array(0)), newEntry('xl/naïve.xml', u8('é'))]);
  const files = unzipSync(out);
  expect(files['xl/a.xml']).toEqual(text);
  expect(files['xl/b.bin']).toEqual(random);
  expect(files['empty.txt']).toEqual(new Uint8Array(0));
  expect(files['xl/naïve.xml']).toEqual(u8('é'));
  const entries = readZip(out).entries;
  expect(entries[0].method).toBe(8);
  expect(entries[1].method).toBe(0); // incompressible: stored
  expect(entries[3].name).toBe('xl/naïve.xml'); // UTF-8 name flag
});

/** A hand-made archive: one entry with a data descriptor (sizes after the data), optionally with Zip64 records. */
function handMade(zip64: boolean): Uint8Array {
  const name = u8('xl/workbook.xml');
  const data = u8('<workbook/>');
  const raw = zlib.deflateRawSync(data);
  const crc = zlib.crc32(data);
  const parts: Buffer[] = [];
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x8, 6); // data descriptor follows
  local.writeUInt16LE(8, 8);
  local.writeUInt16LE(name.length, 26);
  parts.push(local, Buffer.from(name), raw);
  const dd = Buffer.alloc(16);
  dd.writeUInt32LE(0x08074b50, 0);
  dd.writeUInt32LE(crc, 4);
  dd.writeUInt32LE(raw.length, 8);
  dd.writeUInt32LE(data.length, 12);
  parts.push(dd);
  const cdOffset = parts.reduce((n, b) => n + b.length, 0);
  const extra = zip64 ? Buffer.alloc(4 + 24) : Buffer.alloc(0);
  if (zip64) {
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(data.length), 4);
    extra.writeBigUInt64LE(BigInt(raw.length), 12);
    extra.writeBigUInt64LE(BigInt(0), 20);
  }
  const cd = Buffer.alloc(46);
  cd.writeUInt32LE(0x02014b50, 0);
  cd.writeUInt16LE(zip64 ? 45 : 20, 4);
  cd.writeUInt16LE(zip64 ? 45 : 20, 6);
  cd.writeUInt16LE(0x8, 8);
  cd.writeUInt16LE(8, 10);
  cd.writeUInt32LE(crc, 16);
  cd.writeUInt32LE(zip64 ? 0xffffffff : raw.length, 20);
  cd.writeUInt32LE(zip64 ? 0xffffffff : data.length, 24);
  cd.writeUInt16LE(name.length, 28);
  cd.writeUInt16LE(extra.length, 30);
  cd.writeUInt32LE(zip64 ? 0xffffffff : 0, 42);
  parts.push(cd, Buffer.from(name), extra);
  const cdSize = 46 + name.length + extra.length;
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(BigInt(44), 4);
    rec.writeUInt16LE(45, 12);
    rec.writeUInt16LE(45, 14);
    rec.writeBigUInt64LE(BigInt(1), 24);
    rec.writeBigUInt64LE(BigInt(1), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const recOffset = cdOffset + cdSize;
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(recOffset), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(rec, loc);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(zip64 ? 0xffff : 1, 8);
  eocd.writeUInt16LE(zip64 ? 0xffff : 1, 10);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cdSize, 12);
  eocd.writeUInt32LE(zip64 ? 0xffffffff : cdOffset, 16);
  parts.push(eocd);
  return new Uint8Array(Buffer.concat(parts));
}

test.each([false, true])('an entry with a data descriptor is read (Zip64 records: %s), and rewritten without one', (zip64) => {
  const archive = readZip(handMade(zip64));
  expect(archive.entries).toHaveLength(1);
  expect(new TextDecoder().decode(entryBytes(archive.entries[0]))).toBe('<workbook/>');
  const again = writeZip(archive.entries);
  expect(unzipSync(again)['xl/workbook.xml']).toEqual(u8('<workbook/>'));
  expect(readZip(again).entries[0].flags & 0x8).toBe(0);
});

test('damaged archives are refused with a reason', () => {
  const good = zipSync({ 'a.xml': u8('<a/>'.repeat(50)) });
  expect(() => readZip(u8('not a zip at all, just text'))).toThrow(ZipFormatError);
  expect(() => readZip(good.subarray(0, good.length - 30))).toThrow(ZipFormatError);
  const cut = good.slice();
  cut.fill(0, 30, 40); // compressed data damaged
  expect(() => entryBytes(readZip(cut).entries[0])).toThrow(ZipFormatError);
  // the same name twice
  const twice = writeZip([newEntry('xl/a.xml', u8('1')), newEntry('XL/A.xml', u8('2'))]);
  expect(() => readZip(twice)).toThrow(/twice/);
});
