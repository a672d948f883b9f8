/**
 * functions.json as the build makes it (scripts/functions-metadata.js, from the declarations of
 * src/functions/declarations.ts), checked against a committed expectation: ids, names, parameter types,
 * optional flags and result dimensionality. Saved workbooks store the ids and names, so a refactor must not
 * change them silently. To change a function on purpose, update
 * test/functions/functions-metadata.expected.json in the same commit (never rename an id). The README's
 * function table is made from the same declarations (`npm run docs`) and checked here.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildFunctionsMetadata, readmeTable, readmeWithTable, type FunctionMetadata, type FunctionsMetadata } from '../../scripts/functions-metadata';
import { FUNCTIONS } from '../../src/functions/declarations';
import { FRAMEWORKS } from '../../src/core/frameworks';
import { CUSTOM_FUNCTIONS } from '../../src/functions/functions';

interface Expected {
  namespace: string;
  functions: Array<{
    id: string;
    name: string;
    result: { type: string; dimensionality: string };
    parameters: Array<{ name: string; type: string; dimensionality: string; optional: boolean }>;
  }>;
}

const expected = JSON.parse(fs.readFileSync(path.join(__dirname, 'functions-metadata.expected.json'), 'utf8')) as Expected;

function shape(f: FunctionMetadata) {
  return {
    id: f.id,
    name: f.name,
    result: { type: f.result.type ?? 'any', dimensionality: f.result.dimensionality ?? 'scalar' },
    parameters: f.parameters.map((p) => ({
      name: p.name,
      type: p.type ?? 'any',
      dimensionality: p.dimensionality ?? 'scalar',
      optional: p.optional === true,
    })),
  };
}

let en: FunctionsMetadata;
let id: FunctionsMetadata;
let associate: Array<{ functionName: string; id: string }>;

beforeAll(async () => {
  const r = await buildFunctionsMetadata();
  expect(r.errors).toEqual([]);
  en = r.en as FunctionsMetadata;
  id = r.id as FunctionsMetadata;
  associate = r.associate;
}, 60000);

test('functions.json matches the committed expectation (ids, names, types, optional flags, dimensionality)', () => {
  expect(en.functions.map(shape)).toEqual(expected.functions);
});

test('the ids are the nine SPBE functions, each name equal to its id', () => {
  expect(en.functions.map((f) => f.id)).toEqual(['INDEX', 'ASPECT', 'DOMAIN', 'PREDICATE', 'WEIGHT', 'LEVEL', 'UPLIFT', 'PLAN', 'CHECK']);
  for (const f of en.functions) expect(f.name).toBe(f.id);
});

test('ranges are matrices; only PLAN spills; nothing is volatile, streaming or cancelable', () => {
  for (const f of en.functions) {
    expect(f.result.dimensionality ?? 'scalar').toBe(f.id === 'PLAN' ? 'matrix' : 'scalar');
    for (const p of f.parameters) expect(p.dimensionality ?? 'scalar').toBe(p.name === 'values' ? 'matrix' : 'scalar');
    expect(f.options).toBeUndefined();
  }
});

test('error cells in a range reach the functions (allowErrorForDataTypeAny), so they can name the position', () => {
  expect(en.allowErrorForDataTypeAny).toBe(true);
});

test('the functions registered at run time are exactly those of the metadata, by the same functions', () => {
  expect(Object.keys(CUSTOM_FUNCTIONS).sort()).toEqual(en.functions.map((f) => f.id).sort());
  for (const a of associate) expect((CUSTOM_FUNCTIONS[a.id] as { name: string }).name).toBe(a.functionName);
});

test('every function and parameter is described, in English and in Indonesian', () => {
  for (const f of en.functions) {
    expect(f.description && f.description.length).toBeGreaterThan(10);
    for (const p of f.parameters) expect(p.description && p.description.length).toBeGreaterThan(5);
  }
  expect(id.functions.map(shape).map((f) => ({ ...f, parameters: f.parameters.map((p) => ({ ...p, name: '' })) }))).toEqual(
    en.functions.map(shape).map((f) => ({ ...f, parameters: f.parameters.map((p) => ({ ...p, name: '' })) })),
  );
  id.functions.forEach((f, i) => {
    expect(f.description).not.toBe(en.functions[i].description);
    f.parameters.forEach((p, j) => expect(p.description).not.toBe(en.functions[i].parameters[j].description));
  });
  const index = id.functions.find((f) => f.id === 'INDEX') as FunctionMetadata;
  expect(index.parameters.map((p) => p.name)).toEqual(['nilai', 'kerangka']);
  expect(index.description).toContain('presisi penuh');
});

test('the README\'s function table is the one the declarations make (npm run docs writes it)', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  expect(readmeWithTable(readme, readmeTable())).toBe(readme);
  for (const f of FUNCTIONS) expect(readme).toContain(`SPBE.${f.id}(`);
});

test('texts that name frameworks are filled from the framework data, in both languages', () => {
  const values = en.functions[0].parameters[0].description as string;
  for (const fw of FRAMEWORKS) expect(values).toContain(String(fw.indicators.length));
  const framework = id.functions[0].parameters[1].description as string;
  for (const fw of FRAMEWORKS) expect(framework).toContain(fw.id);
  for (const m of [en, id]) for (const f of m.functions) expect(JSON.stringify(f)).not.toMatch(/\{\w+\}/);
});

test('each declaration\'s implementation takes its declared parameters, then the language', () => {
  for (const f of FUNCTIONS) expect({ id: f.id, arity: f.run.length }).toEqual({ id: f.id, arity: f.parameters.length });
});
