/**
 * The ribbon's one-click command ("Buat Sheet Gap" on the Home tab's SPBE group) as a workflow of the
 * application layer: read the open workbook, open the assessment as the pane does, and when it has no
 * errors plan the default goal (defaultTarget: the sheet's Target column, else the next predicate) and
 * write the gap sheet; when it has errors open the task pane on them instead, so the user sees what to fix.
 *
 * It runs in the shared runtime (the same page as the task pane and the custom functions). Office is
 * reached only through a port (src/excel/detect.ts's `officeCommands()` makes one of the `Office` global);
 * nothing happens at import time. src/commands/commands.ts is the ribbon's entry and re-exports this.
 */
import type { WorkbookHost } from '../core/host';
import type { Lang } from '../core/types';
import type { TeamColumns } from '../core/team-columns';

/** The workflow (reader, checks, planner, gap builder) is a lazy chunk: the page's first script only registers the button. */
const loadWorkflow = () => import(/* webpackChunkName: "pane-engine" */ './assessment');

/** The action id the manifest's "generate gap sheet" button names (<FunctionName>). */
export const GENERATE_GAP_ACTION = 'generateGapSheet';

export type CommandOutcome =
  /** `teamEntries`: rows of the team's entries carried over from the gap sheet it replaced. */
  | { readonly kind: 'written'; readonly sheetName: string; readonly replaced: boolean; readonly teamEntries: number }
  /** The workbook has errors (or no table): the pane was opened on them. */
  | { readonly kind: 'pane'; readonly errors: number }
  /** Reading or writing failed: the pane was opened so the user sees why (`error` is what was thrown). */
  | { readonly kind: 'failed'; readonly message: string; readonly error: unknown };

export interface CommandDeps {
  readonly host: WorkbookHost;
  /** Opens the task pane (Office.addin.showAsTaskpane, through src/excel/detect.ts). */
  readonly showTaskpane: () => Promise<void>;
  readonly lang?: Lang;
  /** Told after the command wrote or failed, e.g. so an open pane re-reads the workbook. */
  readonly notify?: (outcome: CommandOutcome) => void;
  /** Today, ISO "YYYY-MM-DD" (default: the local date). */
  readonly date?: string;
}

/** What the ribbon needs from Office: registering a command's handler, and opening the task pane. */
export interface CommandPort {
  associate(id: string, run: (done: () => void) => void): void;
  showTaskpane(): Promise<void>;
}

/** The command itself, independent of Office (tested with a fake host). Never throws. */
export async function generateGapSheet(deps: CommandDeps): Promise<CommandOutcome> {
  const lang: Lang = deps.lang ?? 'id';
  let outcome: CommandOutcome;
  try {
    const [grids, workflow] = await Promise.all([deps.host.readGrids(), loadWorkflow()]);
    const { gapSheetFor, openAssessment, planFor, withTeamEntries, teamColumnsOf } = workflow;
    const opened = openAssessment(grids, { context: 'pane' });
    // what the team typed into the earlier gap sheet: carried over, its targets and locks feed the plan
    let team: TeamColumns = { entries: new Map(), count: 0 };
    try {
      if (deps.host.readGapSheet) team = teamColumnsOf(await deps.host.readGapSheet());
    } catch {
      /* no earlier sheet to carry anything from */
    }
    const assessment = withTeamEntries(opened, team);
    const plan = planFor(assessment, null, { team });
    if (plan.kind === 'plan') {
      const result = await deps.host.writeSheet(gapSheetFor(assessment, plan.plan, { lang, date: deps.date, team }));
      outcome = { kind: 'written', sheetName: result.sheetName, replaced: result.replaced, teamEntries: team.count };
    } else {
      outcome = { kind: 'pane', errors: Math.max(assessment.problems.filter((p) => p.severity === 'error').length, 1) };
    }
  } catch (e) {
    outcome = { kind: 'failed', message: e instanceof Error ? e.message : String(e), error: e };
  }
  if (outcome.kind !== 'written') {
    try {
      await deps.showTaskpane();
    } catch {
      /* the pane could not be shown; nothing else to do from a ribbon button */
    }
  }
  deps.notify?.(outcome);
  return outcome;
}

/**
 * Registers the ribbon command with Office (shared runtime) through a port of the `Office` global
 * (src/excel/detect.ts `officeCommands()`); null (no Office actions API) registers nothing.
 * `createHost` makes the Excel host when the button is clicked; `notify` hears the outcome (the pane
 * uses it to re-read and show what happened).
 */
export function registerCommands(
  office: CommandPort | null,
  createHost: () => WorkbookHost,
  options: { readonly lang?: () => Lang; readonly notify?: (outcome: CommandOutcome) => void } = {},
): boolean {
  if (!office) return false;
  office.associate(GENERATE_GAP_ACTION, (done) => {
    void generateGapSheet({
      host: createHost(),
      showTaskpane: () => office.showTaskpane(),
      lang: options.lang?.(),
      notify: options.notify,
    }).finally(done);
  });
  return true;
}
