/**
 * Office's display language is read in one place (src/excel/display-language.ts), and only the Office adapter
 * (src/excel) touches the Office global at all.
 */
import * as fs from 'fs';
import * as path from 'path';
import { displayLanguage, whenDisplayLanguage } from '../../src/excel/display-language';

test('displayLanguage reads Office.context.displayLanguage, undefined outside Office', () => {
  expect(displayLanguage({ Office: { context: { displayLanguage: 'en-GB' } } })).toBe('en-GB');
  expect(displayLanguage({ Office: { context: { displayLanguage: '' } } })).toBeUndefined();
  expect(displayLanguage({})).toBeUndefined();
  const throwing = {
    get context(): never {
      throw new Error('no host');
    },
  };
  expect(displayLanguage({ Office: throwing })).toBeUndefined();
});

test('whenDisplayLanguage answers once Office is ready, and not at all outside Office', () => {
  let ready: (() => void) | null = null;
  const seen: Array<string | undefined> = [];
  const office = { onReady: (cb: () => void) => ((ready = cb), Promise.resolve()), context: { displayLanguage: 'id-ID' } };
  expect(whenDisplayLanguage((t) => seen.push(t), { Office: office })).toBe(true);
  expect(seen).toEqual([]);
  (ready as unknown as () => void)();
  expect(seen).toEqual(['id-ID']);
  expect(whenDisplayLanguage((t) => seen.push(t), {})).toBe(false);
});

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? sources(p) : /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

test('no module outside src/excel uses the Office global', () => {
  const src = path.join(__dirname, '..', '..', 'src');
  const offenders: string[] = [];
  for (const file of sources(src)) {
    if (file.startsWith(path.join(src, 'excel') + path.sep)) continue;
    const code = fs
      .readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    if (/\btypeof Office\b|\bOffice\.(context|onReady|addin|actions|EventType|HostType|VisibilityMode)\b/.test(code)) offenders.push(path.relative(src, file));
  }
  expect(offenders).toEqual([]);
});
