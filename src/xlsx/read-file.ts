/**
 * Node-only part of the xlsx reading adapter: reading a workbook from a path. Kept apart from the reader
 * (./ooxml/read-workbook.ts) so the browser bundle can use it without pulling in the file system. Loads no exceljs.
 */
import { readFile, readFileSync } from 'fs';
import type { Grid } from '../core/types';
import type { UnreadableReason } from '../core/report';
import { readWorkbookGridsSync } from './ooxml/read-workbook';
import { WorkbookReadError } from './errors';

function reasonOfFsError(e: unknown): UnreadableReason {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'not-found';
    case 'EISDIR':
      return 'not-a-file';
    case 'EACCES':
    case 'EPERM':
      return 'no-access';
    default:
      return 'damaged';
  }
}

/** The bytes of a file, or a WorkbookReadError (not-found, not-a-file, no-access) instead of a raw fs error. */
export function readFileBytes(path: string): Promise<Buffer> {
  // fs.readFile with a callback: much cheaper per file than fs.promises.readFile (which opens a FileHandle,
  // stats and reads in several round trips), and that counts when a province checks hundreds of workbooks.
  return new Promise((resolve, reject) => {
    readFile(path, (e, data) => {
      if (e) reject(new WorkbookReadError(reasonOfFsError(e), e.message));
      else resolve(data);
    });
  });
}

/**
 * Reads every worksheet of the .xlsx workbook at `path` as a Grid. Throws WorkbookReadError when it cannot.
 * The file is read synchronously: reading it is a small part of the work, which is synchronous anyway, and one
 * read call costs several times less CPU than the thread-pool round trips of an asynchronous one.
 */
export async function readWorkbookFile(path: string): Promise<Grid[]> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new WorkbookReadError(reasonOfFsError(e), e instanceof Error ? e.message : String(e));
  }
  return readWorkbookGridsSync(bytes);
}
