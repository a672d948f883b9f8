/**
 * A workbook with a thousand sheets (a province's regencies, one sheet each): it reads, every request
 * and response under Excel on the web's 5 MB limit, in a few syncs; while followed, a re-read and a
 * write are still one sync each.
 */
import { createFakeExcel } from './fake-excel';
import type { FakeExcel } from './fake-excel';
import { hostOn, sampleModel } from './fixtures';
import { manySheets } from './sync-bench';
import { GAP_SHEET_MARKER } from '../../src/core/gap-sheet';

// A thousand sheets through the strict fake: generous on a shared machine.
jest.setTimeout(120_000);

const LIMIT = 5 * 1024 * 1024;
const events = (): Promise<void> => new Promise((r) => setTimeout(r, 2));

const thousand = manySheets;

function expectWithinLimits(fake: FakeExcel): void {
  for (const s of fake.syncLog) {
    expect(s.failed).toBeNull();
    expect(s.requestBytes).toBeLessThanOrEqual(LIMIT);
    expect(s.responseBytes).toBeLessThanOrEqual(LIMIT);
  }
}

test('1,000 sheets read without a payload error, in a few syncs (the old one-shot request was 12 MB)', async () => {
  const fake = createFakeExcel(thousand(1_000, 8));
  const host = hostOn(fake);
  const grids = await host.readGrids();
  expect(grids).toHaveLength(1_000);
  expect(grids[0].values[5][3]).toBe(3);
  expect(grids[0].hiddenColumns).toEqual([7]);
  expect(grids[0].merges).toHaveLength(5);
  expect(grids[999].name).toBe('Unit 0999');
  expect(grids[999].values[7]).toEqual([8, 'Dinas Komunikasi dan Informatika 999', (999 + 7) % 5, 'catatan 7']);
  expectWithinLimits(fake);
  // the sheets, then their cells in budget-sized bands
  console.warn(`1,000 sheets, first read: ${host.stats.lastRead} syncs, largest request ${Math.max(...fake.syncLog.map((s) => s.requestBytes))} B`);
  expect(host.stats.lastRead).toBeLessThanOrEqual(4);
});

test('1,000 sheets while followed: subscribe 1, first read, then re-read after an edit 1, write 1', async () => {
  const fake = createFakeExcel(thousand(1_000, 8));
  const host = hostOn(fake);
  let calls = 0;
  const off = await host.onChange(() => calls++);
  expect(host.stats.lastSubscribe).toBe(1);
  await host.readGrids();
  const firstRead = host.stats.lastRead;
  expect(firstRead).toBeLessThanOrEqual(3);
  fake.resetSyncCount();
  fake.userEdit('Unit 0500', 'C3', 'diubah');
  await events();
  expect(calls).toBe(1);
  const grids = await host.readGrids();
  expect(host.stats.lastRead).toBe(1);
  expect(host.stats.lastReadSheets).toMatchObject({ patched: 1 });
  expect(grids[500].values[2][2]).toBe('diubah');
  fake.resetSyncCount();
  await host.writeSheet(sampleModel({ marker: GAP_SHEET_MARKER }));
  expect(host.stats.lastWrite).toBe(1);
  expectWithinLimits(fake);
  console.warn(`1,000 sheets followed: subscribe ${host.stats.lastSubscribe}, first read ${firstRead}, re-read 1, write ${host.stats.lastWrite}`);
  off();
});

test('1,000 sheets holding more than two 5 MB responses: read in budget-sized bands, and re-read with no refused sync', async () => {
  const fake = createFakeExcel(thousand(1_000, 60, 'Dinas Komunikasi, Informatika, Statistik dan Persandian'));
  const host = hostOn(fake);
  let calls = 0;
  const off = await host.onChange(() => calls++);
  const grids = await host.readGrids();
  const firstRead = host.stats.lastRead;
  expect(grids).toHaveLength(1_000);
  expect(grids[999].values[59][3]).toBe('catatan 59');
  const refused = fake.syncLog.filter((s) => s.failed !== null);
  // A sheet never read is guessed small; after the first band the guess is the mean of what was read: at most one refusal.
  expect(refused.length).toBeLessThanOrEqual(1);
  expect(refused.every((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  expect(fake.syncLog.every((s) => s.failed !== null || (s.requestBytes <= LIMIT && s.responseBytes <= LIMIT))).toBe(true);
  const total = fake.syncLog.filter((s) => s.failed === null).reduce((n, s) => n + s.responseBytes, 0);
  expect(total).toBeGreaterThan(2 * LIMIT);
  // Once read, sizes are known: a re-read after unsubscribing (everything again) is never refused.
  off();
  fake.resetSyncCount();
  expect(await host.readGrids()).toEqual(grids);
  expectWithinLimits(fake);
  console.warn(`1,000 sheets, ${(total / 1024 / 1024).toFixed(1)} MiB: first read ${firstRead} syncs (${refused.length} refused); full re-read ${host.stats.lastRead} syncs`);
});

test('without ExcelApi 1.9 (hidden columns asked one range each), 300 sheets still read under the limits', async () => {
  const fake = createFakeExcel(thousand(300, 4), { apiVersion: '1.8' });
  const host = hostOn(fake, { api: '1.8' });
  const grids = await host.readGrids();
  expect(grids).toHaveLength(300);
  expect(grids[0].hiddenColumns).toEqual([7]);
  expectWithinLimits(fake);
});
