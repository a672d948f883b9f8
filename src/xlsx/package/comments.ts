/**
 * Notes (cell comments) as Excel stores them: a comments part with the text, and a legacy VML drawing
 * with one hidden note shape per cell (Excel needs it to show the red triangle and the note on hover).
 * VML shape ids come in blocks of 1,024 per drawing (o:idmap); the blocks used by the workbook's other
 * VML parts are left alone.
 */
import type { ModelCell } from '../../core/sheet-model';
import { clipCellText } from '../../core/sheet-text';
import { excelText } from './xml';
import { a1 } from './worksheet';

export const NOTE_AUTHOR = 'SPBE';

/** The cells that carry a note, in row then column order. */
export function notedCells(cells: ReadonlyArray<ModelCell>): ModelCell[] {
  const byPos = new Map<number, ModelCell>();
  for (const c of cells) byPos.set(c.row * 16384 + c.col, c);
  return [...byPos.values()].filter((c) => c.comment !== undefined && c.comment !== '').sort((x, y) => x.row - y.row || x.col - y.col);
}

export function commentsXml(cells: ReadonlyArray<ModelCell>, mainNs: string): string {
  const list = cells
    .map((c) => {
      const t = clipCellText(c.comment ?? '');
      return (
        `<comment ref="${a1(c.row, c.col)}" authorId="0"><text><r><rPr><sz val="9"/><color indexed="81"/><rFont val="Tahoma"/><family val="2"/></rPr>` +
        `<t xml:space="preserve">${excelText(t)}</t></r></text></comment>`
      );
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${mainNs}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list}</commentList></comments>`;
}

/** The o:idmap blocks used by existing VML drawings ("1", "2,3" …). */
export function usedVmlBlocks(vmlTexts: ReadonlyArray<string>): Set<number> {
  const used = new Set<number>();
  for (const t of vmlTexts) {
    for (const m of t.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*"([^"]*)"/g)) {
      for (const n of m[1].split(/[,\s]+/)) if (/^\d+$/.test(n)) used.add(Number(n));
    }
  }
  return used;
}

/** Consecutive free blocks for `shapes` shapes (1,024 ids per block; the first id of a block is not used). */
export function freeVmlBlocks(used: ReadonlySet<number>, shapes: number): number[] {
  const need = Math.max(1, Math.ceil((shapes + 1) / 1024));
  for (let start = 1; ; start++) {
    const blocks = Array.from({ length: need }, (_, i) => start + i);
    if (blocks.every((b) => !used.has(b))) return blocks;
  }
}

export function vmlXml(cells: ReadonlyArray<ModelCell>, blocks: ReadonlyArray<number>): string {
  const first = blocks[0] * 1024;
  const shapes = cells
    .map((c, i) => {
      const anchor = `${c.col + 1}, 15, ${Math.max(0, c.row - 1)}, 10, ${c.col + 3}, 15, ${c.row + 3}, 16`;
      return (
        `<v:shape id="_x0000_s${first + 1 + i}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:72pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
        `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
        `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
        `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
        `<x:Row>${c.row}</x:Row><x:Column>${c.col}</x:Column></x:ClientData></v:shape>`
      );
    })
    .join('');
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${blocks.join(',')}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    shapes +
    `</xml>`
  );
}
