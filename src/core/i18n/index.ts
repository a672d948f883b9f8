import { id } from './id';
import { en } from './en';
import type { Lang } from '../types';

/** The shape of a catalogue: Indonesian is the reference; English must have the same keys. */
export type Catalogue = { [S in keyof typeof id]: { [K in keyof (typeof id)[S]]: string } };

export const catalogues: Readonly<Record<Lang, Catalogue>> = { id: id as Catalogue, en };

/**
 * Fills {name} placeholders; unknown placeholders are left visible so a missing parameter is noticed.
 * `{name:one|many}` writes the number with the singular or plural word ("1 error", "2 errors"); a
 * language without plurals simply writes "{name} kesalahan".
 */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (whole, key: string, one?: string, many?: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, key)) return whole;
    const value = params[key];
    if (one === undefined || many === undefined) return String(value);
    return `${value} ${Number(value) === 1 ? one : many}`;
  });
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
