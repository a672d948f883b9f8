/** English message catalogue; same keys as id.ts. */
import type { Catalogue } from './index';
import { compareEn } from './compare-en';

export const en: Catalogue = {
  problems: {
    NO_TABLE:
      'No assessment table found on sheet(s) {sheets}. Looked for a header row with an indicator number column (No, Nomor, Kode) ' +
      'and a level column (Tingkat, Nilai, Level, Penilaian Mandiri, Nilai Akhir …) or an indicator name column (Indikator). ' +
      '{noTable}',
    SHEET_NOT_FOUND: 'The workbook has no sheet "{sheet}". Its sheets: {sheets}. Check the sheet name.',
    COLUMN_NOT_FOUND:
      'No column headed "{column}" in the table on sheet {sheet}. Level columns found: {columns}. ' +
      '{nameColumn}',
    FRAMEWORK_UNKNOWN: 'Unknown framework "{framework}". Use one of {known}, or its regulation number (e.g. {regulation}).',
    NO_LEVEL_COLUMN:
      'The table at {where} has no level column (headers found: {headers}). ' +
      'Head the level column Tingkat, Nilai or Level, or choose the column.',
    LEVEL_BLANK: 'The level of indicator {indicator} at {where} is empty. Enter {range}.',
    LEVEL_BLANK_MERGED:
      'The level of indicator {indicator} at {where} is empty: the cell is part of the merged cells {merged}, whose value belongs to its first cell only. ' +
      'Unmerge {merged} and enter {range} for each indicator.',
    LEVEL_NOT_A_LEVEL: '"{value}" at {where} (indicator {indicator}) is not a maturity level. Enter {range}.',
    LEVEL_ERROR_VALUE: 'Cell {where} (indicator {indicator}) holds the error {value}. Fix the formula or enter {range}.',
    LEVEL_OUT_OF_RANGE: 'Level {value} at {where} (indicator {indicator}) is outside 1–5. Enter {range}.',
    LEVEL_ZERO: 'Level 0 at {where} (indicator {indicator}) does not exist: the lowest level is 1. Enter {range}.',
    LEVEL_ZERO_2018:
      'Level 0 at {where} (indicator {indicator}) is not valid. Some transcriptions of the 2018 criteria describe a level 0 ("nothing exists"), ' +
      'but the official results use levels 1–5 (the level-1 criterion is met even by a mere concept). Enter {range}.',
    LEVEL_FRACTIONAL:
      'Level {value} at {where} (indicator {indicator}) is not a whole number, but {framework} uses whole levels 1–5 only. ' +
      'Enter the whole level of the assessment.',
    LEVEL_AMBIGUOUS: '"{value}" at {where} (indicator {indicator}) could mean level {levels}. Enter the level as a number.',
    INDICATOR_MISSING: 'Indicator {indicator} ({name}) has no row in the table on sheet {sheet}. Add its row with its level.',
    INDICATOR_DUPLICATE_CONFLICT:
      'Indicator {indicator} appears twice with different levels: {value} at {where} and {otherValue} at {other}. ' +
      'Delete the wrong row.',
    INDICATOR_DUPLICATE_CONFLICT_REPEATABLE:
      'Indicator {indicator} appears twice with different levels: {value} at {where} and {otherValue} at {other}. ' +
      'If these are several public services, number them {indicator}-2, {indicator}-3 (at most {max}); otherwise delete the wrong row.',
    INDICATOR_DUPLICATE:
      'Indicator {indicator} appears twice with the same level ({where} and {other}); it counts once. Delete the duplicate row.',
    INDICATOR_UNKNOWN:
      'Indicator number "{value}" at {where} does not exist in {framework} (indicators 1–{count}). Fix the number or delete the row.',
    INDICATOR_UNKNOWN_ENTRY:
      'Entry "{value}" at {where} is not valid: in {framework} only indicator {repeatable} may repeat, ' +
      'as {repeatable}-2 to {repeatable}-{max}. Fix the number or delete the row.',
    INDICATOR_UNKNOWN_NO_REPEAT:
      'Entry "{value}" at {where} is not valid: no indicator of {framework} may repeat. Fix the number or delete the row.',
    ROWS_IGNORED:
      'Empty rows numbered beyond the {count} indicators of {framework} were ignored: number {numbers} (first at {where}). ' +
      'Delete them, or leave them: they do not affect the index.',
    WEIGHT_MISMATCH:
      'The weight of indicator {indicator} at {where} says {sheetWeight}%, but {regulation} sets {expected}%. ' +
      "The index uses the regulation's weight; correct this sheet's weight column.",
    NAME_MISMATCH:
      'The name at {where} ("{name}") does not match indicator {indicator} ({expected}) and looks like indicator {likely}. ' +
      'Check whether rows or numbers are shifted.',
    NAME_MISMATCH_NONE:
      'The name at {where} ("{name}") does not match indicator {indicator} ({expected}). Check the indicator number or name.',
    EVIDENCE_MISSING:
      'Indicator {indicator} is at level {value}, but its evidence (Bukti Dukung) at {where} is empty. Attach the evidence: levels 2 and up must be supported.',
    TARGET_UNREADABLE:
      'The target of indicator {indicator} at {where} ("{value}") is not a level, so the gap analysis ignores it. Write a level 1–5 or leave the cell empty.',
    LEVEL_COLUMN_CHOSEN:
      'Levels were read from column "{header}" (column {letter}, header at {where}); other level columns: {columns}. {useOtherColumn}',
    FRAMEWORK_MISMATCH:
      'The table on sheet {sheet} looks like {detected} (from its indicator numbers, names and levels), but {framework} was chosen. ' +
      '{chooseFramework}',
    OTHER_TABLES:
      'Sheet(s) {others} also hold an assessment table; the one on sheet {sheet} was used. {useOtherSheet}',
    OTHER_TABLES_NEWEST:
      'Sheet(s) {others} also hold an assessment table; the one on sheet {sheet} was used, the newest assessment (year {year}). {useOtherSheet}',
    SHEET_TRUNCATED:
      'Sheet {sheet} is very long: only its first {rows} rows with content were read (down to row {lastRow}); nothing below was looked at. ' +
      'If the assessment table is further down, move it to a sheet of its own.',
    NO_TABLE_NO_ROWS:
      'Row {where} looks like the header of the assessment table ({headers}), but no row under it holds an indicator number. ' +
      'Number the rows in that column 1, 2, 3 … (also read: "1.", "I-1", "Ind. 1", "Indikator 1", "35-2"). {noTable}',
    LEVEL_BLANK_FORMULA:
      'The level of indicator {indicator} at {where} is a formula that has no calculated value. Open and save the workbook in Excel (so the formula is calculated), then read it again.',
    TABLES_ON_SHEET:
      'Sheet {sheet} holds several assessment tables ({ranges}) and nothing says which one is current. ' +
      'Put each assessment on a sheet of its own, or write its year in a title row above each table.',
    TABLE_NEWEST_ON_SHEET:
      'Sheet {sheet} holds several assessment tables: the newest ({year}, at {range}) was used; also there: {others}. ' +
      'Put each assessment on a sheet of its own to avoid confusion.',
    LEVEL_COLUMN_NEWEST:
      'Levels were read from column "{header}" (column {letter}, header at {where}), the newest year ({year}); other level columns: {others}. {useOtherColumn}',
    PARTS_COMBINED:
      'The assessment is read from {parts} tables on sheet(s) {sheets}: together they hold every indicator of {framework} ({count}) exactly once.',
    ROWS_NOT_INDICATORS:
      'Sheet {sheet} holds a numbered list with more than {max} rows (from {range}): longer than any assessment, so it was not read as the assessment table.',
    rangeWhole: 'a whole level 1–5',
    rangeDecimal: '1–5 (decimals allowed, e.g. 2.5)',
    noValues: 'empty',
    blank: 'blank',
    listAnd: 'and',
    listOr: 'or',
    WORKBOOK_STRUCTURE_LOCKED:
      "The workbook's structure is protected (Review > Protect Workbook), so no sheet can be added to it. " +
      'Unprotect the structure (Review > Protect Workbook, with its password), save, and try again. The workbook was not changed.',
  },
  hints: {
    noTable_command: 'Add such column headers above the table, or choose the sheet that holds it (spbe option --sheet).',
    noTable_pane: 'Add such column headers above the table, then read the workbook again.',
    nameColumn_command: 'Give part of the header text of one of them (spbe option --column).',
    nameColumn_pane: 'Choose one of them under Settings, "Level column".',
    useOtherColumn_command: 'To use another one, choose it by its header (spbe option --column).',
    useOtherColumn_pane: 'To use another one, choose it under Settings, "Level column".',
    chooseFramework_command: 'If the errors come from that, choose {detectedId} or leave the framework out (spbe option --framework).',
    chooseFramework_pane: 'If the errors come from that, choose {detectedId} or "Automatic" under Settings, "Framework".',
    useOtherSheet_command: 'To use another, choose its sheet (spbe option --sheet).',
    useOtherSheet_pane: 'To use another, choose its sheet under Settings, "Assessment sheet".',
  },
  cli: {
    usage:
      'Usage: spbe <command> [options] FILE...\n\n' +
      'Commands:\n' +
      '  index   Read the assessment sheet of .xlsx workbooks, check the levels and compute the index\n' +
      '  gap     Write a gap-analysis sheet into a copy of the workbook\n' +
      '  compare Compare two assessments (year over year, or across regulations)\n\n' +
      'Options:\n' +
      '  --help, -h      Show this help\n' +
      '  --version, -v   Show the version\n\n' +
      "Type 'spbe <command> --help' for the options of each command.",
    usageIndex:
      'Usage: spbe index [--json] [--sheet NAME] [--framework ID] [--column HEADER] [--predicate-basis exact|rounded] [--lang id|en] FILE...\n\n' +
      'Reads the assessment sheet of each .xlsx workbook, checks the maturity levels and computes the index,\n' +
      'the domain and aspect indices and the predicate.\n\n' +
      'Options:\n' +
      '  --json                   One JSON object per file per line\n' +
      '  --sheet NAME             Only the worksheet named NAME\n' +
      '  --framework ID           Use this framework instead of the detected one: {frameworks}\n' +
      '  --column HEADER          The level column to use (part of its header text, e.g. "Nilai Akhir")\n' +
      '  --predicate-basis B      Predicate from the exact value (default) or the rounded one (2 decimals)\n' +
      '  --lang id|en             Output language (default: id)\n' +
      '  --help, -h               Show this help\n\n' +
      'Exit code: 0 every index computed; 2 some file has errors (its index is not computed);\n' +
      '1 some file cannot be opened, or wrong usage. When several apply, the highest wins.',
    unknownCommand: 'Unknown command: {command}.',
    unknownOption: 'Unknown option: {option}.',
    missingValue: 'Option {option} needs a value.',
    badChoice: 'Value "{value}" is not valid for {option}; choose one of: {choices}.',
    unexpectedValue: 'Option {option} does not take a value.',
    unknownFramework: 'Unknown framework: "{value}". Choose one of: {choices}.',
    noFiles: 'No files given. Name one or more .xlsx files.',
    seeHelp: "Type 'spbe {command} --help' for help.",
    internalError: 'Internal error: {message}. Please report it together with the file used.',
    readNotFound: 'File not found.',
    readNotAFile: 'This is not a file (perhaps a folder).',
    readNoAccess: 'The file cannot be read: permission denied.',
    readEmpty: 'The file is empty (0 bytes). Save the workbook again from Excel as .xlsx.',
    readEncrypted: 'The workbook is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook) and save it again.',
    readXls: 'This is an old Excel file (.xls, Excel 97-2003). Open it in Excel and save it as an Excel Workbook (.xlsx).',
    readOds: 'This is an OpenDocument spreadsheet (.ods). Save it as an Excel Workbook (.xlsx).',
    readXlsb: 'This is an Excel binary workbook (.xlsb). Open it in Excel and save it as an Excel Workbook (.xlsx).',
    readText: 'This is a text file (e.g. CSV), not an .xlsx workbook. Open it in Excel and save it as an Excel Workbook (.xlsx).',
    readNotXlsx: 'This is not an Excel .xlsx workbook (its content is not a spreadsheet). Check that this is the right file; if it opens in Excel, save it as an Excel Workbook (.xlsx).',
    readDamaged: 'The workbook is damaged or incomplete (perhaps cut off while downloading or copying). Download or copy the file again.',
    readNoSheets: 'The workbook has no worksheets (perhaps only chart sheets). Add the assessment sheet and save again.',
    labelSheet: 'Sheet',
    labelFramework: 'Framework',
    labelDetected: 'detected',
    labelChosen: 'chosen',
    labelColumn: 'Level column',
    labelOtherColumns: 'Other level columns',
    labelIndex: 'Index',
    labelExact: 'exact {value}',
    labelPredicate: 'Predicate',
    labelPredicateBasis: 'from the {basis} value',
    basisExact: 'exact',
    basisRounded: 'rounded',
    labelDomains: 'Domains',
    labelAspects: 'Aspects',
    labelProblems: 'Problems',
    noTable: '(not found)',
    indexNotComputed: 'not computed because of errors',
    severityError: 'ERROR',
    severityWarning: 'WARNING',
    severityInfo: 'NOTE',
    labelNotes: 'Notes',
    noProblems: 'No problems.',
    problemCounts: '{errors:error|errors}, {warnings:warning|warnings}',
    totals: '{files:file|files}: {ok} computed, {withErrors} with errors, {unreadable} could not be opened.',
  },
  gap: {
    sheetName: 'Gap Analysis',
    title: 'Gap Analysis — {framework}',
    labelAgency: 'Agency',
    agencyUnknown: '(agency name not found in the title rows)',
    labelFramework: 'Framework',
    labelSource: 'Source',
    sourceText: 'Sheet "{sheet}", column {column} ({header})',
    sourceFile: 'File: {file}',
    labelDate: 'Date',
    basisExact: 'Predicate from the full-precision index',
    basisRounded: 'Predicate from the index rounded to 2 decimals',
    labelCurrent: 'Current index',
    labelGoal: 'Goal index',
    labelPlanned: 'Index when every target is met',
    labelNeeded: 'Index points still needed',
    statusReached: 'The targets in the table reach the goal.',
    statusNotReached: 'The targets in the table do not reach the goal yet.',
    labelSteps: 'Level steps',
    stepsNote: 'One step raises one indicator by one level (a decimal value first rises to the next whole level).',
    labelUnreachable: 'Goal out of reach',
    goalIndex: 'The goal is an index value (edit this cell if needed).',
    goalPredicate: 'Lower bound of the predicate {predicate}.',
    goalLevel: 'Every indicator at level {level} or above.',
    goalColumn: 'Per-indicator targets from the Target column of the source sheet.',
    goalNext: 'Lower bound of the next predicate ({predicate}).',
    sectionIndicators: 'Gap per indicator (edit the Target column; everything recalculates)',
    colNo: 'No',
    colName: 'Indicator',
    colAspect: 'Aspect',
    colDomain: 'Domain',
    colWeight: 'Weight (%)',
    colSelf: 'Self-assessment',
    colCurrent: 'Current Level',
    colTarget: 'Target',
    colGap: 'Gap',
    colSteps: 'Steps',
    colPoints: 'Index Points',
    colRank: 'Priority',
    colNotes: 'Validation Notes',
    colSheetNote: 'Note in Sheet',
    colCurrentIndex: 'Current Index',
    colPredicate: 'Predicate',
    colTargetIndex: 'Target Index',
    colTargetPredicate: 'Target Predicate',
    colChange: 'Increase',
    repeatName: '{name} (service {entry})',
    notLinked: 'The value in {cell} ("{raw}") is not a plain number; the level read from it is written here, not linked. Make the source cell a number to link it.',
    notLinkedFormula: 'The value in {cell} comes from a formula; its result is written here, not linked.',
    sectionAspects: 'Summary by aspect',
    sectionDomains: 'Summary by domain',
    sectionTop: 'Top priorities',
    chartAspects: 'Aspect index: current and target',
    chartTop: 'Biggest gaps (index points)',
    footerSimulation: 'Simulation — not an official score',
    footerPage: 'Page {page} of {pages}',
    targetPromptTitle: 'Target level',
    targetPromptWhole: 'Enter a whole level from 1 to 5.',
    targetPromptDecimal: 'Enter a value from 1 to 5 (decimals allowed, e.g. 2.5).',
    targetErrorTitle: 'Invalid value',
    targetErrorWhole: 'The target must be a whole number from 1 to 5.',
    targetErrorDecimal: 'The target must be a number between 1 and 5.',
    goalPromptTitle: 'Goal index',
    goalPrompt: 'Enter a goal index between 1 and 5.',
    unreachableAboveMax: 'The goal {target} is above the highest possible index, 5.00.',
    unreachableAllFive: 'The goal {target} cannot be reached: even with every indicator at level 5 the index is only {max}.',
    unreachableOtherAgencies:
      "The goal {target} cannot be reached by the agency's own work: even with every other indicator at level 5 the index is only {max}. " +
      "The rest depends on {indicators}, whose values come from other agencies' indices ({sources}).",
    unreachableLocked:
      "The goal {target} cannot be reached with the locks on {indicators}: raising every other indicator in the agency's hands to level 5 gives an index of only {max}. " +
      'Lift a lock to plan this goal.',
    alsoLocked: ' The locks on {indicators} are kept as well.',
    listAnd: 'and',
    indicatorsOne: 'indicator {list}',
    indicatorsMany: 'indicators {list}',
    rankOutOfHands: "not in the agency's hands",
    noteOutOfHands: "Not in the agency's hands: not planned, because its value comes from {source}. If that value reached 5, the index would rise by {points} points.",
    unknownPredicate: 'Unknown predicate: "{predicate}". Choose one of: {predicates}.',
    targetLevelRange: 'The target level must be a whole number from 1 to 5, not "{level}".',
    targetNotPositive: 'The goal index must be a positive number, not {target}.',
    maxRaiseRange: 'The most levels an indicator may rise per evaluation cycle must be a whole number of at least 1, not "{value}".',
    unknownStrategy: 'Unknown planning strategy "{strategy}". Choose one of: {strategies}.',
    unknownLock: 'Cannot lock "{key}": the assessment has no indicator entry with that number.',
    cliUsage:
      'Usage: spbe gap FILE [--target X | --target-predicate P | --target-level N] [--out OUT] [--in-place]\n' +
      '                [--json] [--sheet NAME] [--framework ID] [--column HEADER] [--predicate-basis exact|rounded] [--lang id|en]\n\n' +
      'Plans the goal at one level per indicator per evaluation cycle: the fewest cycles, then the fewest\n' +
      'level steps. Writes a copy of the workbook with a "Gap Analysis" sheet (every original sheet stays\n' +
      'as it was).\n\n' +
      'Goal (choose one; default: the sheet\'s Target column if it has one, else the next predicate):\n' +
      '  --target X               An index value, e.g. 2.6\n' +
      '  --target-predicate P     The lower bound of a predicate, e.g. Baik\n' +
      '  --target-level N         Every indicator at level N (1-5) or above\n\n' +
      'Other options:\n' +
      '  --out OUT                Output file (default: <name>-gap.xlsx beside the input)\n' +
      '  --in-place               Replace the input file (atomically) instead of writing a copy\n' +
      '  --json                   The index JSON object plus target, reachable, plan, out, gapSheet\n' +
      '  --sheet, --framework, --column, --predicate-basis, --lang   as for spbe index\n' +
      '  --help, -h               Show this help\n\n' +
      'Exit code: 0 done; 2 the workbook has errors (nothing written); 1 the file cannot be opened,\n' +
      'bad usage, or writing failed.',
    cliOneFile: 'spbe gap needs exactly one file.',
    cliTargetConflict: 'Choose only one of --target, --target-predicate and --target-level.',
    cliBadTarget: 'Invalid --target value: "{value}". Write an index number, e.g. 2.6.',
    cliBadLevel: 'Invalid --target-level value: "{value}". Write a whole number from 1 to 5.',
    cliOutConflict: '--out and --in-place cannot be used together.',
    cliOutIsInput: 'The output file is the input file; use --in-place if you really want to replace it.',
    cliNoIndex: 'No gap sheet was written because the index cannot be computed. Fix the errors listed above and run the command again.',
    cliWriteFailed: 'Could not write {file}: {message}. No file was written.',
    cliOutDirMissing: 'the folder {dir} does not exist (create it, or choose another --out)',
    cliWrote: 'Sheet "{sheet}" written to {file}.',
    cliReplaced: 'The earlier gap-analysis sheet "{sheet}" was replaced.',
    cliOutExtension: 'The output file must end in {ext}, as the input is {kind}: {file}',
    cliOutNotAFile: 'The output {file} is not a file (a folder, device, pipe or socket); give --out a file name ending in {ext}.',
    cliOutReadOnly: '{file} is read-only; nothing was written. Make it writable or choose another --out.',
    kindXlsx: 'an Excel workbook (.xlsx)',
    kindXlsm: 'a macro-enabled workbook (.xlsm), which stays one',
    cliCurrent: 'Current index: {index} ({predicate})',
    cliGoal: 'Goal: {goal} ({predicate})',
    cliPlanned: 'Index when the targets are met: {index} ({predicate})',
    cliSteps: 'Plan, in order of priority (level steps in all: {steps}):',
    cliStep: '  {rank}. indicator {no}: {from} → {to} (+{uplift} index points)',
    cliCycle: 'Cycle {cycle} ({steps:level step|level steps}; index after it: {index}, {predicate}):',
    cliNothing: 'The goal is already reached; no steps are needed.',
    cliUnreachable: '{reason} No steps are planned; choose a lower goal.',
    // issue 12: the plan's options, the team's columns, the compact header
    colCycle: 'Cycle',
    colLevelNames: 'Level Names (now → target)',
    colOwner: 'Owner (OPD/PIC)',
    colDeadline: 'Deadline',
    colEvidenceStatus: 'Evidence Status',
    colEvidenceLink: 'Evidence Link',
    colLock: 'Lock',
    lockYes: 'Yes',
    lockNo: 'No',
    evidenceStatuses: 'None,In preparation,Uploaded,Accepted',
    lockPromptTitle: 'Lock',
    lockPrompt: 'Enter "Yes" when this indicator cannot be raised this cycle: the planner leaves it alone on the next run.',
    labelShortfall: 'Shortfall after the targets',
    stepsCycles: 'level steps in {cycles:evaluation cycle|evaluation cycles} (at most {max} per indicator per cycle)',
    noteEvidence: 'Needs accepted evidence for level {level}.',
    sourceDate: 'Date {date}',
    strategyFewest: 'fewest steps',
    strategyBalanced: 'balanced (weakest aspects first)',
    cliOptionsUsage:
      'Plan:\n' +
      '  --max-raise N            Most levels one indicator rises per evaluation cycle (default 1; 5 = no cap)\n' +
      '  --strategy S             fewest (fewest steps, default) | balanced (weakest aspects first)\n' +
      '  --lock 12,31             Indicators the team cannot move this cycle (also the Lock column of the gap sheet)',
    cliBadMaxRaise: 'Invalid --max-raise value: "{value}". Write a whole number of at least 1, e.g. 1.',
    cliBadStrategy: 'Invalid --strategy value: "{value}". Choose fewest or balanced.',
    cliBadLock: 'Invalid --lock value: "{value}". Write indicator numbers separated by commas, e.g. 12,31 or 35-2.',
    cliCycles: 'Evaluation cycles: {cycles} (at most {max:level|levels} per indicator per cycle; strategy: {strategy})',
    cliLocks: 'Locked (not planned): {locks}',
    cliEvidence: ' — needs accepted evidence for level {level}',
    cliTeam: "{count:row|rows} of the team's entries carried over from the earlier gap sheet.",
  },
  functions: {
    ok: 'OK',
    headerIndicator: 'Indicator',
    headerFrom: 'From',
    headerTo: 'To',
    headerPoints: 'Points',
    posValue: 'Value {pos} (indicator {indicator})',
    posRow: 'Row {pos} (indicator {indicator})',
    posArgument: 'Argument {name}',
    LEVEL_BLANK: '{position}: empty. Enter {range}.',
    LEVEL_ERROR_VALUE: '{position}: holds the error {value}. Fix its formula or enter {range}.',
    LEVEL_NOT_A_LEVEL: '{position}: "{value}" is not a level; enter {range}.',
    LEVEL_OUT_OF_RANGE: '{position}: {value} is outside the levels 1–5.',
    LEVEL_ZERO: '{position}: there is no level 0; the lowest level is 1.',
    LEVEL_ZERO_2018: '{position}: there is no level 0; the lowest level is 1.',
    LEVEL_FRACTIONAL: '{position}: {value} is not a whole level; {frameworkId} uses whole levels 1–5 only.',
    LEVEL_AMBIGUOUS: '{position}: "{value}" may mean level {levels}. Write the level as a number.',
    FRAMEWORK_UNKNOWN: 'Unknown framework "{framework}". Use {known}, or its regulation number (e.g. "{regulation}").',
    FRAMEWORK_AMBIGUOUS: 'The range holds {count} values, which fits {candidates}; the framework cannot be told. Name the framework, e.g. "{example}".',
    BAD_SHAPE:
      'A {rows}×{cols} range cannot be read. Give the indicator levels in one row or one column (in framework order), ' +
      'or in two columns (indicator number, level).',
    BAD_COUNT: 'The range holds {count} values; in one row or column it must be {counts} values. For indicators {repeats} use two columns (indicator number, level).',
    BAD_COUNT_PLAIN: 'The range holds {count} values; in one row or column it must be {counts} values.',
    BAD_COUNT_FOR_FRAMEWORK: 'The range holds {count} values, but {frameworkId} has {expected} indicators.',
    BAD_COUNT_FOR_FRAMEWORK_REPEATS:
      'The range holds {count} values, but {frameworkId} has {expected} indicators. For indicators {repeats} use two columns (indicator number, level).',
    BAD_COUNT_PAIRS:
      'The two-column range holds {count} indicators (highest number {max}); the framework cannot be told. ' +
      'Name the framework, e.g. "{example}".',
    INDICATOR_NOT_A_NUMBER: 'Row {pos}: "{value}" is not an indicator number.',
    INDICATOR_UNKNOWN: 'Row {pos}: indicator {indicator} does not exist in {frameworkId} (indicators 1–{count}).',
    INDICATOR_UNKNOWN_ENTRY:
      'Row {pos}: entry {indicator} is not allowed; in {frameworkId} only indicator {repeatable} may repeat ' +
      '(up to {repeatable}-{max}).',
    INDICATOR_UNKNOWN_NO_REPEAT: 'Row {pos}: entry {indicator} is not allowed; no indicator may repeat in {frameworkId}.',
    INDICATOR_UNKNOWN_ARGUMENT: 'Indicator {value} does not exist in {frameworkId} (indicators 1–{count}).',
    INDICATOR_DUPLICATE_CONFLICT: 'Indicator {indicator} is listed twice with different levels: {otherValue} (row {other}) and {value} (row {pos}).',
    INDICATOR_DUPLICATE_CONFLICT_REPEATABLE:
      'Indicator {indicator} is listed twice with different levels: {otherValue} (row {other}) and {value} (row {pos}). ' +
      'If these are several public services, number them {indicator}-2, {indicator}-3 (at most {max}).',
    INDICATOR_MISSING: 'Indicator {indicator} is missing from the range; {frameworkId} has {count} indicators.',
    NOT_A_NUMBER: '{position}: "{value}" is not a number.',
    ARGUMENT_MISSING: '{position} is required.',
    ASPECT_UNKNOWN: 'Aspect {value} does not exist in {frameworkId} (aspects 1–{max}).',
    DOMAIN_UNKNOWN: 'Domain {value} does not exist in {frameworkId} (domains 1–{max}).',
    NO_DOMAINS: '{frameworkId} has no domains; use SPBE.ASPECT.',
    INDEX_OUT_OF_RANGE: 'Index {value} is outside 1–5.',
    BASIS_UNKNOWN: 'Unknown predicate basis "{value}". Use "exact" (full precision) or "rounded" (rounded to 2 decimals).',
    WEIGHT_OF_ENTRY: 'The weight of entry {value} depends on how many services are scored. Use SPBE.UPLIFT, or the plain indicator number ({number}).',
    NOT_IN_VALUES: 'Indicator {indicator} is not in the range of values.',
    TARGET_UNKNOWN: 'Target "{value}" cannot be read. Write an index (e.g. 2.6), a predicate (e.g. "Baik") or a uniform level ("Level 3").',
    TARGET_UNREACHABLE: 'Target "{value}" cannot be reached.',
    INTERNAL: 'Internal error: {message}. Please report it with the values used.',
  },
  pane: {
    appTitle: 'SPBE Index',
    language: 'Language',
    languageId: 'Bahasa Indonesia',
    languageEn: 'English',
    reading: 'Reading the workbook…',
    readFailed: 'The workbook could not be read: {reason}',
    retry: 'Read again',
    browserTitle: 'Open a workbook (.xlsx)',
    browserIntro: 'Choose your SPBE assessment workbook to see its index and problems, then create a gap-analysis sheet.',
    privacy: 'Everything runs in this browser; your file is not uploaded anywhere.',
    openFile: 'Open a workbook (.xlsx)',
    fileOpened: 'File: {file}',
    settingsTitle: 'Settings',
    frameworkLabel: 'Framework',
    frameworkAuto: 'Automatic (from the table)',
    frameworkDetected: 'detected from the table',
    frameworkForced: 'chosen by you',
    usedFor: 'For evaluations {years}',
    usedFrom: 'For evaluations from {year} on',
    columnLabel: 'Level column',
    columnAuto: 'Automatic: column {letter} ({header})',
    columnOption: 'Column {letter}: {header}',
    sheetInfo: 'Sheet "{sheet}", column {letter} ({header})',
    basisLabel: 'Predicate basis',
    basisExact: 'Full-precision index',
    basisRounded: 'Index rounded to 2 decimals',
    maxRaiseLabel: 'Most levels per indicator per cycle',
    maxRaiseOption: '{max:level|levels}',
    maxRaiseNone: 'No cap',
    strategyLabel: 'Planning strategy',
    strategyFewest: 'Fewest steps',
    strategyBalanced: 'Balanced (weakest aspects first)',
    indexLabel: 'Index',
    predicateLabel: 'Predicate',
    indexExact: 'Full precision: {value}',
    noIndex: 'No index yet: fix the errors below.',
    domainsTitle: 'Domains',
    aspectsTitle: 'Aspects',
    problemsTitle: 'Problems',
    problemsCount: '{errors:error|errors}, {warnings:warning|warnings}',
    noProblems: 'No problems: every level could be read.',
    showAllWarnings: 'Show all warnings ({count})',
    showFewerWarnings: 'Show fewer',
    severityError: 'Error',
    severityWarning: 'Warning',
    severityInfo: 'Note',
    notesCount: '{notes:note|notes}',
    sheetLabel: 'Assessment sheet',
    sheetAuto: 'Automatic: {sheet}',
    sheetAutoNewest: 'Automatic (the newest assessment)',
    sheetOption: '{sheet}',
    sheetOptionYear: '{sheet} (year {year})',
    targetColumn: "The sheet's Target column",
    targetColumnIs: 'Per-indicator targets from the Target column: index {min} ({predicate})',
    problemCell: 'Cell {cell}',
    problemSelect: 'Select cell {cell} on sheet {sheet}',
    problemsHint: 'Click a problem to go to its cell in Excel.',
    targetTitle: 'Target',
    targetNext: 'Next predicate',
    targetIndex: 'An index',
    targetLevel: 'A uniform level',
    targetKind: 'Kind of target',
    targetIndexInput: 'Target index (1–5)',
    targetLevelInput: 'Target level',
    targetNextIs: '{predicate}: index at least {min}',
    targetTop: 'Already at the highest predicate ({predicate}).',
    targetInvalidIndex: 'Type an index between 1 and 5, e.g. 2.60.',
    planTitle: 'Plan',
    planSummary: '{count:indicator|indicators} to raise ({steps:level step|level steps}): index {from} → {to} ({predicate}).',
    planReached: 'Target already reached: no indicator needs raising.',
    planUnreachable: 'The target cannot be reached: {reason}',
    planIndicator: 'Indicator',
    planPoints: 'Index points',
    planMore: '… and {count} more indicators (see the gap sheet).',
    generate: 'Create Gap Sheet',
    generating: 'Writing the gap sheet…',
    writeDone: 'Sheet "{sheet}" was created and activated.',
    writeReplaced: 'Sheet "{sheet}" was updated and activated.',
    writeDoneFile: 'Sheet "{sheet}" was added to a copy of the workbook ({date}). Download it below.',
    writeFailed: 'The gap sheet was not created: {reason}. The workbook was not changed.',
    writeFailedExcel: 'Excel refused the write (code {code})',
    writeFailedLeftover: 'The gap sheet was not finished: {reason}. The incomplete sheet "{sheet}" may remain; please delete it.',
    blockedErrors: 'The gap sheet cannot be created yet: first fix the {count} error(s) in the problem list.',
    blockedNotRead: 'The workbook has not been read yet.',
    download: 'Download {file}',
    downloadNote: 'Your file is unchanged; the result is a copy with the gap sheet.',
    // Excel without the requirement sets the add-in needs (src/taskpane/components/Unsupported.tsx).
    unsupportedTitle: 'This Excel cannot run the whole add-in',
    unsupportedExcel:
      'Not available: {missing}. The add-in runs in Microsoft 365 (Windows and Mac), Excel 2021 or later, and Excel on the web; Excel 2016 and 2019 cannot run its custom functions. The browser page does the whole job on your .xlsx file, without uploading it.',
    browserPageLink: 'Open the browser page',
    // the pane's order and words (issue 13)
    simulation: 'simulation',
    simulationTip: 'Computed from this workbook; not the official evaluation result.',
    changeFile: 'Change',
    changeFileLabel: 'Change workbook (.xlsx)',
    guidanceExcel: 'Click a problem to go to its cell and fix it there: the index is recomputed by itself.',
    guidanceFile: 'Fix the file in Excel, save it, then open it here again.',
    problemGroupCount: '{count}×',
    problemGoTo: 'go to cell {cell}',
    legendTitle: 'Predicate',
    legendBand: '{predicate} ≥ {min}',
    targetMarker: 'target {value}',
    targetMarkerLegend: '▏ line = target {value}',
    pointsExact: 'Exact value: {value}',
    notAssessed: 'no index',
    planPointsTotal: 'Total points: {value}',
  },
  // comparisons and transition previews: their own file, to keep the catalogue easy to merge
  compare: compareEn,
  // short titles of the problem groups in the pane (src/taskpane/components/Problems.tsx); a code without one is 'other'
  problemTitles: {
    NO_TABLE: 'Assessment table not found',
    SHEET_NOT_FOUND: 'Sheet not found',
    COLUMN_NOT_FOUND: 'Column not found',
    FRAMEWORK_UNKNOWN: 'Unknown framework',
    FRAMEWORK_MISMATCH: 'Framework mismatch',
    NO_LEVEL_COLUMN: 'No level column',
    LEVEL_COLUMN_CHOSEN: 'Level column used',
    OTHER_TABLES: 'Other assessment tables',
    SHEET_TRUNCATED: 'Very long sheet',
    LEVEL_BLANK: 'Blank level',
    LEVEL_NOT_A_LEVEL: 'Not a level',
    LEVEL_ERROR_VALUE: 'Excel error value',
    LEVEL_OUT_OF_RANGE: 'Level out of range',
    LEVEL_FRACTIONAL: 'Fractional level',
    LEVEL_AMBIGUOUS: 'Ambiguous level',
    INDICATOR_MISSING: 'Missing indicator',
    INDICATOR_DUPLICATE_CONFLICT: 'Duplicate indicator, different levels',
    INDICATOR_DUPLICATE: 'Duplicate indicator',
    INDICATOR_UNKNOWN: 'Unknown indicator',
    ROWS_IGNORED: 'Rows ignored',
    WEIGHT_MISMATCH: 'Weight differs from the regulation',
    NAME_MISMATCH: 'Indicator name differs',
    EVIDENCE_MISSING: 'Missing evidence',
    TARGET_UNREADABLE: 'Unreadable target',
    other: 'Other problems',
  },
};
