/** Counting `context.sync()` calls, and recognising Excel on the web's payload-size errors. */

/**
 * Counts the syncs the adapter makes, so the number of round trips can be reported:
 * `await counter.counted(context.sync())`. The sync stays written out at the call site so that
 * Microsoft's Office add-in lint rules (call-sync-before-read, call-sync-after-load) see it.
 */
export class SyncCounter {
  count = 0;
  async counted(sync: Promise<unknown>): Promise<void> {
    this.count += 1;
    await sync;
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
