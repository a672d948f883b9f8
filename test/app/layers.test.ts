/**
 * The layers, as docs/ARCHITECTURE.md draws them, checked on the imports of every source file:
 * - the entry points (the command src/cli, the pane src/taskpane, the ribbon src/commands, the custom
 *   functions src/functions) never import one another: what they share is the application layer
 *   (src/app) and the core;
 * - the command, the pane and the ribbon open assessments, plan and build gap sheets only through
 *   src/app (no direct use of the core's assess, planGap or buildGapSheet);
 * - src/app imports only the core (no entry point, no adapter);
 * - src/core imports nothing outside src/core (no Node, DOM, Office or exceljs).
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.join(__dirname, '..', '..', 'src');
const ENTRY_POINTS = ['cli', 'taskpane', 'commands', 'functions'];
/** Core modules that only the application layer calls for the workflow. */
const WORKFLOW = ['core/assess', 'core/gap-sheet'];
const WORKFLOW_NAMES = /\b(assess|planGap|buildGapSheet)\b/;

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface Import {
  readonly from: string;
  /** Resolved path relative to src/, without extension; or the package name. */
  readonly target: string;
  readonly names: string;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: Import[] = [];
  const re = /(?:import|export)\s+(?:type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = m[2] ?? m[3] ?? m[4];
    const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)).replace(/\\/g, '/') : spec;
    out.push({ from: path.relative(SRC, file).replace(/\\/g, '/'), target, names: m[1] ?? '' });
  }
  return out;
}

const all = sources(SRC).flatMap(importsOf);
const layerOf = (p: string): string => p.split('/')[0];

test('the source tree has the layers this test knows', () => {
  const layers = new Set(sources(SRC).map((f) => layerOf(path.relative(SRC, f))));
  expect([...layers].sort()).toEqual(['app', 'cli', 'commands', 'core', 'excel', 'functions', 'taskpane', 'xlsx']);
});

test('no entry point imports another', () => {
  const crossing = all.filter((i) => ENTRY_POINTS.includes(layerOf(i.from)) && ENTRY_POINTS.includes(layerOf(i.target)) && layerOf(i.target) !== layerOf(i.from));
  expect(crossing.map((i) => `${i.from} → ${i.target}`)).toEqual([]);
});

test('the command, the pane and the ribbon open, plan and build gap sheets only through src/app', () => {
  const direct = all.filter(
    (i) =>
      ['cli', 'taskpane', 'commands'].includes(layerOf(i.from)) &&
      (WORKFLOW.includes(i.target) || (i.target === 'core/planner' && WORKFLOW_NAMES.test(i.names))),
  );
  expect(direct.map((i) => `${i.from} → ${i.target} (${i.names.trim()})`)).toEqual([]);
});

test('the application layer depends on the core only', () => {
  const bad = all.filter((i) => layerOf(i.from) === 'app' && !['app', 'core'].includes(layerOf(i.target)));
  expect(bad.map((i) => `${i.from} → ${i.target}`)).toEqual([]);
});

test('the core imports nothing outside the core', () => {
  const bad = all.filter((i) => layerOf(i.from) === 'core' && layerOf(i.target) !== 'core');
  expect(bad.map((i) => `${i.from} → ${i.target}`)).toEqual([]);
});

test('the guard sees imports (a self-check on a known one)', () => {
  expect(all.some((i) => i.from === 'commands/commands.ts' && i.target === 'app/ribbon')).toBe(true);
  expect(all.some((i) => i.from === 'cli/gap-command.ts' && i.target === 'app/assessment')).toBe(true);
});
