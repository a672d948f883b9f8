/**
 * Compact crosswalk rows → CrosswalkRows. A crosswalk data file lists one tuple per newer indicator;
 * the basis follows from the official pairs it names.
 */
import type { Bilingual, CrosswalkRow, MatchRelation, RemovedRow } from './types';

/** [new no, older nos, relation, officially paired older nos, note (id), note (en)] */
export type CrosswalkTuple = readonly [number, ReadonlyArray<number>, Exclude<MatchRelation, 'same'>, ReadonlyArray<number>, string, string];

/** [older no, note (id), note (en)] */
export type RemovedTuple = readonly [number, string, string];

export function buildRows(tuples: ReadonlyArray<CrosswalkTuple>): CrosswalkRow[] {
  return tuples.map(([no, from, relation, official, id, en]) => ({
    no,
    from,
    relation,
    official,
    basis: official.length > 0 ? 'official' : 'subject',
    note: { id, en },
  }));
}

export function buildRemoved(tuples: ReadonlyArray<RemovedTuple>): RemovedRow[] {
  return tuples.map(([no, id, en]) => ({ no, note: { id, en } }));
}

export const bilingual = (id: string, en: string): Bilingual => ({ id, en });
