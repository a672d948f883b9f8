/** The streaming inflater the zip reader uses (./inflate-fflate.ts, ./inflate-node.ts). */
export interface Inflater {
  /** Feeds compressed bytes; `final` on the last piece. Throws on damaged data. */
  push(chunk: Uint8Array, final: boolean): void;
}
