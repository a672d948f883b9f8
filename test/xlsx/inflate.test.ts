/**
 * The zip reader's two inflaters (src/xlsx/ooxml/inflate-fflate.ts everywhere, inflate-node.ts in the command's
 * bundle) give the same bytes, and both refuse damaged data.
 */
import { deflateRawSync } from 'zlib';
import { deflateSync } from 'fflate';
import * as fflateSide from '../../src/xlsx/ooxml/inflate-fflate';
import * as nodeSide from '../../src/xlsx/ooxml/inflate-node';

function sample(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    // mostly text-like (compressible), some noise
    out[i] = i % 7 === 0 ? x & 0xff : 60 + ((x >> 8) % 20);
  }
  return out;
}

test.each([0, 1, 100, 65536, 300000])('both inflaters give the same %i bytes (zlib- and fflate-deflated)', (n) => {
  const raw = sample(n, n + 1);
  for (const packed of [new Uint8Array(deflateRawSync(raw)), deflateSync(raw)]) {
    expect(Buffer.from(nodeSide.inflateWhole(packed, n)).equals(Buffer.from(raw))).toBe(true);
    expect(Buffer.from(fflateSide.inflateWhole(packed, n)).equals(Buffer.from(raw))).toBe(true);
    const chunks: Uint8Array[] = [];
    const s = nodeSide.newInflater((c) => chunks.push(c.slice()));
    for (let p = 0; p < packed.length || p === 0; p += 1000) s.push(packed.subarray(p, Math.min(packed.length, p + 1000)), p + 1000 >= packed.length);
    expect(Buffer.concat(chunks).equals(Buffer.from(raw))).toBe(true);
  }
});

test('both refuse damaged data', () => {
  const packed = new Uint8Array(deflateRawSync(sample(5000, 3)));
  const cut = packed.subarray(0, packed.length >> 1);
  expect(() => nodeSide.inflateWhole(cut, 5000)).toThrow();
  expect(() => fflateSide.inflateWhole(cut, 5000)).toThrow();
  const junk = new Uint8Array([0xff, 0xff, 0xff, 0xff]);
  expect(() => nodeSide.inflateWhole(junk, 10)).toThrow();
  expect(() => fflateSide.inflateWhole(junk, 10)).toThrow();
});

test('a stream longer than its stated size is caught (zlib stops one byte past it)', () => {
  const packed = new Uint8Array(deflateRawSync(sample(5000, 4)));
  let got: Uint8Array | null = null;
  try {
    got = nodeSide.inflateWhole(packed, 100);
  } catch {
    got = null;
  }
  expect(got === null || got.length !== 100).toBe(true);
});
