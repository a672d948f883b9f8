/** Types of scripts/office-start.js. */
export type StartPlan =
  | { kind: 'usage' | 'explain'; exitCode: number; message: string }
  | { kind: 'run'; exitCode: number; cli: string };
export function decide(command: string | undefined, platform: string, debuggingCli: string | null): StartPlan;
export function findDebuggingCli(): string | null;
export const LINUX_START: string;
export const LINUX_STOP: string;
