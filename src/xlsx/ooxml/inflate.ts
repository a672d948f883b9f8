/**
 * The raw DEFLATE the zip reader (./zip.ts) uses: fflate (./inflate-fflate.ts) everywhere but the command's
 * bundle, which replaces that module with Node's zlib (./inflate-node.ts; webpack.cli.config.js). Both give the
 * same bytes; test/xlsx/inflate.test.ts runs both.
 */
export { inflateWhole, newInflater } from './inflate-fflate';
export type { Inflater } from './inflate-types';
