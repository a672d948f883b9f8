/**
 * What the custom functions share: the parameters' names in both languages (saved workbooks do not store
 * them, Excel shows them) and the framework used when a function gets no values to tell it from.
 */
import type { Framework, Lang } from '../core/types';
import { FRAMEWORKS, SPBE2020 } from '../core/frameworks';

type Bilingual = Readonly<Record<Lang, string>>;

/** The framework of SPBE.PREDICATE and SPBE.WEIGHT without a framework argument: spbe2020, used for the 2021–2025 evaluations. */
export const DEFAULT_FRAMEWORK: Framework = SPBE2020;

/** Parameter names as Excel shows them (functions.json in English, functions-id.json in Indonesian). */
export const ARG = {
  values: { en: 'values', id: 'nilai' },
  framework: { en: 'framework', id: 'kerangka' },
  aspect: { en: 'aspect', id: 'aspek' },
  domain: { en: 'domain', id: 'domain' },
  index: { en: 'index', id: 'indeks' },
  basis: { en: 'basis', id: 'dasar' },
  indicator: { en: 'indicator', id: 'indikator' },
  text: { en: 'text', id: 'teks' },
  toLevel: { en: 'toLevel', id: 'ke_tingkat' },
  target: { en: 'target', id: 'target' },
} as const satisfies Readonly<Record<string, Bilingual>>;

/** "spbe2018, spbe2020, pemdi2026": the framework ids a framework argument accepts (besides regulation numbers). */
export function frameworkChoices(): string {
  return FRAMEWORKS.map((f) => f.id).join(', ');
}
