/**
 * The Office-facing layer of the custom functions (src/functions/functions.ts): importing it touches
 * no Office global; registration associates every id only when the custom-functions runtime is
 * there; a tagged error becomes a CustomFunctions.Error with the right code and message; the
 * messages follow Excel's display language.
 */
import * as fns from '../../src/functions/functions';

type FakeError = { code: string; message?: string };

interface FakeRuntime {
  associated: Map<string, unknown>;
}

function installFakeRuntime(): FakeRuntime {
  const associated = new Map<string, unknown>();
  class FakeCustomFunctionsError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
    associate: (id: string, fn: unknown) => associated.set(id, fn),
  };
  return { associated };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).CustomFunctions;
  delete (globalThis as Record<string, unknown>).Office;
  fns.setFunctionsLanguage('id-ID');
});

const ACEH = [2, 2, 4, 1, 3, 3, 2, 2, 1, 3, 1, 1, 1, 1, 1, 1, 3, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 4, 4, 4, 2, 4, 4, 4, 4, 3, 3, 4, 4, 4].map((v) => [v]);

test('importing the module touched no Office global, and without a runtime nothing is registered', () => {
  expect((globalThis as Record<string, unknown>).CustomFunctions).toBeUndefined();
  expect(fns.registerCustomFunctions()).toBe(false);
  expect(() => fns.followOfficeLanguage()).not.toThrow();
});

test('registration associates exactly the nine ids with their functions', () => {
  const rt = installFakeRuntime();
  expect(fns.registerCustomFunctions()).toBe(true);
  expect([...rt.associated.keys()].sort()).toEqual(['ASPECT', 'CHECK', 'DOMAIN', 'INDEX', 'LEVEL', 'PLAN', 'PREDICATE', 'UPLIFT', 'WEIGHT']);
  expect(rt.associated.get('INDEX')).toBe(fns.index);
  expect(rt.associated.get('PLAN')).toBe(fns.plan);
});

test('registration that throws (office.js outside a host) is reported as not registered', () => {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    associate: () => {
      throw new Error('no runtime');
    },
  };
  expect(fns.registerCustomFunctions()).toBe(false);
});

test('values come back as plain values; errors as CustomFunctions.Error with code and message', () => {
  installFakeRuntime();
  expect(fns.index(ACEH)).toBeCloseTo(2.594, 12);
  expect(fns.predicate(2.594)).toBe('Cukup');
  expect(fns.weight(1)).toBe(1.3);
  expect(fns.level('Tingkat III')).toBe(3);
  expect(fns.check(ACEH)).toBe('OK');
  expect(fns.plan(ACEH, 'Baik')).toEqual([
    ['Indikator', 'Dari', 'Ke', 'Poin'],
    [4, 1, 2, 0.013],
  ]);

  const bad: unknown[][] = ACEH.map((r) => [...r]);
  bad[11] = ['belum'];
  const e = fns.index(bad) as unknown as FakeError;
  expect(e.code).toBe('#VALUE!');
  expect(e.message).toContain('Nilai ke-12 (indikator 12)');
  // a number out of range is #VALUE! with its message (Excel would drop a message given with #NUM!)
  const aspect9 = fns.aspect(ACEH, 9) as unknown as FakeError;
  expect(aspect9.code).toBe('#VALUE!');
  expect(aspect9.message).toContain('9');
  const blank = ACEH.map((r) => [...r]);
  blank[0] = [null as unknown as number];
  expect((fns.index(blank) as unknown as FakeError).code).toBe('#N/A');
  // CHECK never returns an error value
  expect(fns.check(bad)).toBe(e.message);
});

test('messages follow the display language: Indonesian for id-*, English for any other language', () => {
  installFakeRuntime();
  const bad = [...ACEH.slice(0, 10)];
  expect(fns.setFunctionsLanguage('en-US')).toBe('en');
  expect(fns.check(bad)).toContain('The range holds 10 values');
  expect((fns.plan(ACEH, 'Baik') as unknown[][])[0]).toEqual(['Indicator', 'From', 'To', 'Points']);
  expect(fns.setFunctionsLanguage('id-ID')).toBe('id');
  expect(fns.check(bad)).toContain('Rentang berisi 10 nilai');
  // an Excel in French (or any language that is neither): English, not Indonesian
  expect(fns.setFunctionsLanguage('fr-FR')).toBe('en');
  expect(fns.check(bad)).toContain('The range holds 10 values');
  expect(fns.setFunctionsLanguage(undefined)).toBe('id');
});

test('followOfficeLanguage reads Office.context.displayLanguage once Office is ready', async () => {
  let ready: (() => void) | null = null;
  (globalThis as Record<string, unknown>).Office = {
    onReady: (cb: () => void) => {
      ready = cb;
      return Promise.resolve();
    },
    context: { displayLanguage: 'en-GB' },
  };
  fns.followOfficeLanguage();
  expect(fns.functionsLanguage()).toBe('id');
  (ready as unknown as () => void)();
  expect(fns.functionsLanguage()).toBe('en');
});
