/**
 * The ribbon's entry (webpack entry "commands"): the one-click "Buat Sheet Gap" command. Its workflow is
 * the application layer's (src/app/ribbon.ts: open the assessment, plan the default goal, write the gap
 * sheet, or open the pane on the errors), the same the command line and the pane use; this module only
 * names it for the shared runtime. Nothing happens at import time.
 */
export { GENERATE_GAP_ACTION, generateGapSheet, registerCommands } from '../app/ribbon';
export type { CommandDeps, CommandOutcome, CommandPort } from '../app/ribbon';
