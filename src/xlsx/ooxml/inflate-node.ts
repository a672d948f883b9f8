/**
 * Raw DEFLATE for the zip reader (./zip.ts) in the command: Node's zlib (native code, fast from the first call, where
 * a JavaScript inflater is still being interpreted and compiled in a short-lived process). The command's bundle
 * puts this module in place of ./inflate-fflate.ts (webpack.cli.config.js); the browser bundle and the tests
 * keep fflate. Streaming stays fflate's: zlib has no synchronous streaming interface, and only entries beyond
 * 4 MiB stream (./zip.ts), where the inflater's warm-up no longer matters.
 */
import { inflateRawSync } from 'zlib';
import type { Inflater } from './inflate-types';

type FflateSide = typeof import('./inflate-fflate');
let fflateSide: FflateSide | null = null;

/** fflate's streaming inflater, loaded on first use (fflate builds its tables when loaded: small files never pay that). */
export function newInflater(onChunk: (chunk: Uint8Array) => void): Inflater {
  fflateSide ??= require('./inflate-fflate') as FflateSide;
  return fflateSide.newInflater(onChunk);
}

/** Inflates a whole raw DEFLATE stream whose inflated size is known (`size` bytes). Throws on damaged data. */
export function inflateWhole(data: Uint8Array, size: number): Uint8Array {
  // one output buffer of the known size (zlib's default 16 KiB chunks cost allocations and a join), and one byte of
  // room beyond it: a stream that inflates to more shows as a size mismatch in the caller, and never grows unbounded
  const out = inflateRawSync(data, { chunkSize: Math.max(64, size + 1), maxOutputLength: size + 1 });
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

export type { Inflater };
