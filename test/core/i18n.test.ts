/**
 * The two message catalogues: every section has the same keys in Indonesian and English, the same
 * {placeholders} in both, and no empty message — a user never sees a key or a raw template.
 */
import { catalogues, format, langFromTag } from '../../src/core/i18n';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)(?::[^{}]*)?\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  const sections = Object.keys(catalogues.id) as Array<keyof typeof catalogues.id>;

  test('both languages have the same sections', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual([...sections].sort());
  });

  test.each(sections)('section %s: same keys, same placeholders, nothing empty', (section) => {
    const id = catalogues.id[section] as Record<string, string>;
    const en = catalogues.en[section] as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const key of Object.keys(id)) {
      expect({ key, id: placeholders(id[key]) }).toEqual({ key, id: placeholders(en[key]) });
      expect({ key, empty: id[key].trim() === '' || en[key].trim() === '' }).toEqual({ key, empty: false });
    }
  });

  test('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('Sel {cell} di {sheet}', { cell: 'G7', sheet: 'Penilaian' })).toBe('Sel G7 di Penilaian');
    expect(format('{missing}', {})).toBe('{missing}');
    expect(format('{n:error|errors}, {m:warning|warnings}', { n: 1, m: 0 })).toBe('1 error, 0 warnings');
    expect(format('{n:error|errors}', { n: 2 })).toBe('2 errors');
  });

  test('language follows the host: Indonesian for Indonesian, English for any other language, Indonesian when unknown', () => {
    expect(langFromTag('en-US')).toBe('en');
    expect(langFromTag('id-ID')).toBe('id');
    expect(langFromTag('in')).toBe('id');
    expect(langFromTag('in-ID')).toBe('id');
    expect(langFromTag(undefined)).toBe('id');
    expect(langFromTag('')).toBe('id');
    // an Excel in neither language: English (not Indonesian)
    for (const tag of ['fr-FR', 'ja-JP', 'ms-MY', 'nl-NL', 'de']) expect({ tag, lang: langFromTag(tag) }).toEqual({ tag, lang: 'en' });
  });
});
