/**
 * The `spbe` command: `main(argv, io?)` runs one command line and resolves to the exit code
 * (bin/spbe.js sets process.exitCode from it). It never throws and never prints a stack trace
 * (set SPBE_DEBUG=1 to see one for an internal error).
 *
 *   spbe index ...   src/cli/index-command.ts
 *   spbe gap ...     src/cli/gap-command.ts (runGap), loaded only when asked for
 *   spbe --help | -h, spbe --version | -v
 */
import * as path from 'path';
import * as fs from 'fs';
import { text } from '../core/i18n';
import { detectLang } from './args';
import type { Io } from './output';
import { processIo } from './output';

export type { Io } from './output';
export { processIo, memoryIo } from './output';

function version(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

let pipeGuarded = false;
/** `spbe index ... | head` closes the pipe early: stop quietly instead of dying with an EPIPE stack trace. */
function guardBrokenPipe(): void {
  if (pipeGuarded) return;
  pipeGuarded = true;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export async function main(argv: ReadonlyArray<string>, io: Io = processIo): Promise<number> {
  const lang = detectLang(argv);
  try {
    if (io === processIo) guardBrokenPipe();
    const [command, ...rest] = argv;
    if (command === undefined) {
      io.err(text(lang, 'cli', 'usage') + '\n');
      return 1;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      if (command === 'help' && rest[0] && !rest[0].startsWith('-')) return await main([rest[0], '--help', ...rest.slice(1)], io);
      io.out(text(lang, 'cli', 'usage') + '\n');
      return 0;
    }
    if (command === '--version' || command === '-v' || command === 'version') {
      io.out(`spbe ${version()}\n`);
      return 0;
    }
    if (command === 'index') {
      const { runIndex } = await import(/* webpackMode: "eager" */ './index-command');
      return await runIndex(rest, io);
    }
    if (command === 'gap') {
      const { runGap } = await import(/* webpackChunkName: "gap" */ './gap-command');
      return await runGap(rest, io);
    }
    const message = command.startsWith('-') ? text(lang, 'cli', 'unknownOption', { option: command }) : text(lang, 'cli', 'unknownCommand', { command });
    io.err(`spbe: ${message}\n\n${text(lang, 'cli', 'usage')}\n`);
    return 1;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    io.err(`spbe: ${text(lang, 'cli', 'internalError', { message })}\n`);
    if (process.env.SPBE_DEBUG && e instanceof Error && e.stack) io.err(e.stack + '\n');
    return 1;
  }
}
