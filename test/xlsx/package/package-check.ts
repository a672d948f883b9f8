/**
 * Test helpers: what a package holds, read with fflate (an independent zip reader) and regular expressions,
 * and the checks every written workbook must pass (every relationship target exists, every part has a
 * content type, no content type names a missing part).
 */
import { unzipSync, strFromU8 } from 'fflate';
import type { Grid } from '../../../src/core/types';
import type { SheetModel } from '../../../src/core/sheet-model';
import { readWorkbookGrids } from '../../../src/xlsx/read';
import { assess } from '../../../src/core/assess';
import { planGap, isPlanUsageError } from '../../../src/core/planner';
import type { TargetRequest } from '../../../src/core/planner';
import { buildGapSheet } from '../../../src/core/gap-sheet';
import type { Lang } from '../../../src/core/types';
import { specBytes } from '../gap-fixtures';
import type { AssessmentSpec } from '../../../scripts/make-examples';

export function entries(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function textOf(files: Record<string, Uint8Array>, name: string): string {
  const f = files[name];
  if (!f) throw new Error(`no part ${name}`);
  return strFromU8(f);
}

function attrOf(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

function resolve(source: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = source.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Problems of a package: missing relationship targets, parts without a content type, overrides of missing parts. */
export function packageProblems(bytes: Uint8Array): string[] {
  const files = entries(bytes);
  const lower = new Map(Object.keys(files).map((k) => [k.toLowerCase(), k]));
  const problems: string[] = [];
  const ct = textOf(files, '[Content_Types].xml');
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of ct.matchAll(/<(?:\w+:)?Default\b[^>]*>/g)) defaults.set((attrOf(m[0], 'Extension') ?? '').toLowerCase(), attrOf(m[0], 'ContentType') ?? '');
  for (const m of ct.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) overrides.set((attrOf(m[0], 'PartName') ?? '').slice(1).toLowerCase(), attrOf(m[0], 'ContentType') ?? '');
  for (const name of Object.keys(files)) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(name.toLowerCase()) && !defaults.has(ext)) problems.push(`${name}: no content type`);
  }
  for (const part of overrides.keys()) if (!lower.has(part)) problems.push(`content type for missing part /${part}`);
  for (const name of Object.keys(files)) {
    const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
    if (!m) continue;
    const source = m[1] + m[2];
    for (const r of textOf(files, name).matchAll(/<Relationship\b[^>]*>/g)) {
      if (attrOf(r[0], 'TargetMode') === 'External') continue;
      const target = resolve(source, decodeURIComponent(attrOf(r[0], 'Target') ?? ''));
      if (!lower.has(target.toLowerCase())) problems.push(`${name} ${attrOf(r[0], 'Id')}: missing target ${target}`);
    }
  }
  return problems;
}

export interface ExampleRun {
  readonly grids: Grid[];
  readonly model: SheetModel;
}

/** An example's grids and its gap sheet model (the source sheet's cells are those of the grids). */
export async function exampleModel(spec: AssessmentSpec, request: TargetRequest = { mode: 'predicate', name: 'Baik' }, lang: Lang = 'id'): Promise<ExampleRun> {
  const grids = await readWorkbookGrids(await specBytes(spec));
  const a = assess(grids);
  if (!a.framework || !a.scores) throw new Error('example does not assess');
  const plan = planGap(a.framework, a.entries, request);
  if (isPlanUsageError(plan)) throw new Error(plan.message.en);
  return { grids, model: buildGapSheet(a, plan, { lang, date: '2026-11-27', sourceFile: 'contoh.xlsx' }) };
}

/** Sheet names in workbook order, with their part names. */
export function sheetParts(files: Record<string, Uint8Array>): Array<{ name: string; part: string; tag: string }> {
  const wb = textOf(files, 'xl/workbook.xml');
  const rels = textOf(files, 'xl/_rels/workbook.xml.rels');
  const targets = new Map<string, string>();
  for (const r of rels.matchAll(/<Relationship\b[^>]*>/g)) targets.set(attrOf(r[0], 'Id') ?? '', attrOf(r[0], 'Target') ?? '');
  return [...wb.matchAll(/<(?:\w+:)?sheet\b[^>]*\/>/g)].map((m) => {
    const name = (attrOf(m[0], 'name') ?? '').replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"');
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? '';
    return { name, part: resolve('xl/workbook.xml', targets.get(id) ?? ''), tag: m[0] };
  });
}
