/**
 * The comparison sheet is right without the add-in: comparison workbooks (the same framework in one workbook
 * with a sheet per year; 5/2018 → 59/2020 with Kota Denpasar 2018; 59/2020 → 8/2026) are written as
 * `spbe compare --out` writes them (the sheet added to the after side's original bytes), every cached result
 * on the comparison sheet is replaced by a wrong one, and LibreOffice headless recalculates on load
 * (OOXMLRecalcMode = 0 in a throw-away profile). Every formula's result must then equal the value the tool
 * wrote (relative 1e-9), text must still be text, and the assessment sheet must be unchanged.
 *
 * Needs `soffice` (Debian package libreoffice-calc). Without it the test is skipped with a notice, except
 * under CI=true, where it fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Grid } from '../../src/core/types';
import type { SheetModel } from '../../src/core/sheet-model';
import { SPBE2020 } from '../../src/core/frameworks';
import { a1 } from '../../src/core/address';
import { openComparison, compareSheetFor, type CompareSource } from '../../src/app/compare';
import { writeSheetPackage } from '../../src/xlsx/package';
import { buildWorkbook, NO_FEATURES } from './package-builder';
import { close, poisonCachedResults, readRawWorkbook, sameValue } from './xlsx-cells';
import type { RawSheet } from './xlsx-cells';
import { convert, recalcProfile, withSoffice } from './soffice';
import { ACEH_TENGAH_2025, acehTengahGrid, denpasarGrid, pemdiGrid, simpleGrid } from '../core/grid-builders';

type Source = CompareSource & { readonly bytes: Uint8Array };

interface Case {
  readonly name: string;
  readonly sources: () => [Source] | [Source, Source];
  readonly lang: 'id' | 'en';
}

const bytesOf = (grids: ReadonlyArray<Grid>): Uint8Array => buildWorkbook(grids, NO_FEATURES).bytes;
const workbook = (grids: Grid[], file: string): Source => ({ grids, file, bytes: bytesOf(grids) });

const CASES: ReadonlyArray<Case> = [
  {
    name: 'the same framework, one workbook with a sheet per year',
    lang: 'id',
    sources: () => [
      workbook(
        [
          simpleGrid({ fw: SPBE2020, levels: ACEH_TENGAH_2025, sheetName: 'Penilaian 2024' }),
          simpleGrid({ fw: SPBE2020, levels: { ...ACEH_TENGAH_2025, 13: 3, 32: 1, 40: 2 }, sheetName: 'Penilaian 2023' }),
        ],
        'pm.xlsx',
      ),
    ],
  },
  {
    name: '5/2018 → 59/2020, Kota Denpasar 2018 before',
    lang: 'en',
    sources: () => [workbook([denpasarGrid()], 'denpasar-2018.xlsx'), workbook([{ ...acehTengahGrid(), name: 'Penilaian 2020' }], 'aceh-2020.xlsx')],
  },
  {
    name: '59/2020 → 8/2026',
    lang: 'id',
    sources: () => [workbook([acehTengahGrid()], 'aceh-2025.xlsx'), workbook([pemdiGrid()], 'pemdi-2026.xlsx')],
  },
];

withSoffice('the LibreOffice recalculation test of the comparison sheet', () => {
  describe('comparison sheets recalculated by LibreOffice', () => {
    let tmp = '';
    const models: SheetModel[] = [];
    const sheetNames: string[] = [];
    const inputs: RawSheet[][] = [];
    const recalculated: RawSheet[][] = [];
    const poisoned: number[] = [];

    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-lo-compare-'));
      const files: string[] = [];
      for (const [i, c] of CASES.entries()) {
        const sources = c.sources();
        const o = openComparison(sources);
        if (o.kind !== 'compared') throw new Error(`${c.name}: not compared (${o.kind})`);
        const model = compareSheetFor(o, { lang: c.lang, date: '2026-01-15' });
        const original = sources[o.after.source].bytes;
        const written = writeSheetPackage(original, model);
        models.push(model);
        sheetNames.push(written.sheetName);
        inputs.push(await readRawWorkbook(original));
        const bad = await poisonCachedResults(written.bytes, written.sheetName);
        const raw = (await readRawWorkbook(bad)).find((s) => s.name === written.sheetName)!;
        poisoned.push([...raw.cells.values()].filter((x) => x.f !== null && (x.v === '424242' || x.v === 'STALE')).length);
        const f = path.join(tmp, `case${i}.xlsx`);
        fs.writeFileSync(f, bad);
        files.push(f);
      }
      for (const out of convert(recalcProfile(tmp), files, 'xlsx', path.join(tmp, 'out'))) recalculated.push(await readRawWorkbook(fs.readFileSync(out)));
    }, 300_000);

    afterAll(() => {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    CASES.forEach((c, i) => {
      test(`${c.name}: every formula gives the value the tool wrote; text stays text; the assessment is unchanged`, () => {
        const model = models[i];
        const formulas = model.cells.filter((x) => x.formula !== undefined);
        // the file LibreOffice opened had every cached result wrong
        expect(poisoned[i]).toBe(formulas.length);
        expect(formulas.length).toBeGreaterThan(60);
        const sheet = recalculated[i].find((s) => s.name === sheetNames[i]);
        expect(sheet).toBeDefined();
        const wrong: string[] = [];
        for (const cell of model.cells) {
          const addr = a1(cell.row, cell.col);
          const got = sheet!.cells.get(addr);
          if (cell.formula !== undefined) {
            if (!got || got.f === null) wrong.push(`${addr}: formula lost`);
            else if (!sameValue(cell.value, got.v, got.t)) wrong.push(`${addr} =${cell.formula}: tool ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(got.v)}`);
          } else if (typeof cell.value === 'string' && cell.value !== '') {
            if (!got || got.f !== null || got.v !== cell.value) wrong.push(`${addr}: text ${JSON.stringify(cell.value)} became ${JSON.stringify(got)}`);
          }
        }
        expect(wrong).toEqual([]);
        // the assessment sheet(s), cell for cell
        const diffs: string[] = [];
        for (const s of inputs[i]) {
          const t = recalculated[i].find((x) => x.name === s.name);
          if (!t) {
            diffs.push(`sheet ${s.name} missing`);
            continue;
          }
          for (const [addr, cell] of s.cells) {
            if (cell.v === null || cell.v === '') continue;
            const got = t.cells.get(addr);
            const numeric = cell.t === 'n' && got?.t === 'n';
            if (!got || (numeric ? !close(Number(cell.v), Number(got.v)) : cell.v !== got.v)) diffs.push(`${s.name}!${addr}: ${cell.v} vs ${got?.v}`);
          }
        }
        expect(diffs).toEqual([]);
      });
    });
  });
});
