/**
 * The Open Packaging Conventions as far as adding a sheet needs them: part names, relationships
 * (parsing, resolving targets, relative targets for new ones), content types, and the namespaces of
 * the two conformance classes (Transitional, which Excel writes by default, and Strict).
 *
 * Part names here are zip entry names: no leading "/", compared case-insensitively (as OPC says).
 */
import { attr, attributes, escapeAttr, rootElement, scanTags, childElements } from './xml';

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target as written. */
  readonly target: string;
  readonly external: boolean;
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The part a relationships part belongs to ("" for the package's own "_rels/.rels"). */
export function sourceOfRels(relsPart: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return m ? m[1] + m[2] : null;
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The part a relationship of `source` points at (an internal target), as a zip entry name. */
export function resolveTarget(source: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    /* keep as written */
  }
  t = t.replace(/\\/g, '/').replace(/[?#].*$/, '');
  if (t.startsWith('/')) return normalize(t);
  const base = source.slice(0, source.lastIndexOf('/') + 1);
  return normalize(base + t);
}

/** A relative target from `source` to `part` ("worksheets/sheet3.xml", "../charts/chart1.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = source.split('/').slice(0, -1);
  const to = part.split('/');
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k].toLowerCase() === to[k].toLowerCase()) k++;
  return [...from.slice(k).map(() => '..'), ...to.slice(k)].join('/');
}

export function parseRels(xml: string): Relationship[] {
  const tags = scanTags(xml);
  const root = rootElement(tags);
  return childElements(tags, root, 'Relationship').map((el) => ({
    id: attr(el.open, 'Id') ?? '',
    type: attr(el.open, 'Type') ?? '',
    target: attr(el.open, 'Target') ?? '',
    external: (attr(el.open, 'TargetMode') ?? '').toLowerCase() === 'external',
  }));
}

/** A relationships part holding these relationships. */
export function relsXml(rels: ReadonlyArray<Relationship>): string {
  const items = rels.map(
    (r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items.join('')}</Relationships>`;
}

/** The last segment of a relationship type ("worksheet", "styles", …), the same in both conformance classes. */
export function relKind(type: string): string {
  return type.slice(type.lastIndexOf('/') + 1);
}

/** A relationship id not among `taken`: rId1, rId2 … */
export function freeRelId(taken: Iterable<string>, start = 1): string {
  const used = new Set(taken);
  for (let i = start; ; i++) if (!used.has(`rId${i}`)) return `rId${i}`;
}

// ---------------------------------------------------------------------------------------------
// Content types
// ---------------------------------------------------------------------------------------------

export interface ContentTypes {
  /** Extension (lower case) → content type. */
  readonly defaults: Map<string, string>;
  /** Part name (lower case, no leading slash) → content type. */
  readonly overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const tags = scanTags(xml);
  const root = rootElement(tags);
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const el of childElements(tags, root)) {
    const a = attributes(el.open);
    if (el.open.local === 'Default') defaults.set((a.get('Extension') ?? '').toLowerCase(), a.get('ContentType') ?? '');
    else if (el.open.local === 'Override') overrides.set((a.get('PartName') ?? '').replace(/^\//, '').toLowerCase(), a.get('ContentType') ?? '');
  }
  return { defaults, overrides };
}

export function contentTypeOf(types: ContentTypes, part: string): string | null {
  const o = types.overrides.get(part.toLowerCase());
  if (o !== undefined) return o;
  const dot = part.lastIndexOf('.');
  return dot < 0 ? null : types.defaults.get(part.slice(dot + 1).toLowerCase()) ?? null;
}

export const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  calcChain: 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
} as const;

// ---------------------------------------------------------------------------------------------
// Namespaces of the two conformance classes
// ---------------------------------------------------------------------------------------------

export interface Namespaces {
  readonly strict: boolean;
  readonly main: string;
  readonly r: string;
  /** Relationship types are this + kind ("worksheet", "table" …). */
  readonly relBase: string;
  readonly xdr: string;
  readonly a: string;
  readonly c: string;
}

export const TRANSITIONAL: Namespaces = {
  strict: false,
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relBase: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
};

export const STRICT: Namespaces = {
  strict: true,
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  r: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  relBase: 'http://purl.oclc.org/ooxml/officeDocument/relationships/',
  xdr: 'http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing',
  a: 'http://purl.oclc.org/ooxml/drawingml/main',
  c: 'http://purl.oclc.org/ooxml/drawingml/chart',
};

/** The relationship type of a VML drawing: the same URI in both classes' families. */
export function relType(ns: Namespaces, kind: string): string {
  return ns.relBase + kind;
}
