/**
 * `spbe gap FILE [--target X | --target-predicate P | --target-level N] [--max-raise N] [--strategy fewest|balanced]
 * [--lock 12,31] [--out OUT] [--in-place] [--json]` plus the options of `spbe index` (--sheet --framework --column
 * --predicate-basis --lang). The plan's options are parsed once for every entry point (src/app/plan-options.ts).
 *
 * When the workbook holds a gap sheet written earlier, what the team typed into it (Target, Kunci/Lock, owner,
 * deadline, evidence status and link: src/core/team-columns.ts) is carried over into the new sheet, and its
 * targets and locks feed the plan; the output says how many rows were carried over.
 *
 * Reads the workbook's bytes once (src/xlsx/ooxml: the reader made for our job, no exceljs), assesses them, plans the gap (src/core/planner.ts), builds the gap sheet
 * (src/core/gap-sheet.ts), adds it to the ORIGINAL bytes as Excel adds a sheet (src/xlsx/package: every other
 * part of the file stays byte-identical; a .xlsm keeps its macros) and writes the result to OUT (default
 * `<name>-gap.xlsx`, or `-gap.xlsm` for a .xlsm, beside the input) through a temporary file and a rename, so
 * the output appears whole or not at all. The input is never modified, except with --in-place, which
 * replaces it the same atomic way.
 *
 * Exit code: 0 written; 2 the workbook has errors (the issues are printed, nothing is written); 1 the file
 * cannot be opened, bad usage, or the output could not be written.
 *
 * `--json` prints the `spbe index --json` object plus "target", "targetMode", "targetPredicate",
 * "reachable", "reason", "steps", "planned", "maxRaise", "cycles", "roadmap": [{ cycle, steps, raised, index, indexRounded,
 * predicate }], "strategy" ("fewest" | "balanced"), "locks", "plan": [{ no, key, from, to, steps, uplift, rank, cycle }],
 * "teamEntries" (rows of the team's entries carried over), "out", "gapSheet", "replaced" (the name of the earlier sheet
 * of ours that was replaced, a renamed one included, or null).
 *
 * --out must end in the input's own extension (.xlsx, or .xlsm for a macro-enabled package), must not be a
 * folder, device, FIFO or socket, the input (by any link) or read-only (src/cli/out-file.ts): usage errors, exit 1.
 * --in-place through a symbolic link replaces the real workbook and keeps the link. A workbook whose structure is
 * protected gets no sheet (WORKBOOK_STRUCTURE_LOCKED, exit 1, nothing written).
 */
import * as path from 'path';
import type { Lang } from '../core/types';
import type { Io } from './output';
import { formatSummary } from './output';
import { parseCommandArgs } from './args';
import type { OptionSpec } from './args';
import { text, type Catalogue } from '../core/i18n';
import { reportStatus, toIndexReport, toUnreadableReport } from '../core/report';
import type { IndexReport } from '../core/report';
import { evidenceNeeded, levelName, parseTargetIndex, planRoadmap, planSteps } from '../core/planner';
import type { TargetRequest, GapPlan } from '../core/planner';
import { gapSheetFor, isoDate, openAssessment, planFor, withTeamEntries } from '../app/assessment';
import { parsePlanOptions, strategyName } from '../app/plan-options';
import { evidenceOf, NO_TEAM, teamColumnsOf, type TeamColumns } from '../core/team-columns';
import type { Assessment } from '../core/types';
import { toFixed, toNumber, toRoundedNumber } from '../core/rational';
import { isWorkbookReadError } from '../xlsx/errors';
import { readFileBytes } from '../xlsx/read-file';
import { readMarkedSheetGrid, readWorkbookGridsSync } from '../xlsx/ooxml/read-workbook';
import { defaultOutPath } from './out-file';
import { writeSheetCopy } from './sheet-output';
import type { AtomicWriteOptions } from '../xlsx/write-file';

export const GAP_OPTIONS: ReadonlyArray<OptionSpec> = [
  { name: 'target', value: true },
  { name: 'target-predicate', value: true },
  { name: 'target-level', value: true },
  { name: 'max-raise', value: true },
  { name: 'strategy', value: true },
  { name: 'lock', value: true },
  { name: 'out', value: true },
  { name: 'in-place' },
];

/** Seams for tests: the clock (the sheet's date) and the temporary-file writer (to fail half-way). */
export interface GapDeps {
  readonly now?: () => Date;
  readonly writeTemp?: AtomicWriteOptions['writeTemp'];
}

function g(lang: Lang, key: keyof Catalogue['gap'], params?: Record<string, string | number>): string {
  return text(lang, 'gap', key, params);
}

function fail(io: Io, lang: Lang, message: string): number {
  io.err(`spbe: ${message}\n${text(lang, 'cli', 'seeHelp', { command: 'gap' })}\n`);
  return 1;
}

export { defaultOutPath };

export async function runGap(argv: ReadonlyArray<string>, io: Io, deps: GapDeps = {}): Promise<number> {
  const parsed = parseCommandArgs(argv, GAP_OPTIONS);
  if (!parsed.ok) return fail(io, parsed.lang, parsed.message);
  const { common, options, positional } = parsed;
  const lang = common.lang;
  if (common.help) {
    io.out(g(lang, 'cliUsage') + '\n\n' + g(lang, 'cliOptionsUsage') + '\n');
    return 0;
  }
  if (positional.length !== 1) return fail(io, lang, g(lang, 'cliOneFile'));
  const file = positional[0];

  // The target request.
  const given = ['target', 'target-predicate', 'target-level'].filter((k) => options[k] !== undefined);
  if (given.length > 1) return fail(io, lang, g(lang, 'cliTargetConflict'));
  let request: TargetRequest | null = null;
  if (typeof options.target === 'string') {
    const v = parseTargetIndex(options.target);
    if (!v) return fail(io, lang, g(lang, 'cliBadTarget', { value: options.target }));
    request = { mode: 'index', value: v };
  } else if (typeof options['target-predicate'] === 'string') {
    request = { mode: 'predicate', name: options['target-predicate'] };
  } else if (typeof options['target-level'] === 'string') {
    const t = options['target-level'].trim();
    if (!/^\d+$/.test(t)) return fail(io, lang, g(lang, 'cliBadLevel', { value: t }));
    request = { mode: 'level', level: Number(t) };
  }
  const str = (k: string): string | undefined => (typeof options[k] === 'string' ? (options[k] as string) : undefined);
  const planOptions = parsePlanOptions({ maxRaise: str('max-raise'), strategy: str('strategy'), lock: str('lock') });
  if (!planOptions.ok) return fail(io, lang, planOptions.message[lang]);
  const inPlace = options['in-place'] === true;
  if (inPlace && typeof options.out === 'string') return fail(io, lang, g(lang, 'cliOutConflict'));
  const outGiven = typeof options.out === 'string' ? options.out : null;
  if (!inPlace && outGiven !== null && path.resolve(outGiven) === path.resolve(file)) return fail(io, lang, g(lang, 'cliOutIsInput'));

  // Read and assess (once).
  let bytes: Uint8Array;
  let assessment: Assessment;
  let team: TeamColumns = NO_TEAM;
  try {
    bytes = await readFileBytes(file);
    // The grids leave out a gap sheet written by an earlier run: an output, never the assessment.
    const grids = readWorkbookGridsSync(bytes);
    assessment = openAssessment(grids, { sheet: common.sheet, framework: common.framework, column: common.column, basis: common.basis, context: 'command' });
    // What the team typed into the earlier gap sheet (which this run replaces) is carried over.
    team = teamColumnsOf(readMarkedSheetGrid(bytes));
  } catch (e) {
    if (!isWorkbookReadError(e)) throw e;
    const report = toUnreadableReport(file, e.reason, lang);
    if (common.json) io.out(JSON.stringify(report) + '\n');
    else io.err(`${report.file}\n  ${report.error}\n`);
    return 1;
  }
  const report: IndexReport = toIndexReport(file, assessment, lang);
  const fw = assessment.framework;
  if (reportStatus(report) !== 0 || !fw || !assessment.scores) {
    if (common.json) io.out(JSON.stringify({ ...report, out: null, gapSheet: null }) + '\n');
    else io.out(formatSummary(report, assessment, lang, common.basis));
    io.err(`spbe: ${g(lang, 'cliNoIndex')}\n`);
    return 2;
  }

  // Without a goal option: the application's default goal (the sheet's Target column, else the next predicate).
  const planned = withTeamEntries(assessment, team);
  const outcome = planFor(planned, request, { basis: common.basis, ...planOptions.choices, team });
  if (outcome.kind === 'invalid') return fail(io, lang, outcome.problem.message[lang]);
  if (outcome.kind !== 'plan') return fail(io, lang, g(lang, 'cliNoIndex'));
  const plan = outcome.plan;

  const model = gapSheetFor(planned, plan, {
    lang,
    team,
    date: isoDate((deps.now ?? (() => new Date()))()),
    sourceFile: path.basename(file),
  });
  // Where to write: --out (checked: the input's own extension by the package's kind, a writable file that
  // is not the input), the default beside the input, or the input itself (through its links) with --in-place.
  const output = await writeSheetCopy(bytes, model, { inputs: [file], out: outGiven ?? null, inPlace, lang, writeTemp: deps.writeTemp });
  if (!output.ok) {
    const failure = output.failure;
    if (failure.kind === 'usage') return fail(io, lang, failure.message);
    if (failure.kind === 'damaged') {
      const report = toUnreadableReport(file, 'damaged', lang);
      if (common.json) io.out(JSON.stringify({ ...report, out: null, gapSheet: null }) + '\n');
      io.err(`spbe: ${report.error} (${failure.detail})\n`);
      return 1;
    }
    // a refused sheet (e.g. WORKBOOK_STRUCTURE_LOCKED) or a failed write: nothing is written, the file is untouched.
    // --json callers read stdout: they get a line for this file too, as for an unreadable one.
    const code = failure.kind === 'refused' ? { code: failure.problem.code } : {};
    if (common.json) io.out(JSON.stringify({ file, error: failure.message, ...code, out: null, gapSheet: null }) + '\n');
    io.err(`spbe: ${failure.message}\n`);
    return 1;
  }
  const { out, written } = output;

  if (common.json) {
    io.out(JSON.stringify(gapJson(report, plan, out, written.sheetName, lang, team.count, written.replaced)) + '\n');
  } else {
    io.out(formatSummary(report, assessment, lang, common.basis));
    io.out(gapText(plan, lang, planned, team) + '\n');
    if (team.count > 0) io.out(g(lang, 'cliTeam', { count: team.count }) + '\n');
    io.out(g(lang, 'cliWrote', { sheet: written.sheetName, file: out }) + '\n');
    if (written.replaced) io.out(g(lang, 'cliReplaced', { sheet: written.replaced }) + '\n');
  }
  return 0;
}

/** The JSON object of `spbe gap --json`: the index object plus the plan; "replaced" names the earlier sheet of ours that was replaced (null when none). */
export function gapJson(report: IndexReport, plan: GapPlan, out: string, sheet: string, lang: Lang, teamEntries = 0, replaced: string | null = null): Record<string, unknown> {
  return {
    ...report,
    target: toNumber(plan.goal),
    targetMode: plan.mode,
    targetPredicate: plan.goalPredicate,
    reachable: plan.reachable,
    reason: plan.reason ? { code: plan.reason.code, message: plan.reason.message[lang] } : null,
    steps: plan.steps,
    planned: toNumber(plan.planned),
    plannedRounded: toRoundedNumber(plan.planned, 2),
    plannedPredicate: plan.plannedPredicate,
    pointsNeeded: toNumber(plan.pointsNeeded),
    maxRaise: plan.maxRaise,
    cycles: plan.cycles,
    strategy: strategyName(plan.strategy),
    locks: plan.locks,
    roadmap: planRoadmap(plan),
    plan: planSteps(plan),
    teamEntries,
    out,
    gapSheet: sheet,
    replaced,
  };
}

function gapText(plan: GapPlan, lang: Lang, assessment: Assessment, team: TeamColumns): string {
  const sep = lang === 'id' ? ',' : '.';
  const f2 = (r: Parameters<typeof toFixed>[0]) => toFixed(r, 2, sep);
  const lines = [
    g(lang, 'cliGoal', { goal: f2(plan.goal), predicate: plan.goalPredicate }),
  ];
  if (!plan.reachable && plan.reason) {
    lines.push(g(lang, 'cliUnreachable', { reason: plan.reason.message[lang] }));
    return lines.join('\n');
  }
  const steps = planSteps(plan);
  if (steps.length === 0) {
    lines.push(g(lang, 'cliNothing'));
    return lines.join('\n');
  }
  const strategy = g(lang, plan.strategy === 'balanced' ? 'strategyBalanced' : 'strategyFewest');
  lines.push(g(lang, 'cliCycles', { cycles: plan.cycles, max: plan.maxRaise, strategy }));
  if (plan.locks.length > 0) lines.push(g(lang, 'cliLocks', { locks: plan.locks.join(', ') }));
  lines.push(g(lang, 'cliSteps', { steps: plan.steps }));
  const num = (x: number) => (lang === 'id' ? String(x).replace('.', ',') : String(x));
  const fw = plan.framework;
  // a level with its name: "2 · Terkelola"
  const level = (no: number, x: number) => {
    const name = levelName(fw, no, x);
    return name ? `${num(x)} · ${name}` : num(x);
  };
  const byKey = new Map(plan.indicators.map((gp) => [gp.key, gp]));
  const entryByKey = new Map(assessment.entries.map((e) => [e.key, e]));
  // "needs accepted evidence for level N − 1" beside a step whose current level has no evidence in the sheet
  const evidence = (key: string, cycle: number): string => {
    const gp = byKey.get(key);
    const entry = entryByKey.get(key);
    const raise = gp?.raises.find((r) => r.cycle === cycle);
    if (!gp || !entry || !raise) return '';
    const needs = evidenceNeeded({ level: entry.level, evidence: evidenceOf(entry, team.entries.get(key)) }, raise);
    return needs === null ? '' : g(lang, 'cliEvidence', { level: needs });
  };
  for (const [k, s] of steps.entries()) {
    // A roadmap (more than one evaluation cycle): each cycle under its own heading, with the index it reaches.
    const cycle = plan.cycles > 1 && (k === 0 || steps[k - 1].cycle !== s.cycle) ? plan.roadmap[s.cycle - 1] : null;
    if (cycle) lines.push(g(lang, 'cliCycle', { cycle: cycle.cycle, steps: cycle.steps, index: f2(cycle.index), predicate: cycle.predicate }));
    const no = byKey.get(s.key)?.no ?? 0;
    lines.push(g(lang, 'cliStep', { rank: s.rank, no: s.key, from: level(no, s.from), to: level(no, s.to), uplift: num(Number(s.uplift.toFixed(6))) }) + evidence(s.key, s.cycle));
  }
  lines.push(g(lang, 'cliPlanned', { index: f2(plan.planned), predicate: plan.plannedPredicate }));
  return lines.join('\n');
}

