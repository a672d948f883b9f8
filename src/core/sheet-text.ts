/**
 * Rules both renderers of a SheetModel share (src/xlsx/package for files, src/excel for Office.js):
 * Excel's limit on the text of a cell or a note, and the codes of printed headers and footers.
 */
import type { HeaderFooterPart } from './sheet-model';

/** Excel holds at most 32,767 characters in a cell (and in a note). */
export const MAX_CELL_TEXT = 32767;

/**
 * Text cut to fit a cell: at most `max` characters, the last one "…" when something was cut (never
 * splitting a surrogate pair, so an emoji is kept whole or left out).
 */
export function clipCellText(s: string, max = MAX_CELL_TEXT): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const FIELD_CODES: Readonly<Record<Exclude<HeaderFooterPart, string>['field'], string>> = {
  page: '&P',
  pages: '&N',
  sheet: '&A',
  file: '&F',
  date: '&D',
};

/**
 * One section of a header or footer in Excel's code format (the same in files and in Office.js
 * `headersFooters`): literal "&" doubled, fields as &P (page), &N (pages), &A (sheet), &F (file), &D (date).
 */
export function headerFooterSection(parts: ReadonlyArray<HeaderFooterPart> | undefined): string {
  if (!parts) return '';
  return parts.map((p) => (typeof p === 'string' ? p.replace(/&/g, '&&') : FIELD_CODES[p.field])).join('');
}

/** Excel's limit on a whole header or footer string (the three sections with their codes). */
export const MAX_HEADER_FOOTER = 255;
