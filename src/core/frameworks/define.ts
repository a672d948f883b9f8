/**
 * The one piece of code the framework data files share: turning compact indicator rows into
 * IndicatorDefs. A new regulation is a new data file that calls this; nothing else changes.
 */
import type { AspectDef, IndicatorDef, Lang } from '../types';

type Bilingual = Readonly<Record<Lang, string>>;

/** [no, name without the "Tingkat Kematangan " prefix, aspect, weight in hundredths of a percent] */
export type IndicatorRow = readonly [number, string, number, number];

export interface IndicatorExtras {
  /** Key into Framework.levelNames for this indicator. */
  readonly levelNames: string;
  readonly note?: Bilingual;
  readonly valuedBy?: Bilingual;
}

/** Every official indicator name begins with this. */
export const NAME_PREFIX = 'Tingkat Kematangan';

export function buildIndicators(
  rows: ReadonlyArray<IndicatorRow>,
  aspects: ReadonlyArray<AspectDef>,
  extras: (no: number) => IndicatorExtras,
): IndicatorDef[] {
  const domainOf = new Map<number, number | undefined>(aspects.map((a) => [a.no, a.domain]));
  return rows.map(([no, name, aspect, weight]) => {
    const domain = domainOf.get(aspect);
    const { levelNames, note, valuedBy } = extras(no);
    return {
      no,
      name: `${NAME_PREFIX} ${name}`,
      aspect,
      ...(domain !== undefined ? { domain } : {}),
      weight,
      levelNames,
      ...(note ? { note } : {}),
      ...(valuedBy ? { valuedBy } : {}),
    };
  });
}
