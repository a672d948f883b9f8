#!/usr/bin/env node
'use strict';
/**
 * `npm start` / `npm stop`: sideload the add-in into Excel desktop and start the dev server
 * (Microsoft's office-addin-debugging), or remove it again.
 *
 * office-addin-debugging is an OPTIONAL dependency: on Linux it cannot install (it pulls keytar, a
 * native module that needs libsecret there), and npm skips a failed optional dependency, so `npm ci`
 * still succeeds on a fresh Linux machine while Windows and macOS users get it. Excel desktop does
 * not exist on Linux anyway: there this script says so and what to do instead (Excel on the web).
 *
 *   node scripts/office-start.js start [desktop|web] [extra office-addin-debugging options]
 *   node scripts/office-start.js stop
 */
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.resolve(__dirname, '..');
const MANIFEST = 'manifest.xml';

const LINUX_START = `Excel desktop is not available on Linux, so \`npm start\` cannot sideload the add-in here.

Use Excel on the web instead:
  1. npm run dev-server      serves https://localhost:3000 with Office dev certificates
                             (or deploy \`ADDIN_URL=https://your.host npm run build\` and use dist/manifest.xml)
     Open https://localhost:3000/taskpane.html once in that browser: if it warns about the certificate,
     import ~/.office-addin-dev-certs/ca.crt as a trusted authority (valid 30 days; see README.md).
  2. Open a workbook in Excel on the web (https://www.office.com), then
     Home > Add-ins > More Add-ins > Upload My Add-in (older menus: Insert > Add-ins > Upload My Add-in)
     and choose ${MANIFEST} from this folder.
  3. The SPBE group appears on the Home tab; type =SPBE.INDEX( in a cell to use the functions.

Without Excel at all, open https://localhost:3000/taskpane.html in a browser: the pane works on an
.xlsx file you choose (nothing is uploaded), and \`npx spbe index FILE.xlsx\` works on the command line.
Details: README.md, "Sideloading".`;

const LINUX_STOP = `Nothing to stop: \`npm start\` does not sideload on Linux. Stop \`npm run dev-server\` with Ctrl+C;
in Excel on the web, remove the add-in under Home > Add-ins > My Add-ins (or close the workbook).`;

const MISSING = `office-addin-debugging is not installed (it is an optional dependency and its install failed,
or it was skipped). Install it with:
  npm install --no-save office-addin-debugging@7.0.0
then run npm start again. Or sideload by hand: README.md, "Sideloading".`;

/** What to do for a command on a platform; pure, so it can be tested. */
function decide(command, platform, debuggingCli) {
  if (command !== 'start' && command !== 'stop') {
    return { kind: 'usage', exitCode: 1, message: 'usage: node scripts/office-start.js start [desktop|web] | stop' };
  }
  if (platform === 'linux') {
    return command === 'start' ? { kind: 'explain', exitCode: 1, message: LINUX_START } : { kind: 'explain', exitCode: 0, message: LINUX_STOP };
  }
  if (!debuggingCli) return { kind: 'explain', exitCode: 1, message: MISSING };
  return { kind: 'run', exitCode: 0, cli: debuggingCli };
}

/** The office-addin-debugging CLI script, or null when it is not installed. */
function findDebuggingCli() {
  try {
    const pkgFile = require.resolve('office-addin-debugging/package.json', { paths: [ROOT] });
    const pkg = require(pkgFile);
    const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin && (pkg.bin['office-addin-debugging'] || Object.values(pkg.bin)[0]);
    return bin ? path.join(path.dirname(pkgFile), bin) : null;
  } catch {
    return null;
  }
}

function main(argv) {
  const [command, ...rest] = argv;
  const plan = decide(command, process.platform, command === 'start' || command === 'stop' ? findDebuggingCli() : null);
  if (plan.kind !== 'run') {
    (plan.exitCode === 0 ? console.log : console.error)(plan.message);
    return plan.exitCode;
  }
  const args =
    command === 'start'
      ? ['start', MANIFEST, ...(rest.length && !rest[0].startsWith('-') ? [] : ['desktop']), ...rest, ...(rest.includes('--app') ? [] : ['--app', 'excel'])]
      : ['stop', MANIFEST, ...rest];
  const r = spawnSync(process.execPath, [plan.cli, ...args], { cwd: ROOT, stdio: 'inherit' });
  return r.status === null ? 1 : r.status;
}

module.exports = { decide, findDebuggingCli, LINUX_START, LINUX_STOP };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
