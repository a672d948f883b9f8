/**
 * Test helper: reads the cells of an .xlsx file straight from its XML (JSZip + regular expressions), so
 * tests see exactly what a file holds — the cell type, the cached value and the formula — without
 * exceljs's own interpretation (it drops a cached formula result of 0, for instance).
 */
import JSZip from 'jszip';

export interface RawCell {
  /** The cell's t attribute: n (default), s (shared string), str (formula string), inlineStr, b, e. */
  readonly t: string;
  /** The value as text: the number's spelling, the string itself (shared strings resolved), or null. */
  readonly v: string | null;
  /** The formula without "=", or null. */
  readonly f: string | null;
}

export interface RawSheet {
  readonly name: string;
  readonly cells: Map<string, RawCell>;
  readonly merges: string[];
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function textOf(xml: string): string {
  // Concatenate every <t> run (rich text has several), skipping phonetic runs.
  const noPh = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(noPh))) out += m[1] !== undefined ? decode(m[1]) : '';
  return out;
}

export async function readRawWorkbook(bytes: Uint8Array | Buffer): Promise<RawSheet[]> {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (p: string) => {
    const f = zip.file(p);
    return f ? f.async('string') : null;
  };
  const workbook = (await read('xl/workbook.xml')) ?? '';
  const rels = (await read('xl/_rels/workbook.xml.rels')) ?? '';
  const relTarget = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) relTarget.set(id, target.replace(/^\/?xl\//, '').replace(/^\//, ''));
  }
  const shared: string[] = [];
  const sst = await read('xl/sharedStrings.xml');
  if (sst) for (const m of sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(m[1] !== undefined ? textOf(m[1]) : '');

  const sheets: RawSheet[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '');
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1] ?? /\bid="([^"]*)"/.exec(m[1])?.[1] ?? '';
    const target = relTarget.get(rid);
    if (!target) continue;
    const xml = (await read(`xl/${target}`)) ?? '';
    const cells = new Map<string, RawCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const body = c[2] ?? '';
      const r = /\br="([^"]*)"/.exec(attrs)?.[1];
      if (!r) continue;
      const t = /\bt="([^"]*)"/.exec(attrs)?.[1] ?? 'n';
      const fm = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
      const vm = /<v>([\s\S]*?)<\/v>/.exec(body);
      let v: string | null = vm ? decode(vm[1]) : null;
      if (t === 's' && v !== null) v = shared[Number(v)] ?? null;
      if (t === 'inlineStr') v = textOf(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      cells.set(r, { t, v, f: fm ? decode(fm[1]) : null });
    }
    const merges = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([^"]*)"/g)].map((x) => x[1]);
    sheets.push({ name, cells, merges });
  }
  return sheets;
}

/**
 * Replaces the cached result of every formula cell on `sheet` with a wrong one (numbers 424242, text
 * "STALE"), so that a spreadsheet program that shows the right values must have recalculated them; and
 * sets the constant number cells named in `edits` to new values.
 */
export async function poisonCachedResults(bytes: Uint8Array, sheet: string, edits: Readonly<Record<string, number>> = {}): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  let target: string | null = null;
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/>/g)) {
    const name = decode(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? '');
    if (name !== sheet) continue;
    const rid = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const rel = [...rels.matchAll(/<Relationship\b([^>]*)\/?>/g)].find((r) => /\bId="([^"]*)"/.exec(r[1])?.[1] === rid);
    const t = rel ? /\bTarget="([^"]*)"/.exec(rel[1])?.[1] : undefined;
    if (t) target = 'xl/' + t.replace(/^\/?xl\//, '');
  }
  if (!target) throw new Error(`no sheet ${sheet}`);
  let xml = await zip.file(target)!.async('string');
  // Edits of constant number cells, as a user typing a new value would make them.
  for (const [address, value] of Object.entries(edits)) {
    const re = new RegExp(`(<c r="${address}"[^>]*>)<v>[^<]*</v>(</c>)`);
    if (!re.test(xml)) throw new Error(`no constant number cell ${address} on ${sheet}`);
    xml = xml.replace(re, `$1<v>${value}</v>$2`);
  }
  xml = xml
    .replace(/(<c\b[^>]*\bt="str"[^>]*>)(<f\b[^>]*>[\s\S]*?<\/f>)<v>[\s\S]*?<\/v>/g, '$1$2<v>STALE</v>')
    .replace(/(<c\b(?:(?!t=")[^>])*>)(<f\b[^>]*>[\s\S]*?<\/f>)<v>[\s\S]*?<\/v>/g, '$1$2<v>424242</v>');
  zip.file(target, xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
}

/** Numbers equal to a relative 1e-9 (LibreOffice and the tool may differ in the last bits). */
export function close(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/** A model value against a cell as a file holds it (its text `got` and type `gotType`). */
export function sameValue(expected: string | number | boolean | null, got: string | null, gotType: string): boolean {
  if (expected === null || expected === '') return got === null || got === '';
  if (typeof expected === 'number') return gotType !== 's' && gotType !== 'str' && got !== null && close(expected, Number(got));
  if (typeof expected === 'boolean') return got === (expected ? '1' : '0');
  return got === expected;
}
