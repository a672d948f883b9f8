/**
 * LibreOffice for tests: where `soffice` is, a throw-away user profile that recalculates every formula on
 * load (OOXMLRecalcMode = 0), batch conversions, and turning a PDF into PNG pages (pdftoppm, else
 * Ghostscript). Tests needing these skip with a notice when they are missing, and fail under CI=true.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

function which(names: ReadonlyArray<string>): string | null {
  for (const name of names) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return null;
}

export const SOFFICE = which(['soffice', 'libreoffice']);
export const IN_CI = process.env.CI === 'true';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A LibreOffice user profile in `dir` that recalculates every formula when a file is opened. */
export function recalcProfile(dir: string): string {
  const profile = path.join(dir, 'profile');
  fs.mkdirSync(path.join(profile, 'user'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  return profile;
}

/** Converts files with LibreOffice (one process for all); returns the output paths, in order. */
export function convert(profile: string, files: ReadonlyArray<string>, to: 'xlsx' | 'pdf', outDir: string): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--nologo', '--convert-to', to, '--outdir', outDir, ...files], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  return files.map((f) => {
    const out = path.join(outDir, path.basename(f).replace(/\.[^.]+$/, `.${to}`));
    if (!fs.existsSync(out)) throw new Error(`soffice wrote no ${out}: ${r.stdout} ${r.stderr}`);
    return out;
  });
}

const PDFTOPPM = which(['pdftoppm']);
const GS = which(['gs']);

/** The program that turns PDF pages into PNGs here, or null. */
export const RASTERIZER: string | null = PDFTOPPM ? 'pdftoppm' : GS ? 'gs' : null;

/** Renders every page of a PDF as `<prefix>-<n>.png` (n from 1) at `dpi`; returns the PNG paths in page order. */
export function pdfToPngs(pdf: string, prefix: string, dpi = 60): string[] {
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  for (const f of fs.readdirSync(path.dirname(prefix))) if (f.startsWith(`${path.basename(prefix)}-`) && f.endsWith('.png')) fs.rmSync(path.join(path.dirname(prefix), f));
  let r;
  if (PDFTOPPM) r = spawnSync(PDFTOPPM, ['-png', '-r', String(dpi), pdf, prefix], { encoding: 'utf8', timeout: 120_000 });
  else if (GS) r = spawnSync(GS, ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=png16m', `-r${dpi}`, `-sOutputFile=${prefix}-%d.png`, pdf], { encoding: 'utf8', timeout: 120_000 });
  else throw new Error('no PDF rasterizer (pdftoppm or gs)');
  if (r.status !== 0) throw new Error(`${RASTERIZER} failed: ${r.stderr}`);
  const dir = path.dirname(prefix);
  const base = path.basename(prefix);
  return fs
    .readdirSync(dir)
    .map((f) => ({ f, m: new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-0*(\\d+)\\.png$`).exec(f) }))
    .filter((x) => x.m)
    .sort((a, b) => Number(a.m![1]) - Number(b.m![1]))
    .map((x) => path.join(dir, x.f));
}

/**
 * Declares the tests of `body` when LibreOffice is installed. Without it, under CI=true one failing test
 * says what to install; on a user's machine a visible notice and a skipped test say what did not run.
 * `what` completes "skipping …" and "installed for …".
 */
export function withSoffice(what: string, body: (soffice: string) => void): void {
  if (SOFFICE) {
    body(SOFFICE);
  } else if (IN_CI) {
    test(`LibreOffice (soffice) is installed for ${what}`, () => {
      throw new Error(`soffice not found: install the Debian package libreoffice-calc (CI=true requires ${what} to run)`);
    });
  } else {
    console.warn(`NOTICE: LibreOffice (soffice) not found: skipping ${what}. Install libreoffice-calc to run it.`);
    test.skip(`${what} (soffice missing)`, () => undefined);
  }
}
