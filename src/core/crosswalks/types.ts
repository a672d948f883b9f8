/**
 * The shape of a crosswalk: which indicators of an older framework cover the subject of each indicator
 * of a newer one. A crosswalk is a correspondence BY SUBJECT, never an equivalence of values: an old
 * level carried to a new indicator is a comparison, not a value of the new framework.
 */
import type { Framework, Lang } from '../types';

export type Bilingual = Readonly<Record<Lang, string>>;

/**
 * How a newer indicator relates to the older ones:
 * - `same`: the same indicator (a comparison within one framework);
 * - `same-subject`: the older indicators cover the same subject (possibly under another name, or several merged);
 * - `partial`: the older indicators cover only part of the new subject;
 * - `new`: no older indicator covers it.
 * An older indicator no newer one covers is `removed` (listed apart, in `Crosswalk.removed`).
 */
export type MatchRelation = 'same' | 'same-subject' | 'partial' | 'new';
export type Relation = MatchRelation | 'removed';

/**
 * What a row rests on: `same` (one framework), `official` (at least one of its pairs is an official
 * pair, see `CrosswalkRow.official` and `Crosswalk.officialSource`), or `subject` (matched by subject,
 * from the indicators' names and the regulations' descriptions; for a new indicator: no older indicator
 * has its subject).
 */
export type MatchBasis = 'same' | 'official' | 'subject';

export interface CrosswalkRow {
  /** The newer framework's indicator number. */
  readonly no: number;
  /** The older framework's indicators covering its subject, in the order they matter; [] when new. */
  readonly from: ReadonlyArray<number>;
  readonly relation: MatchRelation;
  /** The pairs of `from` that the official source names (a subset of `from`); [] when matched by subject only. */
  readonly official: ReadonlyArray<number>;
  readonly basis: MatchBasis;
  /** Why: what each side covers, in both languages. */
  readonly note: Bilingual;
}

/** An older indicator no newer indicator covers. */
export interface RemovedRow {
  readonly no: number;
  readonly note: Bilingual;
}

export interface Crosswalk {
  /** The older framework (the comparison's before side). */
  readonly from: Framework;
  /** The newer framework (the after side); rows follow its indicators. */
  readonly to: Framework;
  /** Frameworks passed through when the crosswalk is composed of several (5/2018 → 59/2020 → 8/2026). */
  readonly via: ReadonlyArray<Framework>;
  /** One row per indicator of `to`, in number order. */
  readonly rows: ReadonlyArray<CrosswalkRow>;
  /** The indicators of `from` that no row covers, in number order. */
  readonly removed: ReadonlyArray<RemovedRow>;
  /** The source of the official pairs, or null when no pair is official. */
  readonly officialSource: Bilingual | null;
  /** How the crosswalk was made, in a sentence (shown with every comparison across regulations). */
  readonly basisNote: Bilingual;
}
