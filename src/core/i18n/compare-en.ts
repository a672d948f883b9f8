/** English messages of comparisons and transition previews; same keys and placeholders as compare-id.ts. */
import type { compareId } from './compare-id';

export const compareEn: { [K in keyof typeof compareId]: string } = {
  sameNote: 'The same indicator (the same framework).',
  viaNote: 'Via {regulation} (indicators {nos}): {note}',
  viaNoteNew: 'Its subject in {regulation} (indicators {nos}) was already new there. {note}',
  viaRemovedNote: 'Its successors in {regulation} (indicators {nos}) are no longer assessed. {note}',
  viaBasisNote: 'Two crosswalks composed, via {regulation}. {first} {second}',

  noteBySubject:
    'A comparison across regulations ({from} → {to}): the crosswalk is a correspondence by subject. ' +
    'A matched old level is only a comparison, not a value under the new regulation. {basis}',
  noteComposed: 'This crosswalk passes through the regulation(s) in between: {via}.',
  noteNew: '{count:indicator is|indicators are} new in {to} ({nos}; weight {weight} %): no old indicator covers their subject.',
  notePartial: '{count:indicator matches|indicators match} only partly ({nos}): the old indicators cover only part of the subject.',
  noteRemoved: '{count:indicator|indicators} of {from} no longer assessed ({nos}).',
  noteServicesAveraged:
    'Indicator {indicator} was scored for {count} services ({keys}); their mean, {mean}, is the before level of no. {nos}.',
  noteServicesCount:
    'Indicator {indicator} was scored for {before} service(s) before and {after} now. Aspect {aspect} spreads its weight evenly over ' +
    'all its entries, so the weights of indicators {nos} changed too; their contributions include that change of weight.',
  noteValuedElsewhere:
    "Valued from other agencies' indices: no. {nos}; their change ({points}) is not the agency's own work.",
  orderYearsContradict:
    'By their years the {newer} assessment ({newerYear}) comes before the {older} assessment ({olderYear}), but regulation {older} ' +
    'preceded {newer}. The {older} assessment is used as "before"; check the year in the sheet name, the title or the file name.',
  orderSameYear: 'Both assessments are of {year}: the first one given is used as "before".',
  orderArguments: 'No assessment year was found: the first one given is used as "before".',

  titleSame: 'Two assessments compared, {framework}',
  titleAcross: 'A comparison across regulations: {before} → {after}',
  indexLine: 'Index: {before} ({beforePredicate}) → {after} ({afterPredicate}), change {delta}',
  roundingNote: 'The change is computed from the full values ({delta}), so it may differ by 0.01 from the difference of the rounded figures.',
  effectRegulation: 'The change of regulation alone: {points} (the index under {to} on the old levels: {index}).',
  effectLevels: "The agency's own level changes: {points}.",
  effectLevelsOnly: 'The whole change comes from level changes: {points} (the same framework).',
  effectLevelsElsewhere: 'Level changes: {points}, of which {elsewhere} from indicators valued by other agencies (no. {nos}).',
  moversTitle: 'The indicators that moved the index most (index points):',
  moversNone: 'No matched indicator changed its level.',
  fromNos: '(compared with {nos})',
  moverValuedElsewhere: '— valued by another agency',
  newTitle: 'New in {to}: {count:indicator|indicators}, weight {weight} %; their effect on the change of regulation {points}:',
  newAspect: 'Aspect {aspect} {name}: no. {nos}, average level now {level}: {points}',
  newAspectWhole: 'Aspect {aspect} {name} (all new): no. {nos}, average level now {level}: {points}',
  reweightLine: 'The rest of the change of regulation, {points}, comes from the new weights of the matched indicators (and the indicators no longer assessed).',
  newNone: 'No indicator is new in {to}.',
  partialLine: 'Matched only partly ({count:indicator|indicators}; the old level is a rough comparison): {nos}.',
  removedLine: 'No longer assessed in {to}: {count:indicator|indicators} of {from} ({nos}).',
  aspectsTitle: 'Aspects (before → after):',
  aspectsMatched: 'Aspects (before: from the {from} levels of the matched indicators; "–" when none is matched):',
  domainsTitle: 'Domains (before → after):',
  domainsMatched: 'Domains (before: from the {from} levels of the matched indicators; "–" when none is matched):',
  notesTitle: 'Notes:',
  noBefore: '–',

  previewLabel: 'An estimate, not an official value',
  previewTitle: 'Preview of the {to} from the {from} assessment — {label}.',
  previewRange: 'Estimated index between {low} ({lowPredicate}) and {high} ({highPredicate}).',
  previewRule:
    'Matched indicators carry their (mean) old level; new indicators are unknown: the low end counts them at 1, the high end at 5; ' +
    'indicators valued by other agencies count as 1 until their value is known.',
  previewCarried: 'Carrying an old level: {count:indicator|indicators} ({nos}).',
  previewMustAssess: 'To assess for the first time: {count:indicator|indicators}, weight {weight} %:',
  previewValuedElsewhere: "Valued from other agencies' indices (not by the agency itself):",
  previewGiven: 'the given value {value}',
  previewCountsOne: 'counts as 1 until its value arrives',
  previewPartial: 'Matched only partly ({count:indicator|indicators}; the carried level is a rough comparison): {nos}.',
  previewRemoved: 'No longer counted: {count:indicator|indicators} ({nos}).',
};
