/**
 * Big workbooks (issue 10) and what `spbe index` needs for them: generates them into .tmp/big/ (once; kept while
 * this script is unchanged) and measures `spbe index --json` and `spbe gap --json` on each with /usr/bin/time -v (wall-clock time and
 * peak resident memory). A script, not a test.
 *
 *   npm run build:cli && node scripts/run-ts.js scripts/big-workbooks.ts [NAME ...] [--reference]
 *
 * The workbooks: an assessment workbook of the examples (spbe2020, title rows, merged headers, stages, a summary
 * sheet) with, beside it,
 * - rows-1m:            a data sheet of 1,048,576 rows (the whole sheet; numbers, dates, codes, names), ~38 MB;
 * - rows-1m-selected:   the same, with the data sheet as the selected tab (`spbe gap` splices its new head onto
 *                       its original compressed blocks);
 * - empty-formatted-1m: a million empty formatted rows under the assessment table (rows and cells with a style
 *                       and nothing in them), ~2.7 MB;
 * - strings-23mb:       three data sheets of 180,000 rows with mostly distinct texts (a large shared-strings part)
 *                       and shared formulas, ~23 MB;
 * - rows-100k:          a data sheet of 100,000 rows (the benchmark's case).
 * --reference also runs the command as it was before the reader (exceljs), through the `spbe` of SPBE_REFERENCE_BIN
 * (a bin/spbe.js of an older build), where that is feasible (skipped above 5 MB: minutes and gigabytes).
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Zip, ZipDeflate, strToU8, unzipSync } from 'fflate';
import { buildAssessmentWorkbook, example2020 } from './make-examples';

/** Bumped when the generated content changes (the files are regenerated). */
const VERSION = 5;

export interface BigCase {
  readonly name: string;
  readonly about: string;
  /** Extra sheets: name -> a generator of its <sheetData> rows (XML text in pieces). */
  readonly sheets: ReadonlyArray<{ name: string; rows: (ctx: DataContext) => Iterable<string> }>;
  /** Rows appended under the assessment table on its own sheet. */
  readonly underTable?: (ctx: DataContext, firstRow: number) => Iterable<string>;
  /** The (first) extra sheet is the selected tab, so `spbe gap` must unselect it: its head is spliced (deflate-splice.ts). */
  readonly selectedData?: boolean;
}

export interface DataContext {
  /** Index of a shared string (added to the package's shared strings). */
  sst(text: string): number;
  /** The cell format index of a date style and of an empty "formatted" style. */
  readonly dateStyle: number;
  readonly fillStyle: number;
}

function colLetter(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const REGIONS = Array.from({ length: 2000 }, (_, i) => `Kecamatan ${String.fromCharCode(65 + (i % 26))}${i}`);
const UNITS = ['Diskominfo', 'Bappeda', 'BKPSDM', 'Inspektorat', 'Dinas Kesehatan', 'Dinas Pendidikan', 'Setda'];

/** Deterministic pseudo-random numbers. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* dataRows(ctx: DataContext, count: number, seed: number, distinctNames: boolean): Iterable<string> {
  const rnd = rng(seed);
  const head = ['ID', 'Kode Wilayah', 'Nama', 'Jumlah', 'Tanggal', 'Unit'].map((t, c) => `<c r="${colLetter(c)}1" t="s"><v>${ctx.sst(t)}</v></c>`).join('');
  yield `<row r="1">${head}</row>`;
  for (let r = 2; r <= count; r++) {
    const name = distinctNames ? `Penduduk ${r * 7919 % 1000003} ${REGIONS[r % REGIONS.length]}` : REGIONS[(r * 31) % REGIONS.length];
    yield (
      `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>` +
      `<c r="B${r}" t="s"><v>${ctx.sst(REGIONS[r % REGIONS.length])}</v></c>` +
      `<c r="C${r}" t="s"><v>${ctx.sst(name)}</v></c>` +
      `<c r="D${r}"><v>${Math.round(rnd() * 100000) / 100}</v></c>` +
      `<c r="E${r}" s="${ctx.dateStyle}"><v>${45000 + Math.floor(rnd() * 1500)}</v></c>` +
      `<c r="F${r}" t="s"><v>${ctx.sst(UNITS[r % UNITS.length])}</v></c></row>`
    );
  }
}

function* formulaRows(ctx: DataContext, count: number, seed: number): Iterable<string> {
  // the distinct-text rows plus a shared formula (=D2*2) down column G
  let r = 0;
  for (const row of dataRows(ctx, count, seed, true)) {
    r++;
    if (r === 1) yield row;
    else if (r === 2) yield row.replace('</row>', `<c r="G2"><f t="shared" ref="G2:G${count}" si="0">D2*2</f><v>0</v></c></row>`);
    else yield row.replace('</row>', `<c r="G${r}"><f t="shared" si="0"/><v>0</v></c></row>`);
  }
}

export const BIG_CASES: ReadonlyArray<BigCase> = [
  {
    name: 'rows-1m',
    about: 'a data sheet of 1,048,576 rows beside the assessment sheet',
    sheets: [{ name: 'Data Penduduk', rows: (ctx) => dataRows(ctx, 1048576, 1, false) }],
  },
  {
    name: 'rows-1m-selected',
    about: 'the same 1,048,576-row data sheet, saved as the selected tab',
    sheets: [{ name: 'Data Penduduk', rows: (ctx) => dataRows(ctx, 1048576, 1, false) }],
    selectedData: true,
  },
  {
    name: 'empty-formatted-1m',
    about: 'a million empty formatted rows under the assessment table',
    sheets: [],
    underTable: function* (ctx, first) {
      for (let r = first; r <= 1048576; r++) {
        let cells = '';
        for (let c = 0; c < 8; c++) cells += `<c r="${colLetter(c)}${r}" s="${ctx.fillStyle}"/>`;
        yield `<row r="${r}" spans="1:8" s="${ctx.fillStyle}" customFormat="1" ht="15" customHeight="1">${r % 64 === 0 ? cells : ''}</row>`;
      }
    },
  },
  {
    name: 'strings-23mb',
    about: 'three data sheets of 180,000 rows of mostly distinct texts and shared formulas',
    sheets: [1, 2, 3].map((k) => ({ name: `Data ${k}`, rows: (ctx: DataContext) => formulaRows(ctx, 180000, 10 + k) })),
  },
  {
    name: 'rows-100k',
    about: 'a data sheet of 100,000 rows beside the assessment sheet',
    sheets: [{ name: 'Data', rows: (ctx) => dataRows(ctx, 100000, 7, false) }],
  },
];

const dec = new TextDecoder();
const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes one big case's workbook to `file` (streaming: the big parts never exist whole). */
export async function writeBigWorkbook(c: BigCase, file: string): Promise<void> {
  const base = unzipSync(new Uint8Array((await buildAssessmentWorkbook(example2020()).xlsx.writeBuffer()) as ArrayBuffer));
  const text = (name: string) => dec.decode(base[name]);

  // Styles: a date format and an empty "formatted" (filled) style.
  let styles = text('xl/styles.xml');
  const xfCount = Number(/<cellXfs count="(\d+)"/.exec(styles)![1]);
  styles = styles
    .replace(/<cellXfs count="\d+">/, `<cellXfs count="${xfCount + 2}">`)
    .replace('</cellXfs>', '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>');

  // Shared strings: the originals, then the new ones.
  const sstXml = text('xl/sharedStrings.xml');
  const originals = [...sstXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[0]);
  const index = new Map<string, number>();
  const added: string[] = [];
  const ctx: DataContext = {
    sst(t) {
      let k = index.get(t);
      if (k === undefined) {
        k = originals.length + added.length;
        index.set(t, k);
        added.push(t);
      }
      return k;
    },
    dateStyle: xfCount,
    fillStyle: xfCount + 1,
  };

  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file + '.part', 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    fs.writeSync(fd, chunk);
  });
  const addStream = (name: string, pieces: Iterable<string>) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    let buf = '';
    for (const p of pieces) {
      buf += p;
      if (buf.length > 1 << 20) {
        f.push(strToU8(buf));
        buf = '';
      }
    }
    f.push(strToU8(buf), true);
  };

  const workbookXml = text('xl/workbook.xml');
  const rels = text('xl/_rels/workbook.xml.rels');
  let types = text('[Content_Types].xml');
  const sheetCount = (workbookXml.match(/<sheet /g) ?? []).length;
  let sheetsXml = '';
  let relsXml = '';
  c.sheets.forEach((s, i) => {
    const n = sheetCount + i + 1;
    // named sheetN.xml as Excel names them (exceljs, the reference, finds worksheets only by that name)
    sheetsXml += `<sheet name="${xmlEscape(s.name)}" sheetId="${n}" r:id="rIdBig${i}"/>`;
    relsXml += `<Relationship Id="rIdBig${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/>`;
    types = types.replace('</Types>', `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`);
  });

  for (const [name, data] of Object.entries(base)) {
    if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml'].includes(name)) continue;
    if (c.underTable && name === 'xl/worksheets/sheet1.xml') continue;
    // with a selected data sheet, no other sheet is selected
    addStream(name, [c.selectedData && /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? dec.decode(data).replace(/ tabSelected="1"/g, '') : dec.decode(data)]);
  }
  addStream('[Content_Types].xml', [types]);
  addStream('xl/workbook.xml', [workbookXml.replace('</sheets>', sheetsXml + '</sheets>')]);
  addStream('xl/_rels/workbook.xml.rels', [rels.replace('</Relationships>', relsXml + '</Relationships>')]);
  addStream('xl/styles.xml', [styles]);
  if (c.underTable) {
    const sheet = text('xl/worksheets/sheet1.xml');
    const lastRow = Math.max(...[...sheet.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
    const at = sheet.indexOf('</sheetData>');
    addStream('xl/worksheets/sheet1.xml', (function* () {
      yield sheet.slice(0, at).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:H1048576"/>');
      yield* c.underTable!(ctx, lastRow + 1);
      yield sheet.slice(at);
    })());
  }
  c.sheets.forEach((s, i) => {
    addStream(`xl/worksheets/sheet${sheetCount + i + 1}.xml`, (function* () {
      const views = c.selectedData && i === 0 ? '<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>' : '';
      yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${views}<sheetData>`;
      yield* s.rows(ctx);
      yield '</sheetData></worksheet>';
    })());
  });
  // The shared strings last: every sheet has added its texts by now.
  addStream('xl/sharedStrings.xml', (function* () {
    const total = originals.length + added.length;
    yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${total}" uniqueCount="${total}">`;
    for (const o of originals) yield o;
    for (const t of added) yield `<si><t>${xmlEscape(t)}</t></si>`;
    yield '</sst>';
  })());
  zip.end();
  fs.closeSync(fd);
  fs.renameSync(file + '.part', file);
}

/** The case's file in `dir`, generated unless it is there from this version of the script. */
export async function bigWorkbook(c: BigCase, dir: string): Promise<string> {
  const file = path.join(dir, `${c.name}.v${VERSION}.xlsx`);
  if (!fs.existsSync(file)) await writeBigWorkbook(c, file);
  return file;
}

export interface Measured {
  readonly seconds: number;
  readonly maxRssMiB: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node <args>` under /usr/bin/time -v. */
export function measure(args: string[], timeoutMs = 600_000): Measured {
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutMs });
  const err = r.stderr ?? '';
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(err);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err);
  const seconds = wall ? (Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3])) : NaN;
  return { seconds, maxRssMiB: rss ? Number(rss[1]) / 1024 : NaN, code: r.status ?? -1, stdout: r.stdout ?? '', stderr: err.split('\n\tCommand being timed')[0] };
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..');
  const bin = path.join(root, 'bin', 'spbe.js');
  if (!fs.existsSync(path.join(root, 'lib', 'cli', 'main.js'))) throw new Error('the CLI is not built: run `npm run build:cli`');
  const args = process.argv.slice(2);
  const reference = args.includes('--reference');
  const only = args.filter((a) => !a.startsWith('--'));
  const dir = path.join(root, '.tmp', 'big');
  const refBin = process.env.SPBE_REFERENCE_BIN;
  for (const c of BIG_CASES) {
    if (only.length && !only.includes(c.name)) continue;
    const t0 = Date.now();
    const file = await bigWorkbook(c, dir);
    const mb = fs.statSync(file).size / 1e6;
    const made = Date.now() - t0;
    const m = measure([bin, 'index', '--json', '--lang', 'en', file]);
    let summary = '';
    try {
      const o = JSON.parse(m.stdout.trim().split('\n')[0]) as { index?: number | null; sheet?: string; error?: string; issues?: Array<{ code: string; message: string }> };
      const cut = (o.issues ?? []).filter((i) => i.code === 'SHEET_TRUNCATED').map((i) => i.message);
      summary = o.error ? `error: ${o.error}` : `index ${o.index} from sheet "${o.sheet}"${cut.length ? `; ${cut.length} warning(s) SHEET_TRUNCATED: ${cut[0]}` : ''}`;
    } catch {
      summary = `no JSON (exit ${m.code}): ${m.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
    }
    console.log(`${c.name}: ${c.about}; ${mb.toFixed(1)} MB${made > 1000 ? ` (generated in ${(made / 1000).toFixed(0)} s)` : ''}`);
    console.log(`  spbe index --json: ${m.seconds.toFixed(2)} s, peak ${m.maxRssMiB.toFixed(0)} MiB, exit ${m.code}; ${summary}`);
    // spbe gap: the index, the plan, and the gap sheet added to the original package (a selected big sheet spliced)
    const out = path.join(dir, `${c.name}-gap.xlsx`);
    fs.rmSync(out, { force: true });
    const gm = measure([bin, 'gap', '--json', '--lang', 'en', '--target-predicate', 'Baik', '--out', out, file]);
    let gapSummary = '';
    try {
      const o = JSON.parse(gm.stdout.trim().split('\n')[0]) as { gapSheet?: string | null; error?: string; steps?: number };
      gapSummary = o.error ? `error: ${o.error}` : `sheet "${o.gapSheet}" added, ${o.steps} steps, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB written`;
    } catch {
      gapSummary = `no JSON (exit ${gm.code}): ${gm.stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
    }
    console.log(`  spbe gap --json:   ${gm.seconds.toFixed(2)} s, peak ${gm.maxRssMiB.toFixed(0)} MiB, exit ${gm.code}; ${gapSummary}`);
    fs.rmSync(out, { force: true });
    if (reference && refBin) {
      if (mb > 5) console.log('  reference (exceljs): skipped (minutes and gigabytes at this size; see issue 10 for its figures)');
      else {
        const r = measure([refBin, 'index', '--json', '--lang', 'en', file]);
        console.log(`  reference (exceljs): ${r.seconds.toFixed(2)} s, peak ${r.maxRssMiB.toFixed(0)} MiB, exit ${r.code}`);
      }
    }
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
    process.exit(1);
  });
}
