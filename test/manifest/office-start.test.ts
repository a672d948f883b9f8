/**
 * `npm start` / `npm stop` (scripts/office-start.js): Excel desktop through office-addin-debugging on
 * Windows and macOS; on Linux a plain explanation of the Excel-on-the-web route. And the dependency
 * arrangement that keeps `npm ci` working on a fresh Linux machine.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { decide } from '../../scripts/office-start';

const ROOT = path.resolve(__dirname, '..', '..');

test('Linux: start explains Excel on the web (upload the manifest) and exits 1; stop has nothing to do', () => {
  const start = decide('start', 'linux', null);
  expect(start).toMatchObject({ kind: 'explain', exitCode: 1 });
  const text = (start as { message: string }).message;
  expect(text).toContain('Excel desktop is not available on Linux');
  expect(text).toContain('Upload My Add-in');
  expect(text).toContain('npm run dev-server');
  expect(text).toContain('manifest.xml');
  // even when the debugging tool happens to be installed, Linux has no Excel desktop
  expect(decide('start', 'linux', '/x/cli.js')).toMatchObject({ kind: 'explain', exitCode: 1 });
  expect(decide('stop', 'linux', null)).toMatchObject({ kind: 'explain', exitCode: 0 });
});

test('Windows and macOS: runs office-addin-debugging, or says how to install it when it is missing', () => {
  expect(decide('start', 'win32', 'C:/n/cli.js')).toEqual({ kind: 'run', exitCode: 0, cli: 'C:/n/cli.js' });
  expect(decide('stop', 'darwin', '/n/cli.js')).toEqual({ kind: 'run', exitCode: 0, cli: '/n/cli.js' });
  const missing = decide('start', 'darwin', null);
  expect(missing).toMatchObject({ kind: 'explain', exitCode: 1 });
  expect((missing as { message: string }).message).toContain('npm install --no-save office-addin-debugging@7.0.0');
  expect(decide('launch', 'win32', null)).toMatchObject({ kind: 'usage', exitCode: 1 });
});

test('the script itself, run on this machine, never crashes', () => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'office-start.js'), 'start'], { encoding: 'utf8', timeout: 20000 });
  if (process.platform === 'linux') {
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Excel on the web');
  }
  const stop = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'office-start.js'), 'stop'], { encoding: 'utf8', timeout: 20000 });
  if (process.platform === 'linux') expect(stop.status).toBe(0);
});

test('office-addin-debugging is an optional dependency (a failed native build cannot fail `npm ci`)', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  expect(pkg.optionalDependencies['office-addin-debugging']).toMatch(/^\d+\.\d+\.\d+$/);
  expect(pkg.dependencies?.['office-addin-debugging']).toBeUndefined();
  expect(pkg.devDependencies?.['office-addin-debugging']).toBeUndefined();
  for (const s of ['build', 'build:dev', 'dev-server', 'watch', 'start', 'stop', 'validate', 'lint']) expect(typeof pkg.scripts[s]).toBe('string');
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8'));
  expect(lock.packages['node_modules/office-addin-debugging'].optional).toBe(true);
});
