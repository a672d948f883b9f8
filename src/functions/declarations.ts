/**
 * The custom functions SPBE.*, declared as data: one declaration per function gives its id (= its name,
 * stored in users' workbooks forever), its description and its parameters in English and Indonesian, their
 * types, and its implementation (src/functions/impl.ts). Everything else is made from this list:
 * - functions.json and functions-id.json (scripts/functions-metadata.js, at build time);
 * - the functions registered with Excel at run time (src/functions/functions.ts);
 * - the function table of the README (`npm run docs`; test/functions/metadata.test.ts checks it).
 *
 * Text that names frameworks (how many values, which ids, aspect and domain numbers, predicates) is filled
 * from the framework data (src/core/frameworks), so a new framework changes it without touching this file.
 * Adding a function is adding one declaration (and its tests): see `FUNCTIONS` below.
 */
import type { Framework, Lang } from '../core/types';
import { FRAMEWORKS } from '../core/frameworks';
import { catalogues, format } from '../core/i18n';
import { spbeAspect, spbeCheck, spbeDomain, spbeIndex, spbeLevel, spbePlan, spbePredicate, spbeUplift, spbeWeight, type Fn } from './impl';
import { ARG, DEFAULT_FRAMEWORK } from './parameters';

type Bilingual = Readonly<Record<Lang, string>>;

export interface ParameterDeclaration {
  /** Its name as Excel shows it: one shared by several functions (ARG), or its own in both languages. */
  readonly name: keyof typeof ARG | Bilingual;
  /** What to give, in both languages; {placeholders} are filled from the framework data (frameworkFacts). */
  readonly description: Bilingual;
  readonly type: 'any' | 'number' | 'string';
  /** 'matrix' for a range; default scalar. */
  readonly dimensionality?: 'matrix';
  readonly optional?: true;
}

export interface FunctionDeclaration {
  /** The id and name (SPBE.<id>): never renamed, workbooks store it. */
  readonly id: string;
  /** What it gives, in both languages; {placeholders} are filled from the framework data. */
  readonly description: Bilingual;
  readonly parameters: ReadonlyArray<ParameterDeclaration>;
  /** The result: a type, or a spilled table (dimensionality 'matrix', no type). */
  readonly result: { readonly type: 'number' | 'string' } | { readonly dimensionality: 'matrix' };
  /**
   * The implementation (src/functions/impl.ts): the declared parameters in order, as Excel passes them
   * (an optional one left out is undefined), then the language of the messages.
   */
  readonly run: (...args: any[]) => Fn<unknown>;
}

// ---------------------------------------------------------------------------------------------
// Parameters shared by several functions
// ---------------------------------------------------------------------------------------------

const VALUES: ParameterDeclaration = {
  name: 'values',
  type: 'any',
  dimensionality: 'matrix',
  description: {
    en: 'The indicator levels: {counts} cells in one row or column in framework order, or two columns (indicator number, level) in any order.',
    id: 'Tingkat indikator: {counts} sel dalam satu baris atau kolom, urut sesuai kerangka; atau dua kolom (nomor indikator, tingkat) dalam urutan apa pun.',
  },
};

/** The framework of a function that reads values: optional, otherwise told from the values. */
const FRAMEWORK: ParameterDeclaration = {
  name: 'framework',
  type: 'string',
  optional: true,
  description: {
    en: 'Optional: {ids} (or the regulation, e.g. "{regulation}"); without it the framework follows from the number of values.',
    id: 'Opsional: {ids} (atau nomor peraturannya, misalnya "{regulation}"); tanpa ini kerangka ditentukan dari jumlah nilai.',
  },
};

/** The framework of a function that reads no values: optional, otherwise DEFAULT_FRAMEWORK. */
const FRAMEWORK_OR_DEFAULT: ParameterDeclaration = {
  name: 'framework',
  type: 'string',
  optional: true,
  description: {
    en: 'Optional: {idsWithDefault}, or the regulation (e.g. "{latestRegulation}").',
    id: 'Opsional: {idsWithDefault}, atau nomor peraturannya (misalnya "{latestRegulation}").',
  },
};

// ---------------------------------------------------------------------------------------------
// The functions, in the order of functions.json (never reorder or rename an id)
// ---------------------------------------------------------------------------------------------

export const FUNCTIONS: ReadonlyArray<FunctionDeclaration> = [
  {
    id: 'INDEX',
    description: {
      en: 'The SPBE / Pemerintah Digital index at full precision (round only for display).',
      id: 'Indeks SPBE / Pemerintah Digital dengan presisi penuh (bulatkan hanya untuk tampilan).',
    },
    parameters: [VALUES, FRAMEWORK],
    result: { type: 'number' },
    run: spbeIndex,
  },
  {
    id: 'ASPECT',
    description: { en: 'The index of one aspect at full precision.', id: 'Indeks satu aspek dengan presisi penuh.' },
    parameters: [
      VALUES,
      { name: 'aspect', type: 'number', description: { en: 'Aspect number ({aspectRanges}).', id: 'Nomor aspek ({aspectRanges}).' } },
      FRAMEWORK,
    ],
    result: { type: 'number' },
    run: spbeAspect,
  },
  {
    id: 'DOMAIN',
    description: {
      en: 'The index of one domain at full precision ({withDomains}; {withoutDomains} has no domains).',
      id: 'Indeks satu domain dengan presisi penuh ({withDomains}; {withoutDomains} tidak memiliki domain).',
    },
    parameters: [
      VALUES,
      { name: 'domain', type: 'number', description: { en: 'Domain number ({domainRanges}).', id: 'Nomor domain ({domainRanges}).' } },
      FRAMEWORK,
    ],
    result: { type: 'number' },
    run: spbeDomain,
  },
  {
    id: 'PREDICATE',
    description: { en: 'The predicate of an index value: {predicates}.', id: 'Predikat sebuah nilai indeks: {predicates}.' },
    parameters: [
      { name: 'index', type: 'number', description: { en: 'The index value (1–5).', id: 'Nilai indeks (1–5).' } },
      FRAMEWORK_OR_DEFAULT,
      {
        name: 'basis',
        type: 'string',
        optional: true,
        description: {
          en: 'Optional: "exact" (default) classifies the full-precision index; "rounded" classifies it rounded to 2 decimals.',
          id: 'Opsional: "exact" (bawaan) menilai indeks penuh; "rounded" menilai indeks yang dibulatkan ke 2 desimal.',
        },
      },
    ],
    result: { type: 'string' },
    run: spbePredicate,
  },
  {
    id: 'WEIGHT',
    description: { en: 'The weight of an indicator in percent of the whole index.', id: 'Bobot sebuah indikator dalam persen dari seluruh indeks.' },
    parameters: [{ name: 'indicator', type: 'any', description: { en: 'Indicator number.', id: 'Nomor indikator.' } }, FRAMEWORK_OR_DEFAULT],
    result: { type: 'number' },
    run: spbeWeight,
  },
  {
    id: 'LEVEL',
    description: {
      en: 'The numeric level of any accepted spelling: 3, "3,0", "Tingkat III", "Terdefinisi", {decimalFrameworks} decimals such as "1,26".',
      id: 'Tingkat (angka) dari tulisan apa pun yang diterima: 3, "3,0", "Tingkat III", "Terdefinisi", desimal {decimalFrameworks} seperti "1,26".',
    },
    parameters: [
      { name: 'text', type: 'any', description: { en: 'The level as written.', id: 'Tingkat sebagaimana tertulis.' } },
      {
        name: 'framework',
        type: 'string',
        optional: true,
        description: {
          en: "Optional: decides which level names and whether decimals count; without it every framework's names and decimals 1–5 are accepted.",
          id: 'Opsional: menentukan nama tingkat dan apakah desimal berlaku; tanpa ini nama semua kerangka dan desimal 1–5 diterima.',
        },
      },
      {
        name: 'indicator',
        type: 'any',
        optional: true,
        description: {
          en: "Optional: indicator number, to use that indicator's level names.",
          id: 'Opsional: nomor indikator, untuk memakai nama tingkat indikator itu.',
        },
      },
    ],
    result: { type: 'number' },
    run: spbeLevel,
  },
  {
    id: 'UPLIFT',
    description: {
      en: 'Index points gained by raising one indicator to a level, all else equal.',
      id: 'Poin indeks yang diperoleh bila satu indikator dinaikkan ke suatu tingkat, yang lain tetap.',
    },
    parameters: [
      VALUES,
      {
        name: 'indicator',
        type: 'any',
        description: {
          en: 'Indicator number ("{repeatExample}" for a repeated {repeatFramework} entry).',
          id: 'Nomor indikator ("{repeatExample}" untuk entri berulang {repeatFramework}).',
        },
      },
      {
        name: 'toLevel',
        type: 'any',
        optional: true,
        description: {
          en: 'Optional: the level to reach; by default the next whole level.',
          id: 'Opsional: tingkat yang dituju; bawaannya tingkat bulat berikutnya.',
        },
      },
      FRAMEWORK,
    ],
    result: { type: 'number' },
    run: spbeUplift,
  },
  {
    id: 'PLAN',
    description: {
      en: 'The plan that reaches a target, one level per indicator per evaluation cycle, fewest cycles then fewest steps, as a spilled table: indicator, from, to, points.',
      id: 'Rencana untuk mencapai target, satu tingkat per indikator per siklus evaluasi, siklus lalu langkah paling sedikit, sebagai tabel yang melebar (spill): indikator, dari, ke, poin.',
    },
    parameters: [
      VALUES,
      {
        name: 'target',
        type: 'any',
        description: {
          en: 'An index (e.g. 2.6), a predicate (e.g. "Baik") or a uniform level ("Level 3").',
          id: 'Indeks (misalnya 2,6), predikat (misalnya "Baik") atau tingkat seragam ("Tingkat 3").',
        },
      },
      FRAMEWORK,
    ],
    result: { dimensionality: 'matrix' },
    run: spbePlan,
  },
  {
    id: 'CHECK',
    description: {
      en: '"OK" when the values can be scored, otherwise the first problem in words.',
      id: '"OK" bila nilai dapat dihitung; bila tidak, masalah pertama dalam kata-kata.',
    },
    parameters: [VALUES, FRAMEWORK],
    result: { type: 'string' },
    run: spbeCheck,
  },
];

// ---------------------------------------------------------------------------------------------
// Text filled from the framework data
// ---------------------------------------------------------------------------------------------

const WORDS = {
  in: { en: 'in', id: 'pada' },
  default: { en: 'default', id: 'bawaan' },
} as const;

/** "a, b or c" / "a, b atau c". */
function list(items: ReadonlyArray<string>, last: 'and' | 'or', lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const word = catalogues[lang].problems[last === 'and' ? 'listAnd' : 'listOr'];
  return `${items.slice(0, -1).join(', ')} ${word} ${items[items.length - 1]}`;
}

/** "1–7 in spbe2018 and pemdi2026, 1–8 in spbe2020": frameworks grouped by how many numbers they have. */
function ranges(frameworks: ReadonlyArray<Framework>, count: (f: Framework) => number, lang: Lang): string {
  const groups: Array<{ n: number; ids: string[] }> = [];
  for (const f of frameworks) {
    const n = count(f);
    const g = groups.find((x) => x.n === n);
    if (g) g.ids.push(f.id);
    else groups.push({ n, ids: [f.id] });
  }
  return groups.map((g) => `1–${g.n} ${WORDS.in[lang]} ${list(g.ids, 'and', lang)}`).join(', ');
}

/** The parameters of the descriptions' {placeholders}, from FRAMEWORKS, in `lang`. */
export function frameworkFacts(lang: Lang): Record<string, string> {
  const withDomains = FRAMEWORKS.filter((f) => f.domains.length > 0);
  const repeatable = FRAMEWORKS.find((f) => f.repeatable);
  const predicates: string[] = [];
  for (const f of FRAMEWORKS) for (const b of [...f.predicates].sort((x, y) => y.min - x.min)) if (!predicates.includes(b.name)) predicates.push(b.name);
  return {
    counts: list(FRAMEWORKS.map((f) => String(f.indicators.length)), 'or', lang),
    ids: list(FRAMEWORKS.map((f) => f.id), 'or', lang),
    idsWithDefault: list(FRAMEWORKS.map((f) => (f === DEFAULT_FRAMEWORK ? `${f.id} (${WORDS.default[lang]})` : f.id)), 'or', lang),
    regulation: DEFAULT_FRAMEWORK.regulation.number,
    latestRegulation: FRAMEWORKS[FRAMEWORKS.length - 1].regulation.number,
    aspectRanges: ranges(FRAMEWORKS, (f) => f.aspects.length, lang),
    domainRanges: ranges(withDomains, (f) => f.domains.length, lang),
    withDomains: list(withDomains.map((f) => f.id), 'and', lang),
    withoutDomains: list(FRAMEWORKS.filter((f) => f.domains.length === 0).map((f) => f.id), 'and', lang),
    predicates: list(predicates, 'or', lang),
    decimalFrameworks: list(FRAMEWORKS.filter((f) => f.values === 'decimal').map((f) => f.id), 'and', lang),
    repeatExample: repeatable?.repeatable ? `${repeatable.repeatable.indicator}-2` : '',
    repeatFramework: repeatable ? repeatable.id : '',
  };
}

/** A description in `lang`, its framework placeholders filled. */
export function describeIn(text: Bilingual, lang: Lang): string {
  return format(text[lang], frameworkFacts(lang));
}

/** The declaration of a function, by id. */
export function declarationOf(id: string): FunctionDeclaration | undefined {
  return FUNCTIONS.find((f) => f.id === id);
}

/** A parameter's name in `lang`. */
export function parameterName(p: ParameterDeclaration, lang: Lang): string {
  return typeof p.name === 'string' ? ARG[p.name][lang] : p.name[lang];
}

/** "SPBE.UPLIFT(values, indicator, [toLevel], [framework])" in `lang`. */
export function signature(f: FunctionDeclaration, lang: Lang): string {
  return `SPBE.${f.id}(${f.parameters.map((p) => (p.optional ? `[${parameterName(p, lang)}]` : parameterName(p, lang))).join(', ')})`;
}
export { ARG } from './parameters';
