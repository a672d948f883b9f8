/** Inside or outside Excel, and in which language the pane opens. */
import { detectEnvironment } from '../../src/taskpane/environment';
import { detectExcelHost } from '../../src/excel/detect';
import { createFakeExcel, createFakeOffice } from '../excel/fake-excel';
import { FakeHost } from './fake-host';

test('inside Excel the pane follows Excel\'s display language', async () => {
  const en = new FakeHost([]);
  (en as { displayLanguage?: string }).displayLanguage = 'en-US';
  expect(await detectEnvironment(async () => en)).toMatchObject({ kind: 'excel', lang: 'en', host: en });
  const id = new FakeHost([]);
  (id as { displayLanguage?: string }).displayLanguage = 'id-ID';
  expect(await detectEnvironment(async () => id)).toMatchObject({ kind: 'excel', lang: 'id' });
});

test('outside Excel (no host, or detection failing) the pane works on a file, in Indonesian', async () => {
  expect(await detectEnvironment(async () => null)).toEqual({ kind: 'browser', lang: 'id' });
  expect(
    await detectEnvironment(async () => {
      throw new Error('office.js blocked');
    }),
  ).toEqual({ kind: 'browser', lang: 'id' });
});

test('with the Excel adapter\'s detection: Office reporting Excel gives an Excel host; Office outside Excel does not', async () => {
  const excel = createFakeExcel([{ name: 'Penilaian', cells: [['No', 'Tingkat']] }]);
  const inExcel = await detectEnvironment(() => detectExcelHost({ Office: createFakeOffice({ displayLanguage: 'en-GB' }), Excel: excel }));
  expect(inExcel.kind).toBe('excel');
  expect(inExcel.lang).toBe('en');
  const office = { onReady: async () => ({ host: null, platform: null }), HostType: { Excel: 'Excel' } };
  expect(await detectEnvironment(() => detectExcelHost({ Office: office, Excel: excel }))).toEqual({ kind: 'browser', lang: 'id' });
});
