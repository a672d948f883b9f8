/** Counting `context.sync()` calls, and recognising Excel on the web's payload-size errors. */

/** Wraps every sync the adapter makes, so the number of round trips can be reported. */
export class SyncCounter {
  count = 0;
  async sync(context: { sync(): Promise<unknown> }): Promise<void> {
    this.count += 1;
    await context.sync();
  }
}

/** Excel on the web: "RequestPayloadSizeLimitExceeded" / "ResponsePayloadSizeLimitExceeded" (5 MB each way). */
export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  const text = `${typeof code === 'string' ? code : ''} ${e instanceof Error ? e.message : String(e)}`;
  return /PayloadSizeLimitExceeded|payload size has exceeded/i.test(text);
}

/** The error code Office.js attached to an error (OfficeExtension.Error.code), if any. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'Unknown';
}
