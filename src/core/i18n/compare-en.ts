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
  // the comparison sheet (compare-sheet.ts)
  sheetName: 'Comparison',
  sheetTitle: 'Two Assessments Compared',
  sheetSubtitleSame: '{framework}: before and after',
  sheetSubtitleAcross: 'Across regulations: {before} → {after}',
  sheetBefore: 'Before',
  sheetAfter: 'After',
  sheetIndexBefore: 'Index before',
  sheetIndexAfter: 'Index after',
  sheetDelta: 'Change of the index',
  sheetRegulationIndex: 'Index under {to} on the old levels',
  sheetEffectFramework: 'Effect of the change of regulation',
  sheetEffectLevels: 'Effect of the level changes',
  sheetMade: 'Made',
  sheetSectionIndicators: 'Indicators (framework {framework})',
  sheetSectionAspects: 'Aspects',
  sheetSectionDomains: 'Domains',
  sheetSectionMovers: 'The indicators that moved the index most',
  sheetSectionRemoved: 'No longer assessed ({from})',
  sheetSectionNotes: 'Notes',
  sheetMatchedNote: 'The "before" values of aspects and domains come from the old levels of the matched indicators (empty when none is matched).',
  colNo: 'No',
  colIndicator: 'Indicator',
  colAspect: 'Aspect',
  colDomain: 'Domain',
  colRelation: 'Relation',
  colFrom: 'Old indicators',
  colWeight: 'Weight (%)',
  colBefore: 'Before',
  colAfter: 'After',
  colChange: 'Change',
  colContribution: 'Contribution (points)',
  colCompared: 'Level compared',
  colName: 'Name',
  chartAspects: 'Aspects: before and after',
  relSame: 'same',
  relSameSubject: 'same subject',
  relPartial: 'partial',
  relNew: 'new',
  relRemoved: 'no longer assessed',

  // spbe compare (src/cli/compare-command.ts)
  cliUsage:
    'Usage: spbe compare [--json] [--out FILE] [--sheet NAME] [--before-sheet NAME] [--framework ID] [--column HEADER]\n' +
    '                    [--predicate-basis exact|rounded] [--lang id|en] BEFORE.xlsx AFTER.xlsx\n' +
    '       spbe compare [options] FILE.xlsx      (one workbook with two assessment sheets, e.g. "Penilaian 2023" and "Penilaian 2024")\n\n' +
    'Compares two assessments: how the index moved, how much of the move the change of regulation and the level\n' +
    'changes account for, the indicators that moved it most, and what is new. "Before" is the older assessment (by its\n' +
    'regulation, then the year in the sheet name, the title above the table or the file name); without years, argument order.\n\n' +
    'Options:\n' +
    '  --json                   One JSON object (before, after, delta, effects, indicators, aspects, domains, estimate, issues)\n' +
    '  --out FILE               Write the comparison sheet into a copy of the "after" side\'s workbook\n' +
    '  --sheet NAME             The assessment sheet (two files: in the second file, or in both without --before-sheet)\n' +
    '  --before-sheet NAME      The "before" assessment sheet (one file), or the sheet in the first file\n' +
    '  --framework ID           Use this framework for both sides: {frameworks}\n' +
    '  --column HEADER          The level column to use on both sides\n' +
    '  --predicate-basis B      Predicate from the exact value (default) or the rounded one\n' +
    '  --lang id|en             Output language (default: id)\n\n' +
    'Exit code: 0 compared; 2 either assessment has errors; 1 a file cannot be opened, or wrong usage.',
  cliFiles: 'spbe compare needs one or two files.',
  cliOneAssessment: '{file} holds only one assessment. Name a second file, or use a workbook with two assessment sheets (e.g. "Penilaian 2023" and "Penilaian 2024").',
  cliSameSheet: 'Both sides are the same sheet ({sheet}). Choose two different assessment sheets.',
  cliNoCrosswalk: 'There is no crosswalk of indicators from {from} to {to}.',
  cliSideErrors: 'The {side} assessment ({where}) has errors; nothing was compared:',
  cliSideBefore: '"before"',
  cliSideAfter: '"after"',
  cliBeforeIs: 'Before: {where}',
  cliAfterIs: 'After: {where}',
  cliOutIsInput: '--out may not overwrite an input file.',
  cliWrote: 'Sheet "{sheet}" written to {file}.',
  cliReplaced: 'The earlier comparison sheet was replaced.',
  cliWriteFailed: 'Cannot write {file}: {message}',

  // the pane (src/taskpane/components/Compare.tsx)
  paneTitle: 'Compare',
  paneIntro: 'Compare this assessment with another one: an earlier year or an earlier regulation.',
  paneSheet: 'Another assessment sheet of this workbook',
  paneNoSheet: '(choose a sheet)',
  paneOpenFile: 'Open a workbook to compare with (.xlsx)',
  paneOtherFile: 'Compared with: {file}',
  paneCompare: 'Compare',
  paneComparing: 'Comparing…',
  paneWrite: 'Create the Comparison Sheet',
  paneWriting: 'Writing the comparison sheet…',
  paneWriteDone: 'Sheet "{sheet}" created.',
  paneWriteDoneFile: 'Sheet "{sheet}" added to the copy you can download.',
  paneWriteFailed: 'The comparison sheet was not written: {reason}',
  paneSideErrors: 'The {side} assessment ({where}) has errors ({count}); fix them first.',
  paneReadFailed: 'The workbook to compare with cannot be read: {reason}',
  paneIndex: 'Index',
  paneDelta: 'Change',
  paneEffectFramework: 'Regulation effect',
  paneEffectLevels: 'Level effect',
  paneMovers: 'Moved it most',
  paneAspects: 'Aspects',
  paneDomains: 'Domains',
  paneEstimate: 'Estimated {to}: {low} – {high} ({label})',
  paneDownload: 'Download {file}',
};
