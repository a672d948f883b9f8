/**
 * LibreOffice opens the workbooks the package writer made and agrees with them:
 *
 * 1. Workbooks with charts, external links, macros, protection, fit-to-page, validations, custom XML and
 *    custom properties (built part by part, see package-builder.ts: three chosen combinations and four drawn
 *    at random with a fixed seed, as the property test draws them), with the gap sheet added — once, or
 *    replacing an earlier one. Every cached result on the gap sheet is poisoned first, LibreOffice
 *    recalculates on load, and every formula must give the value the tool wrote; the assessment sheet's
 *    cells are unchanged; LibreOffice keeps the charts (the user's and ours) when it saves the file again.
 * 2. The gap sheet as printed: the three examples' gap workbooks (the other sheets hidden, so the PDF holds
 *    the gap sheet alone) converted to PDF and to PNG pages, saved under test-results/gap-sheet/ for review.
 *    The pages are A4 landscape, one page wide, and show the charts (their series colour is on the pages).
 *    test-results/gap-sheet/summary.json lists the page counts and file sizes.
 *
 * Needs `soffice` (libreoffice-calc) and, for the PNG pages, pdftoppm (poppler-utils) or Ghostscript. Without
 * them the tests skip with a notice, except under CI=true, where they fail.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { example2018, example2020, example2026 } from '../../scripts/make-examples';
import { writeSheetPackage } from '../../src/xlsx/package';
import { a1 } from '../../src/core/address';
import fc from 'fast-check';
import { ALL_FEATURES, buildWorkbook, FEATURES, mainSheet, NO_FEATURES } from './package-builder';
import type { Features } from './package-builder';
import { exampleModel } from './package/package-check';
import type { ExampleRun } from './package/package-check';
import { specBytes } from './gap-fixtures';
import { poisonCachedResults, readRawWorkbook, sameValue, close } from './xlsx-cells';
import type { RawSheet } from './xlsx-cells';
import { convert, IN_CI, pdfToPngs, RASTERIZER, recalcProfile, withSoffice } from './soffice';
import { countColor, inked, readPng } from './png';

const ROOT = path.resolve(__dirname, '..', '..');
const PRINT_DIR = path.join(ROOT, 'test-results', 'gap-sheet');
/** The first series colour of the charts (Office's accent 1): no cell of the gap sheet has it. */
const SERIES_BLUE = '#4472C4';

withSoffice('the LibreOffice tests of written packages', () => {
  let tmp = '';
  let profile = '';
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-lo-pkg-'));
    profile = recalcProfile(tmp);
  });
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  describe('workbooks with charts, links, macros, protection … and the gap sheet, recalculated by LibreOffice', () => {
    interface Case {
      readonly name: string;
      readonly spec: typeof example2020;
      readonly lang: 'id' | 'en';
      readonly features: Features;
      /** Write twice: the second write replaces the first gap sheet. */
      readonly rerun: boolean;
    }
    const specs = [example2018, example2020, example2026];
    const CASES: ReadonlyArray<Case> = [
      { name: 'spbe2020 .xlsm with every feature', spec: example2020, lang: 'en', features: ALL_FEATURES, rerun: false },
      { name: 'spbe2018, x:-prefixed parts, stored entries, an earlier gap sheet replaced', spec: example2018, lang: 'id', features: { ...ALL_FEATURES, macros: false, prefixed: true, level: 0, sharedStrings: false, userGapSheet: false }, rerun: true },
      { name: 'pemdi2026 with a chart, protection and a validation', spec: example2026, lang: 'id', features: { ...NO_FEATURES, chart: true, protection: true, validation: true, tabSelected: true }, rerun: false },
      // and a few drawn at random (a fixed seed), as the property test draws them
      ...fc.sample(fc.tuple(FEATURES, fc.integer({ min: 0, max: 2 }), fc.boolean()), { seed: 20261127, numRuns: 4 }).map(([features, k, rerun], i) => ({
        name: `random case ${i + 1} (${specs[k] === example2020 ? 'spbe2020' : specs[k] === example2018 ? 'spbe2018' : 'pemdi2026'}: ${Object.entries(features).filter(([, v]) => v === true).map(([f]) => f).join(', ') || 'no features'}${rerun ? ', rerun' : ''})`,
        spec: specs[k],
        lang: 'id' as const,
        features,
        rerun,
      })),
    ];
    const runs: ExampleRun[] = [];
    const written: Array<{ sheetName: string; bytes: Uint8Array; inputCharts: number }> = [];
    const recalculated: RawSheet[][] = [];
    const roundTrip: Array<Record<string, Uint8Array>> = [];
    const inputs: RawSheet[][] = [];

    beforeAll(async () => {
      const files: string[] = [];
      for (const [i, c] of CASES.entries()) {
        const run = await exampleModel(c.spec(), { mode: 'predicate', name: 'Baik' }, c.lang);
        runs.push(run);
        const book = buildWorkbook(run.grids, c.features, run.model.name);
        let out = writeSheetPackage(book.bytes, run.model);
        if (c.rerun) out = writeSheetPackage(out.bytes, run.model);
        const inputCharts = Object.keys(unzipSync(book.bytes)).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).length;
        written.push({ sheetName: out.sheetName, bytes: out.bytes, inputCharts });
        inputs.push(await readRawWorkbook(book.bytes));
        const f = path.join(tmp, `case${i}${book.ext}`);
        fs.writeFileSync(f, await poisonCachedResults(out.bytes, out.sheetName));
        files.push(f);
      }
      for (const out of convert(profile, files, 'xlsx', path.join(tmp, 'recalc'))) {
        const bytes = fs.readFileSync(out);
        recalculated.push(await readRawWorkbook(bytes));
        roundTrip.push(unzipSync(new Uint8Array(bytes)));
      }
    }, 300_000);

    CASES.forEach((c, i) => {
      test(`${c.name}: every formula of the gap sheet recalculates to the value the tool wrote`, () => {
        const model = runs[i].model;
        const sheet = recalculated[i].find((s) => s.name === written[i].sheetName);
        expect(sheet).toBeDefined();
        const wrong: string[] = [];
        let formulas = 0;
        for (const cell of model.cells) {
          const addr = a1(cell.row, cell.col);
          const got = sheet!.cells.get(addr);
          if (cell.formula !== undefined) {
            formulas++;
            if (!got || got.f === null) wrong.push(`${addr}: formula lost`);
            else if (!sameValue(cell.value, got.v, got.t)) wrong.push(`${addr} =${cell.formula}: tool ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(got.v)}`);
          } else if (typeof cell.value === 'string' && cell.value !== '') {
            if (!got || got.f !== null || got.v !== cell.value) wrong.push(`${addr}: text ${JSON.stringify(cell.value)} became ${JSON.stringify(got)}`);
          }
        }
        expect(formulas).toBeGreaterThan(100);
        expect(wrong).toEqual([]);
      });

      test(`${c.name}: the assessment sheet is unchanged and LibreOffice keeps every chart`, () => {
        const name = runs[i].grids[mainSheet(runs[i].grids)].name;
        const before = inputs[i].find((s) => s.name === name)!;
        const after = recalculated[i].find((s) => s.name === name)!;
        const diffs: string[] = [];
        for (const [addr, cell] of before.cells) {
          if (cell.v === null && cell.f === null) continue;
          const got = after.cells.get(addr);
          const numeric = cell.t === 'n' && got?.t === 'n';
          if (!got || (numeric ? !close(Number(cell.v), Number(got.v)) : cell.v !== got.v)) diffs.push(`${addr}: ${cell.v} vs ${got?.v}`);
        }
        expect(diffs).toEqual([]);
        const charts = Object.keys(roundTrip[i]).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
        expect(charts.length).toBe(written[i].inputCharts + runs[i].model.charts.length);
        const titles = charts.map((n) => strFromU8(roundTrip[i][n])).join('\n');
        for (const chart of runs[i].model.charts) expect(titles).toContain(chart.title);
      });
    });
  });

  describe('the gap sheet as printed (PDF and PNG pages in test-results/gap-sheet/)', () => {
    const EXAMPLES = [
      { name: 'spbe2018', spec: example2018 },
      { name: 'spbe2020', spec: example2020 },
      { name: 'pemdi2026', spec: example2026 },
    ] as const;
    const pages: string[][] = [];
    const summary: Record<string, unknown> = {};

    beforeAll(async () => {
      fs.mkdirSync(PRINT_DIR, { recursive: true });
      const files: string[] = [];
      for (const ex of EXAMPLES) {
        const input = await specBytes(ex.spec());
        const run = await exampleModel(ex.spec());
        const out = writeSheetPackage(input, run.model);
        summary[ex.name] = { inputBytes: input.length, outputBytes: out.bytes.length };
        // A print copy with the other sheets hidden (LibreOffice prints visible sheets only).
        const parts = unzipSync(out.bytes);
        const wb = strFromU8(parts['xl/workbook.xml']).replace(/<sheet\b([^>]*)\/>/g, (tag: string, attrs: string) =>
          attrs.includes(`name="${out.sheetName}"`) ? tag : `<sheet${attrs.replace(/\s+state="[^"]*"/, '')} state="hidden"/>`,
        );
        parts['xl/workbook.xml'] = strToU8(wb);
        const f = path.join(tmp, `${ex.name}-gap.xlsx`);
        fs.writeFileSync(f, zipSync(parts));
        fs.writeFileSync(path.join(PRINT_DIR, `${ex.name}-gap.xlsx`), out.bytes);
        files.push(f);
      }
      const pdfs = convert(profile, files, 'pdf', path.join(tmp, 'pdf'));
      pdfs.forEach((pdf, i) => {
        const target = path.join(PRINT_DIR, `${EXAMPLES[i].name}-gap.pdf`);
        fs.copyFileSync(pdf, target);
        pages.push(RASTERIZER ? pdfToPngs(target, path.join(PRINT_DIR, `${EXAMPLES[i].name}-page`), 110) : []);
      });
    }, 300_000);

    afterAll(() => {
      EXAMPLES.forEach((ex, i) => {
        (summary[ex.name] as Record<string, unknown>).pages = pages[i]?.length ?? null;
        (summary[ex.name] as Record<string, unknown>).png = pages[i]?.map((p) => path.relative(ROOT, p)) ?? [];
      });
      fs.writeFileSync(path.join(PRINT_DIR, 'summary.json'), JSON.stringify(summary, null, 2) + '\n');
    });

    if (!RASTERIZER && IN_CI) {
      test('a PDF rasterizer (pdftoppm or Ghostscript) is installed', () => {
        throw new Error('neither pdftoppm (poppler-utils) nor gs (ghostscript) found: CI=true requires the printed pages to be checked');
      });
    } else if (!RASTERIZER) {
      console.warn('NOTICE: neither pdftoppm nor gs found: the printed gap sheet is checked as PDF only, without PNG pages.');
    }

    EXAMPLES.forEach((ex) => {
      test(`${ex.name}: the package's page setup, print titles, print area and view (frozen panes, active tab), charts in J:N`, () => {
        const parts = unzipSync(new Uint8Array(fs.readFileSync(path.join(PRINT_DIR, `${ex.name}-gap.xlsx`))));
        const wb = strFromU8(parts['xl/workbook.xml']);
        const sheets = [...wb.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
        const index = sheets.indexOf('Analisis Gap');
        expect(index).toBeGreaterThanOrEqual(0);
        // the workbook opens on the gap sheet
        expect(wb).toMatch(new RegExp(`<workbookView\\b[^>]*activeTab="${index}"`));
        // the table header (row 9) repeats on every page; the print area is the working and team columns and the charts
        expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">'Analisis Gap'!$9:$9</definedName>`);
        expect(wb).toMatch(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${index}">'Analisis Gap'!\\$A\\$1:\\$N\\$\\d+</definedName>`));
        const rels = strFromU8(parts['xl/_rels/workbook.xml.rels']);
        const rid = new RegExp(`<sheet\\b[^>]*name="Analisis Gap"[^>]*r:id="([^"]+)"`).exec(wb)![1];
        const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
        const xml = strFromU8(parts['xl/' + (target[1] ?? target[2]).replace(/^\/?xl\//, '')]);
        expect(xml).toContain('<pane xSplit="2" ySplit="9" topLeftCell="C10" activePane="bottomRight" state="frozen"/>');
        expect(xml).toContain('tabSelected="1"');
        expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
        expect(xml).toMatch(/<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="landscape"\/>/);
        expect(xml).toMatch(/<oddFooter>&amp;LSimulasi — bukan nilai resmi&amp;RHalaman &amp;P dari &amp;N<\/oddFooter>/);
        // the levels coloured by level: 1, 3, 5
        expect(xml).toContain('<cfvo type="num" val="1"/><cfvo type="num" val="3"/><cfvo type="num" val="5"/>');
        // two charts, both anchored in J:N (zero-based columns 9 to 13)
        const drawing = Object.keys(parts).find((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n) && strFromU8(parts[n]).includes('<c:chart'))!;
        const anchors = [...strFromU8(parts[drawing]).matchAll(/<xdr:from><xdr:col>(\d+)<\/xdr:col>.*?<xdr:to><xdr:col>(\d+)<\/xdr:col>/g)].map((m) => [Number(m[1]), Number(m[2])]);
        expect(anchors.length).toBeGreaterThanOrEqual(2);
        for (const [from, to] of anchors) {
          expect(from).toBe(9);
          expect(to).toBeLessThanOrEqual(14);
        }
      });
    });

    EXAMPLES.forEach((ex, i) => {
      test(`${ex.name}: printed on A4 landscape, one page wide, every page with content, the charts drawn`, () => {
        const pdf = fs.readFileSync(path.join(PRINT_DIR, `${ex.name}-gap.pdf`), 'latin1');
        // A4 landscape: 842 × 595 points
        const boxes = [...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
        expect(boxes.length).toBeGreaterThan(0);
        for (const b of boxes) expect(b).toEqual([842, 595]);
        const pageCount = pdf.match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
        expect(pageCount).toBeGreaterThan(0);
        if (!RASTERIZER) return;
        expect(pages[i].length).toBe(pageCount);
        let blue = 0;
        for (const p of pages[i]) {
          const img = readPng(fs.readFileSync(p));
          expect(img.width).toBeGreaterThan(img.height);
          expect(inked(img)).toBeGreaterThan(2000);
          blue += countColor(img, SERIES_BLUE);
        }
        // the charts' series are drawn (bars and radar lines in their colour)
        expect(blue).toBeGreaterThan(300);
      });
    });
  });
});
