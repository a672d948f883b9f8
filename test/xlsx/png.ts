/** A small PNG reader for tests (8-bit grey, RGB or RGBA, not interlaced): enough to look at rendered pages. */
import * as zlib from 'zlib';

export interface Image {
  readonly width: number;
  readonly height: number;
  /** RGB triples, row by row. */
  readonly rgb: Uint8Array;
}

export function readPng(bytes: Uint8Array): Image {
  const b = Buffer.from(bytes);
  if (b.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let p = 8;
  let width = 0;
  let height = 0;
  let type = 0;
  const idat: Buffer[] = [];
  while (p < b.length) {
    const len = b.readUInt32BE(p);
    const kind = b.toString('ascii', p + 4, p + 8);
    const body = b.subarray(p + 8, p + 8 + len);
    if (kind === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      type = body[9];
    } else if (kind === 'IDAT') idat.push(body);
    p += 12 + len;
  }
  const bpp = type === 2 ? 3 : type === 6 ? 4 : type === 0 ? 1 : 0;
  if (!bpp) throw new Error(`PNG colour type ${type} not supported`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const rgb = new Uint8Array(width * height * 3);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)];
    const line = new Uint8Array(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? line[x - bpp] : 0;
      const up = prev[x];
      const c = x >= bpp ? prev[x - bpp] : 0;
      let v = line[x];
      if (f === 1) v += a;
      else if (f === 2) v += up;
      else if (f === 3) v += (a + up) >> 1;
      else if (f === 4) {
        const pa = Math.abs(up - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + up - 2 * c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      line[x] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      if (bpp === 1) rgb[o] = rgb[o + 1] = rgb[o + 2] = line[x];
      else {
        rgb[o] = line[x * bpp];
        rgb[o + 1] = line[x * bpp + 1];
        rgb[o + 2] = line[x * bpp + 2];
      }
    }
    prev = line;
  }
  return { width, height, rgb };
}

/** Pixels within `tolerance` of a colour ("#4472C4"). */
export function countColor(img: Image, hex: string, tolerance = 14): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const bl = parseInt(hex.slice(5, 7), 16);
  let n = 0;
  for (let i = 0; i < img.rgb.length; i += 3) {
    if (Math.abs(img.rgb[i] - r) <= tolerance && Math.abs(img.rgb[i + 1] - g) <= tolerance && Math.abs(img.rgb[i + 2] - bl) <= tolerance) n++;
  }
  return n;
}

/** Pixels that are not (nearly) white. */
export function inked(img: Image): number {
  let n = 0;
  for (let i = 0; i < img.rgb.length; i += 3) if (img.rgb[i] < 235 || img.rgb[i + 1] < 235 || img.rgb[i + 2] < 235) n++;
  return n;
}
