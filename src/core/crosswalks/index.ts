/**
 * The crosswalk registry: one data file per pair of successive regulations, plus the two derived kinds
 * a comparison needs — the identity (one framework compared with itself: every indicator `same`) and the
 * composition of successive crosswalks (5/2018 → 8/2026 goes through 59/2020). Derived crosswalks are
 * built on first use and cached; nothing is computed at import time.
 */
import type { Framework } from '../types';
import { text } from '../i18n';
import type { Bilingual, Crosswalk, CrosswalkRow, MatchRelation, RemovedRow } from './types';
import { SPBE2018_SPBE2020 } from './spbe2018-spbe2020';
import { SPBE2020_PEMDI2026 } from './spbe2020-pemdi2026';

export type { Bilingual, Crosswalk, CrosswalkRow, MatchBasis, MatchRelation, Relation, RemovedRow } from './types';
export { SPBE2018_SPBE2020, SPBE2020_PEMDI2026 };

/** Every crosswalk between successive regulations, oldest first. */
export const CROSSWALKS: ReadonlyArray<Crosswalk> = [SPBE2018_SPBE2020, SPBE2020_PEMDI2026];

/** The regulation that replaced `fw` (the `to` of its crosswalk), or null for the newest. */
export function successorOf(fw: Framework): Framework | null {
  const cw = CROSSWALKS.find((c) => c.from.id === fw.id);
  return cw ? cw.to : null;
}

const identities = new WeakMap<Framework, Crosswalk>();

/** One framework compared with itself: every indicator `same`, from itself; nothing removed. */
export function identityCrosswalk(fw: Framework): Crosswalk {
  const cached = identities.get(fw);
  if (cached) return cached;
  const same: Bilingual = { id: text('id', 'compare', 'sameNote'), en: text('en', 'compare', 'sameNote') };
  const cw: Crosswalk = {
    from: fw,
    to: fw,
    via: [],
    rows: fw.indicators.map((ind) => ({ no: ind.no, from: [ind.no], relation: 'same', official: [], basis: 'same', note: same })),
    removed: [],
    officialSource: null,
    basisNote: same,
  };
  identities.set(fw, cw);
  return cw;
}

const composed = new Map<string, Crosswalk>();

/**
 * The crosswalk from `older` to `newer`: the identity when they are the same framework, the data file
 * when they are successive, a composition when regulations lie between them; null when `newer` does not
 * follow `older` (a comparison always goes from the older regulation to the newer one).
 */
export function crosswalkBetween(older: Framework, newer: Framework): Crosswalk | null {
  if (older.id === newer.id) return identityCrosswalk(newer);
  const chain: Crosswalk[] = [];
  let at: Framework = older;
  while (at.id !== newer.id) {
    const next = CROSSWALKS.find((c) => c.from.id === at.id);
    if (!next || chain.length > CROSSWALKS.length) return null;
    chain.push(next);
    at = next.to;
  }
  if (chain.length === 1) return chain[0];
  const key = `${older.id}>${newer.id}`;
  const cached = composed.get(key);
  if (cached) return cached;
  const cw = chain.reduce((a, b) => composeCrosswalks(a, b));
  composed.set(key, cw);
  return cw;
}

const both = (key: 'viaNote' | 'viaNoteNew' | 'viaRemovedNote', params: Record<string, string>, tail?: Bilingual): Bilingual => ({
  id: text('id', 'compare', key, { ...params, note: tail?.id ?? '' }).trim(),
  en: text('en', 'compare', key, { ...params, note: tail?.en ?? '' }).trim(),
});

/**
 * Two successive crosswalks as one (A → B, B → C gives A → C). A C indicator is covered by every A
 * indicator that covers one of its B sources. It is `same-subject` only when every link is, `new` when
 * none of its B sources had an A source, `partial` otherwise. A composed row is never official.
 */
export function composeCrosswalks(first: Crosswalk, second: Crosswalk): Crosswalk {
  if (first.to.id !== second.from.id) throw new Error(`crosswalks: ${first.to.id} is not ${second.from.id}`);
  const mid = first.to;
  const firstRow = new Map(first.rows.map((r) => [r.no, r]));
  const rows: CrosswalkRow[] = second.rows.map((r) => {
    const links = r.from.map((m) => {
      const link = firstRow.get(m);
      if (!link) throw new Error(`crosswalks: ${mid.id} indicator ${m} has no row in ${first.from.id} → ${mid.id}`);
      return link;
    });
    const from = [...new Set(links.flatMap((l) => l.from))];
    const params = { regulation: mid.regulation.number, nos: r.from.join(', ') };
    if (r.relation === 'new' || from.length === 0) {
      const note = r.relation === 'new' ? r.note : both('viaNoteNew', params, r.note);
      return { no: r.no, from: [], relation: 'new', official: [], basis: 'subject', note };
    }
    const sameSubject = r.relation === 'same-subject' && links.every((l) => l.relation === 'same-subject' || l.relation === 'same');
    const relation: MatchRelation = sameSubject ? 'same-subject' : 'partial';
    return { no: r.no, from, relation, official: [], basis: 'subject', note: both('viaNote', params, r.note) };
  });
  const covered = new Set(rows.flatMap((r) => r.from));
  const removedFirst = new Map(first.removed.map((r) => [r.no, r]));
  const removedSecond = new Map(second.removed.map((r) => [r.no, r]));
  const removed: RemovedRow[] = first.from.indicators
    .filter((ind) => !covered.has(ind.no))
    .map((ind) => {
      const gone = removedFirst.get(ind.no);
      if (gone) return gone;
      // Its successors in the middle framework exist, but none of them has a successor in the last one.
      const successors = first.rows.filter((r) => r.from.includes(ind.no)).map((r) => r.no);
      const note = successors.length === 1 ? removedSecond.get(successors[0])?.note : undefined;
      return { no: ind.no, note: both('viaRemovedNote', { regulation: mid.regulation.number, nos: successors.join(', ') }, note) };
    });
  return {
    from: first.from,
    to: second.to,
    via: [...first.via, mid, ...second.via],
    rows,
    removed,
    officialSource: null,
    basisNote: {
      id: text('id', 'compare', 'viaBasisNote', { regulation: mid.regulation.number, first: first.basisNote.id, second: second.basisNote.id }),
      en: text('en', 'compare', 'viaBasisNote', { regulation: mid.regulation.number, first: first.basisNote.en, second: second.basisNote.en }),
    },
  };
}
