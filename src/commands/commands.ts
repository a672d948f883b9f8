/**
 * The ribbon's one-click command ("Buat Sheet Gap" on the Home tab's SPBE group): reads the open
 * workbook, and when it has no errors writes the gap sheet with the default target (the next predicate up)
 * and activates it; when it has errors it opens the task pane on them instead, so the user sees what to fix.
 *
 * It runs in the shared runtime (the same page as the task pane and the custom functions), registered by
 * `registerCommands()` through src/excel/detect.ts's `officeCommands()` (the only code that touches the
 * `Office` global); nothing happens at import time.
 */
import type { WorkbookHost } from '../core/host';
import type { Lang } from '../core/types';
import type { OfficeCommandPort } from '../excel/detect';
import { defaultEngine, type Engine } from '../taskpane/engine';
import { DEFAULT_SETTINGS } from '../taskpane/controller';

/** The action id the manifest's "generate gap sheet" button names (<FunctionName>). */
export const GENERATE_GAP_ACTION = 'generateGapSheet';

export type CommandOutcome =
  | { readonly kind: 'written'; readonly sheetName: string; readonly replaced: boolean }
  /** The workbook has errors (or no table): the pane was opened on them. */
  | { readonly kind: 'pane'; readonly errors: number }
  /** Reading or writing failed: the pane was opened so the user sees why (`error` is what was thrown). */
  | { readonly kind: 'failed'; readonly message: string; readonly error: unknown };

export interface CommandDeps {
  readonly host: WorkbookHost;
  /** Opens the task pane (Office.addin.showAsTaskpane, through src/excel/detect.ts). */
  readonly showTaskpane: () => Promise<void>;
  readonly lang?: Lang;
  readonly engine?: Engine;
  /** Told after the command wrote or failed, e.g. so an open pane re-reads the workbook. */
  readonly notify?: (outcome: CommandOutcome) => void;
}

/** The command itself, independent of Office (tested with a fake host). Never throws. */
export async function generateGapSheet(deps: CommandDeps): Promise<CommandOutcome> {
  const engine = deps.engine ?? defaultEngine;
  const settings = { ...DEFAULT_SETTINGS, lang: deps.lang ?? DEFAULT_SETTINGS.lang };
  let outcome: CommandOutcome;
  try {
    const grids = await deps.host.readGrids();
    const assessment = engine.assess(grids, settings);
    const errors = assessment.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0 || !assessment.scores) {
      outcome = { kind: 'pane', errors: Math.max(errors, 1) };
    } else {
      const model = engine.gapSheet(assessment, settings);
      const result = await deps.host.writeSheet(model);
      outcome = { kind: 'written', sheetName: result.sheetName, replaced: result.replaced };
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
 * Registers the ribbon command with Office (shared runtime) through the port src/excel/detect.ts makes
 * of the `Office` global (`officeCommands()`); null (no Office actions API) registers nothing.
 * `createHost` makes the Excel host when the button is clicked; `notify` hears the outcome (the pane
 * uses it to re-read and show what happened).
 */
export function registerCommands(
  office: OfficeCommandPort | null,
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
