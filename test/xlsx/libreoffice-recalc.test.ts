/**
 * The gap sheet is right without the add-in: gap workbooks (one per framework, one with stage columns, one
 * with formula-like notes) are opened in LibreOffice headless, which is made to recalculate every formula
 * on load (its "recalculation on file load: always" setting, OOXMLRecalcMode = 0, in a throw-away user
 * profile). To be sure it really recalculated, every cached result on the gap sheet is first replaced by a
 * wrong one. Every formula's result must then equal the value the tool wrote (relative 1e-9), the source
 * sheets must be unchanged cell for cell, and text copied from the user's workbook must still be text.
 *
 * Needs `soffice` (Debian package libreoffice-calc). Without it the test is skipped with a notice, except
 * under CI=true, where it fails.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CASES, runPipeline, specBytes } from './gap-fixtures';
import type { GapRun } from './gap-fixtures';
import { close, poisonCachedResults, readRawWorkbook, sameValue } from './xlsx-cells';
import type { RawSheet } from './xlsx-cells';
import { a1 } from '../../src/core/address';
import { add, div, mul, rational, roundHalfUp, sub, toNumber } from '../../src/core/rational';
import { convert, recalcProfile, withSoffice } from './soffice';

withSoffice('the LibreOffice recalculation test of the gap sheet', () => {
  describe('gap sheets recalculated by LibreOffice', () => {
    let tmp = '';
    const runs: GapRun[] = [];
    const recalculated: RawSheet[][] = [];
    const inputs: RawSheet[][] = [];
    const poisonedCount: number[] = [];
    let editedTargets: Array<{ row: number; value: number }> = [];
    // pemdi2026: the Target of indicator 5 (valued by the SDI index, not in the agency's hands) edited to 5.
    const pemdiCase = CASES.findIndex((c) => c.name === 'pemdi2026 decimals');
    let pemdiEditedRow = -1;
    let pemdiFile = -1;

    beforeAll(async () => {
      tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-lo-'));
      const profile = recalcProfile(tmp);
      const outDir = path.join(tmp, 'out');
      const files: string[] = [];
      for (const [i, c] of CASES.entries()) {
        const run = await runPipeline(await specBytes(c.spec()), c.request, { lang: c.lang, basis: c.basis });
        runs.push(run);
        const poisoned = await poisonCachedResults(run.output, run.sheetName);
        const p = (await readRawWorkbook(poisoned)).find((x) => x.name === run.sheetName)!;
        poisonedCount.push([...p.cells.values()].filter((x) => x.f !== null && (x.v === '424242' || x.v === 'STALE')).length);
        const f = path.join(tmp, `case${i}.xlsx`);
        fs.writeFileSync(f, poisoned);
        files.push(f);
        inputs.push(await readRawWorkbook(run.input));
      }
      // One more: the spbe2020 gap sheet with two Target cells edited (as a user would), to see the sheet follow.
      {
        const run = runs[1];
        const targets = run.model.cells.filter((c) => c.style === 'inputWhole');
        const edits: Record<string, number> = {};
        for (const c of targets.slice(0, 2)) edits[a1(c.row, c.col)] = 5;
        editedTargets = targets.slice(0, 2).map((c) => ({ row: c.row, value: c.value as number }));
        const f = path.join(tmp, 'edited.xlsx');
        fs.writeFileSync(f, await poisonCachedResults(run.output, run.sheetName, edits));
        files.push(f);
      }
      {
        const run = runs[pemdiCase];
        const first = run.model.tables[0].range.top + 1;
        const k = run.plan.indicators.findIndex((x) => x.no === 5);
        pemdiEditedRow = first + k;
        const target = run.model.cells.find((c) => c.row === pemdiEditedRow && c.style === 'inputDec')!;
        const f = path.join(tmp, 'edited-pemdi.xlsx');
        fs.writeFileSync(f, await poisonCachedResults(run.output, run.sheetName, { [a1(target.row, target.col)]: 5 }));
        pemdiFile = files.length;
        files.push(f);
      }
      for (const out of convert(profile, files, 'xlsx', outDir)) recalculated.push(await readRawWorkbook(fs.readFileSync(out)));
    }, 300_000);

    afterAll(() => {
      if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    });

    CASES.forEach((c, i) => {
      describe(c.name, () => {
        test('every formula on the gap sheet gives the value the tool wrote', () => {
          const run = runs[i];
          // the file LibreOffice opened had every cached result wrong
          expect(poisonedCount[i]).toBe(run.model.cells.filter((x) => x.formula !== undefined).length);
          const sheet = recalculated[i].find((s) => s.name === run.sheetName);
          expect(sheet).toBeDefined();
          const wrong: string[] = [];
          let formulas = 0;
          for (const cell of run.model.cells) {
            const addr = a1(cell.row, cell.col);
            const got = sheet!.cells.get(addr);
            if (cell.formula !== undefined) {
              formulas++;
              if (!got || got.f === null) wrong.push(`${addr}: formula lost`);
              else if (!sameValue(cell.value, got.v, got.t)) wrong.push(`${addr} =${cell.formula}: tool ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(got.v)}`);
            } else if (typeof cell.value === 'string' && cell.value !== '') {
              // text stays text (never a formula), whatever it begins with
              if (!got || got.f !== null || got.v !== cell.value) wrong.push(`${addr}: text ${JSON.stringify(cell.value)} became ${JSON.stringify(got)}`);
            }
          }
          expect(formulas).toBeGreaterThan(150);
          expect(wrong).toEqual([]);
        });

        test('the source sheets are unchanged, cell for cell', () => {
          const before = inputs[i];
          const after = recalculated[i];
          const diffs: string[] = [];
          for (const s of before) {
            const t = after.find((x) => x.name === s.name);
            if (!t) {
              diffs.push(`sheet ${s.name} missing`);
              continue;
            }
            for (const [addr, cell] of s.cells) {
              const got = t.cells.get(addr);
              const empty = cell.v === null || cell.v === '';
              if (empty && cell.f === null) {
                if (got && got.v !== null && got.v !== '') diffs.push(`${s.name}!${addr}: was empty, now ${got.v}`);
                continue;
              }
              if (!got) {
                diffs.push(`${s.name}!${addr}: lost`);
                continue;
              }
              if ((cell.f === null) !== (got.f === null)) diffs.push(`${s.name}!${addr}: formula ${cell.f} vs ${got.f}`);
              const numeric = cell.t === 'n' && cell.v !== null && got.t === 'n' && got.v !== null;
              if (numeric ? !close(Number(cell.v), Number(got.v)) : cell.v !== got.v) diffs.push(`${s.name}!${addr}: ${cell.v} vs ${got.v}`);
            }
            for (const [addr, got] of t.cells) {
              if (!s.cells.has(addr) && got.v !== null && got.v !== '') diffs.push(`${s.name}!${addr}: new value ${got.v}`);
            }
            expect([...t.merges].sort()).toEqual([...s.merges].sort());
          }
          expect(diffs).toEqual([]);
        });
      });
    });

    test('formula-like notes and titles are text in the gap sheet', () => {
      const i = CASES.findIndex((c) => c.name === 'formula-like notes');
      const sheet = recalculated[i].find((s) => s.name === runs[i].sheetName)!;
      const texts = [...sheet.cells.values()].filter((c) => c.f === null).map((c) => c.v);
      for (const note of ['=HYPERLINK("http://contoh.invalid","klik")', '+62 811 2345 678', '-', '@user', '=1+1', "'=quoted"]) {
        expect(texts).toContain(note);
      }
      // and nothing on the gap sheet calls HYPERLINK
      expect([...sheet.cells.values()].some((c) => (c.f ?? '').toUpperCase().includes('HYPERLINK'))).toBe(false);
    });

    test('editing a Target recalculates the index with the targets, its predicate and the points', () => {
      const run = runs[1];
      const sheet = recalculated[recalculated.length - 2].find((x) => x.name === run.sheetName)!;
      // the expected index: the planned one plus (5 − old target) × weight / 100 for each edited row, exactly
      let expected = run.plan.planned;
      const first = run.model.tables[0].range.top + 1;
      for (const e of editedTargets) {
        const g = run.plan.indicators[e.row - first];
        expected = add(expected, div(mul(sub(rational(5), g.target), g.weight), rational(100)));
      }
      const label = run.model.cells.find((c) => c.value === 'Index when every target is met')!;
      const cell = sheet.cells.get(a1(label.row, 2))!;
      expect(close(Number(cell.v), toNumber(roundHalfUp(expected, 9)))).toBe(true);
      expect(Number(cell.v)).toBeGreaterThan(toNumber(run.plan.planned));
      // the edited rows now show a gap and a priority
      for (const e of editedTargets) {
        const rowCells = run.model.cells.filter((c) => c.row === e.row && c.formula?.startsWith('IF(') && c.formula.includes('SUMPRODUCT(--('));
        expect(rowCells).toHaveLength(1);
        const rank = sheet.cells.get(a1(rowCells[0].row, rowCells[0].col))!;
        expect(Number(rank.v)).toBeGreaterThanOrEqual(1);
      }
    });

    test("pemdi2026: a Target typed into a row not in the agency's hands moves the index, never the priorities", () => {
      const run = runs[pemdiCase];
      const sheet = recalculated[pemdiFile].find((x) => x.name === run.sheetName)!;
      const g5 = run.plan.indicators.find((x) => x.no === 5)!;
      expect(g5.outOfHands).toBe(true);
      // the index with the targets: the planned one plus (5 − 1) × 5 % for indicator 5, exactly
      const expected = add(run.plan.planned, div(mul(sub(rational(5), g5.target), g5.weight), rational(100)));
      const label = run.model.cells.find((c) => c.value === 'Indeks bila semua target tercapai')!;
      expect(close(Number(sheet.cells.get(a1(label.row, 2))!.v), toNumber(roundHalfUp(expected, 9)))).toBe(true);
      // indicator 5's priority cell still says it is not in the agency's hands
      const rankCol = run.model.cells.find((c) => c.row === run.model.tables[0].range.top && c.value === 'Prioritas')!.col;
      expect(sheet.cells.get(a1(pemdiEditedRow, rankCol))!.v).toBe('di luar kendali instansi');
      // and every other row keeps the priority the tool wrote (1, 2, 3 … without a hole)
      const changed: string[] = [];
      // (the table's rows only: below it, column G holds a summary's target predicate, which the edit moves)
      const table = run.model.tables[0].range;
      for (const c of run.model.cells.filter((x) => x.col === rankCol && x.formula !== undefined && x.row > table.top && x.row <= table.bottom)) {
        const got = sheet.cells.get(a1(c.row, c.col));
        if (!got || !sameValue(c.value, got.v, got.t)) changed.push(`${a1(c.row, c.col)}: ${JSON.stringify(c.value)} vs ${JSON.stringify(got?.v)}`);
      }
      expect(changed).toEqual([]);
      const ranks = run.plan.indicators.filter((x) => x.rank !== null).map((x) => x.rank as number).sort((a, b) => a - b);
      expect(ranks).toEqual(ranks.map((_, i) => i + 1));
      expect(run.plan.indicators.filter((x) => x.outOfHands).map((x) => x.no)).toEqual([5, 6, 7, 18]);
    });
  });
});
