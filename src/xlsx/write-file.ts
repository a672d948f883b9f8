/**
 * Node-only: writing a file whole or not at all. The bytes go to a temporary file in the same directory
 * (same file system, so the final rename is atomic), which is flushed and then renamed over the target.
 * On any failure the temporary file is removed and the target is left as it was (absent or unchanged).
 */
import { promises as fsp } from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';

export interface AtomicWriteOptions {
  /**
   * Writes the bytes to an open temporary path; replaceable for tests (e.g. to fail half-way).
   * Default: write, then fsync.
   */
  readonly writeTemp?: (tempPath: string, bytes: Uint8Array) => Promise<void>;
}

async function defaultWriteTemp(tempPath: string, bytes: Uint8Array): Promise<void> {
  const fh = await fsp.open(tempPath, 'wx', 0o644);
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** The temporary name used beside `target`: ".<name>.<random>.tmp". */
export function tempPathFor(target: string): string {
  const dir = path.dirname(target);
  return path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * The file a path names, through any symbolic links (the link's final target); the path itself when it
 * names no existing file. Writing there keeps the links: `--in-place` on a link updates the real workbook.
 */
export async function linkTarget(p: string): Promise<string> {
  try {
    return await fsp.realpath(p);
  } catch {
    return p;
  }
}

/** Writes `bytes` to `target` atomically (temp file + rename). Rejects with the original error on failure. */
export async function writeFileAtomic(target: string, bytes: Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(target);
  const writeTemp = options.writeTemp ?? defaultWriteTemp;
  try {
    await writeTemp(temp, bytes);
    // Keep the mode of a file being replaced (--in-place).
    try {
      const st = await fsp.stat(target);
      await fsp.chmod(temp, st.mode & 0o7777);
    } catch {
      /* no existing file */
    }
    await fsp.rename(temp, target);
  } catch (e) {
    await fsp.rm(temp, { force: true }).catch(() => undefined);
    throw e;
  }
}
