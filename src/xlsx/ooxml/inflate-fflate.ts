/**
 * Raw DEFLATE for the zip reader (./zip.ts) with fflate: small, pure JavaScript, runs in the browser and in Node.
 * The default (./inflate.ts re-exports it); the command's bundle uses ./inflate-node.ts instead (webpack.cli.config.js).
 */
import { Inflate, inflateSync } from 'fflate';
import type { Inflater } from './inflate-types';

/** Inflates a whole raw DEFLATE stream whose inflated size is known (`size` bytes). Throws on damaged data. */
export function inflateWhole(data: Uint8Array, size: number): Uint8Array {
  return inflateSync(data, { out: new Uint8Array(size) });
}

/** A streaming inflater: `onChunk` gets the inflated bytes in order, as they come. */
export function newInflater(onChunk: (chunk: Uint8Array) => void): Inflater {
  const inflater = new Inflate((chunk) => onChunk(chunk));
  return { push: (chunk, final) => inflater.push(chunk, final) };
}
