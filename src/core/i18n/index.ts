import { id } from './id';
import { en } from './en';
import type { Lang } from '../types';

/** The shape of a catalogue: Indonesian is the reference; English must have the same keys. */
export type Catalogue = { [S in keyof typeof id]: { [K in keyof (typeof id)[S]]: string } };

export const catalogues: Readonly<Record<Lang, Catalogue>> = { id: id as Catalogue, en };

/** A template cut at its placeholders: text, then {key} or {key:one|many}, alternately (`whole` is the placeholder as written). */
type Part = string | { readonly key: string; readonly one?: string; readonly many?: string; readonly whole: string };

const PLACEHOLDER = /\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g;

/** Templates already cut (the catalogue's messages, asked for again and again); cleared when it grows large. */
const compiled = new Map<string, ReadonlyArray<Part>>();
const COMPILED_MAX = 2048;

function partsOf(template: string): ReadonlyArray<Part> {
  let parts = compiled.get(template);
  if (parts !== undefined) return parts;
  const out: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0;
    if (at > last) out.push(template.slice(last, at));
    out.push({ key: m[1], one: m[2], many: m[3], whole: m[0] });
    last = at + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  parts = out;
  if (compiled.size >= COMPILED_MAX) compiled.clear();
  compiled.set(template, parts);
  return parts;
}

/**
 * Fills {name} placeholders; unknown placeholders are left visible so a missing parameter is noticed.
 * `{name:one|many}` writes the number with the singular or plural word ("1 error", "2 errors"); a
 * language without plurals simply writes "{name} kesalahan". (The template is cut once and cached:
 * messages are formatted tens of thousands of times per second.)
 */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  const parts = partsOf(template);
  let out = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    if (!Object.prototype.hasOwnProperty.call(params, part.key)) {
      out += part.whole;
      continue;
    }
    const value = params[part.key];
    if (part.one === undefined || part.many === undefined) out += String(value);
    else out += `${value} ${Number(value) === 1 ? part.one : part.many}`;
  }
  return out;
}

/** A message of `section` in one language. */
export function text<S extends keyof Catalogue>(lang: Lang, section: S, key: keyof Catalogue[S], params?: Readonly<Record<string, string | number>>): string {
  const template = catalogues[lang][section][key] as unknown as string;
  return format(template, params);
}

/** A message in both languages, as problems carry them. */
export function bilingual<S extends keyof Catalogue>(section: S, key: keyof Catalogue[S], params?: Readonly<Record<string, string | number>>): Record<Lang, string> {
  return { id: text('id', section, key, params), en: text('en', section, key, params) };
}

/**
 * Chooses the user's language from a host language tag ("id-ID", "in" — Indonesian's old code —, "en-US"):
 * Indonesian for Indonesian, English for every other language (an Excel in French or Japanese gets the
 * messages its user is likelier to read); Indonesian when the host says nothing (the tool's own audience).
 */
export function langFromTag(tag: string | undefined | null): Lang {
  if (!tag) return 'id';
  return /^(id|in|ind)\b/i.test(tag) ? 'id' : 'en';
}
