/**
 * Offline checks of manifest.xml (Microsoft's online validator is `npm run validate`): well-formed
 * XML, internally consistent (every resid defined, in the right kind of resource; the shared
 * runtime, the custom-functions page, the function file and the task pane name the same resource),
 * https URLs, a GUID id, a valid version, icon files that exist with the declared pixel sizes, and
 * what the production build does to the URLs (ADDIN_URL).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { GENERATE_GAP_ACTION } from '../../src/commands/commands';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

// ---------------------------------------------------------------------------------------------
// A small strict XML parser: elements, attributes, text, comments, the XML declaration.
// ---------------------------------------------------------------------------------------------

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent: XmlElement | null;
}

const NAME = '[A-Za-z_][\\w.:-]*';
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string, where: number): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);?/gi, (whole, ent: string) => {
    if (!whole.endsWith(';')) throw new Error(`bare & at ${where}`);
    if (ent[0] === '#') return String.fromCodePoint(ent[1] === 'x' || ent[1] === 'X' ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10));
    const v = ENTITIES[ent];
    if (v === undefined) throw new Error(`unknown entity &${ent}; at ${where}`);
    return v;
  });
}

function parseXml(source: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: '#document', attrs: {}, children: [], text: '', parent: null };
  let current = root;
  const fail = (m: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new Error(`XML: ${m} (line ${line})`);
  };
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  const decl = /^<\?xml\s[^?]*\?>/.exec(source.slice(i));
  if (decl) i += decl[0].length;
  while (i < source.length) {
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('unterminated comment');
      if (source.slice(i + 4, end).includes('--')) fail('"--" inside a comment');
      i = end + 3;
    } else if (source.startsWith('</', i)) {
      const m = new RegExp(`^</(${NAME})\\s*>`).exec(source.slice(i));
      if (!m) fail('bad end tag');
      const name = (m as RegExpExecArray)[1];
      if (current.name !== name) fail(`</${name}> closes <${current.name}>`);
      current = current.parent as XmlElement;
      i += (m as RegExpExecArray)[0].length;
    } else if (source[i] === '<') {
      const m = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`).exec(source.slice(i));
      if (!m) fail('bad start tag');
      const [whole, name, attrText, selfClose] = m as RegExpExecArray;
      const attrs: Record<string, string> = {};
      const attrRe = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
      let a: RegExpExecArray | null;
      while ((a = attrRe.exec(attrText))) {
        if (Object.prototype.hasOwnProperty.call(attrs, a[1])) fail(`duplicate attribute ${a[1]}`);
        attrs[a[1]] = decode(a[2] ?? a[3], i);
      }
      if (current === root && root.children.length > 0) fail('more than one root element');
      const el: XmlElement = { name, attrs, children: [], text: '', parent: current };
      current.children.push(el);
      if (!selfClose) current = el;
      i += whole.length;
    } else {
      const end = source.indexOf('<', i);
      const raw = source.slice(i, end < 0 ? source.length : end);
      if (current === root) {
        if (raw.trim() !== '') fail('text outside the root element');
      } else current.text += decode(raw, i);
      i += raw.length;
    }
  }
  if (current !== root) fail(`<${current.name}> is not closed`);
  if (root.children.length !== 1) fail('no root element');
  return root.children[0];
}

function all(el: XmlElement, pred: (e: XmlElement) => boolean, out: XmlElement[] = []): XmlElement[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}
const byName = (el: XmlElement, name: string) => all(el, (e) => e.name === name);
const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name);
function path1(el: XmlElement, ...names: string[]): XmlElement {
  let cur: XmlElement | undefined = el;
  for (const n of names) {
    cur = cur && child(cur, n);
    if (!cur) throw new Error(`no ${names.join('/')}`);
  }
  return cur as XmlElement;
}
const ancestors = (el: XmlElement): string[] => {
  const out: string[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p.name);
  return out;
};

// ---------------------------------------------------------------------------------------------

const doc = parseXml(MANIFEST);
const resources = path1(doc, 'VersionOverrides', 'Resources');
const defined = new Map<string, { kind: string; value: string; overrides: string[] }>();
for (const group of resources.children) {
  for (const r of group.children) {
    defined.set(r.attrs.id, { kind: group.name, value: r.attrs.DefaultValue, overrides: r.children.map((o) => o.attrs.Value) });
  }
}

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  expect(b.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The project file an add-in URL points at (URLs are https://localhost:3000/<path> in the source manifest). */
function fileOf(url: string): string {
  const u = new URL(url);
  return path.join(ROOT, decodeURIComponent(u.pathname));
}

describe('manifest.xml', () => {
  test('is well-formed XML with the OfficeApp root of a task pane add-in for Excel', () => {
    expect(doc.name).toBe('OfficeApp');
    expect(doc.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(doc.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(byName(doc, 'Host').map((h) => h.attrs.Name ?? h.attrs['xsi:type'])).toEqual(['Workbook', 'Workbook']);
    expect(path1(doc, 'Permissions').text).toBe('ReadWriteDocument');
    // the parser itself rejects what is not well-formed
    expect(() => parseXml('<a><b></a>')).toThrow(/closes/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/entity/);
    expect(() => parseXml('<a/><b/>')).toThrow(/root/);
  });

  test('the id is a GUID and the version has 1–4 numeric parts (Office: at most 4)', () => {
    expect(path1(doc, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(path1(doc, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  });

  test('the top-level elements are in the order the schema demands', () => {
    const order = ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'];
    expect(doc.children.map((c) => c.name)).toEqual(order);
  });

  test('below the top level, every element\'s children come in the order the schemas demand (an out-of-order child makes Office reject the manifest)', () => {
    // xs:sequence of each complex type, from the OfficeApp 1.1 schema and the task pane
    // VersionOverrides 1.0 schema (MS-OWEMXML); a child not listed is not allowed there.
    const sequences: Array<[string, (e: XmlElement) => boolean, string[]]> = [
      ['VersionOverrides', (e) => e.name === 'VersionOverrides', ['Description', 'Requirements', 'Hosts', 'Resources', 'WebApplicationInfo', 'EquivalentAddins']],
      ['Host (Workbook)', (e) => e.name === 'Host' && e.attrs['xsi:type'] === 'Workbook', ['Runtimes', 'AllFormFactors', 'DesktopFormFactor']],
      ['Runtimes', (e) => e.name === 'Runtimes', ['Runtime']],
      ['AllFormFactors', (e) => e.name === 'AllFormFactors', ['ExtensionPoint']],
      ['DesktopFormFactor', (e) => e.name === 'DesktopFormFactor', ['GetStarted', 'FunctionFile', 'ExtensionPoint']],
      ['GetStarted', (e) => e.name === 'GetStarted', ['Title', 'Description', 'LearnMoreUrl']],
      ['ExtensionPoint (CustomFunctions)', (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions', ['Script', 'Page', 'Metadata', 'Namespace']],
      ['ExtensionPoint (PrimaryCommandSurface)', (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'PrimaryCommandSurface', ['OfficeTab', 'CustomTab']],
      ['OfficeTab', (e) => e.name === 'OfficeTab', ['Group']],
      ['Group', (e) => e.name === 'Group', ['Label', 'Icon', 'Control']],
      ['Control (Button)', (e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button', ['Label', 'Supertip', 'Icon', 'Action']],
      ['Supertip', (e) => e.name === 'Supertip', ['Title', 'Description']],
      ['Action (ShowTaskpane)', (e) => e.name === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane', ['TaskpaneId', 'SourceLocation', 'Title']],
      ['Action (ExecuteFunction)', (e) => e.name === 'Action' && e.attrs['xsi:type'] === 'ExecuteFunction', ['FunctionName']],
      ['Resources', (e) => e.name === 'Resources', ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']],
      ['Requirements', (e) => e.name === 'Requirements', ['Sets', 'Methods']],
      ['Sets', (e) => e.name === 'Sets', ['Set']],
      ['DefaultSettings', (e) => e.name === 'DefaultSettings', ['SourceLocation', 'RequestedWidth', 'RequestedHeight']],
      ['DisplayName', (e) => e.name === 'DisplayName', ['Override']],
      ['Description (base)', (e) => e.name === 'Description' && e.parent === doc, ['Override']],
      ['AppDomains', (e) => e.name === 'AppDomains', ['AppDomain']],
      ['Hosts (base)', (e) => e.name === 'Hosts' && e.parent === doc, ['Host']],
    ];
    const checked = new Set<XmlElement>();
    for (const [label, match, order] of sequences) {
      const found = all(doc, match);
      expect({ label, found: found.length > 0 }).toEqual({ label, found: true });
      for (const el of found) {
        checked.add(el);
        let last = -1;
        for (const c of el.children) {
          const at = order.indexOf(c.name);
          expect({ parent: label, child: c.name, allowed: at >= 0 }).toEqual({ parent: label, child: c.name, allowed: true });
          expect({ parent: label, child: c.name, inOrder: at >= last }).toEqual({ parent: label, child: c.name, inOrder: true });
          last = at;
        }
      }
    }
    // and the required children are there
    const required: Array<[(e: XmlElement) => boolean, string[]]> = [
      [(e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button', ['Label', 'Supertip', 'Icon', 'Action']],
      [(e) => e.name === 'Group', ['Label', 'Icon', 'Control']],
      [(e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions', ['Script', 'Page', 'Metadata', 'Namespace']],
      [(e) => e.name === 'GetStarted', ['Title', 'Description', 'LearnMoreUrl']],
      [(e) => e.name === 'Supertip', ['Title', 'Description']],
    ];
    for (const [match, names] of required) for (const el of all(doc, match)) expect(names.filter((n) => !child(el, n))).toEqual([]);
    // every group and button icon has the three sizes Office asks for (16, 32, 80)
    for (const icon of all(doc, (e) => e.name === 'Icon')) expect(icon.children.map((i) => Number(i.attrs.size))).toEqual([16, 32, 80]);
    // the namespaces and schema versions Office expects for a task pane add-in with VersionOverrides 1.0
    const vo = path1(doc, 'VersionOverrides');
    expect(vo.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(doc.attrs['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
    expect(doc.attrs['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    // a wrong order is caught: swapping Script and Page of the custom functions would fail the check above
    const cf = all(doc, (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions')[0];
    const swapped = [...cf.children].reverse().map((c) => ['Script', 'Page', 'Metadata', 'Namespace'].indexOf(c.name));
    expect(swapped.every((v, i) => i === 0 || v >= swapped[i - 1])).toBe(false);
  });

  test('every resid is defined once, in the right kind of resource, and is at most 32 characters', () => {
    const ids = resources.children.flatMap((g) => g.children.map((r) => r.attrs.id));
    expect(new Set(ids).size).toBe(ids.length);
    const uses = all(doc, (e) => e.attrs.resid !== undefined);
    expect(uses.length).toBeGreaterThan(10);
    for (const u of uses) {
      const r = defined.get(u.attrs.resid);
      expect({ resid: u.attrs.resid, defined: r !== undefined }).toEqual({ resid: u.attrs.resid, defined: true });
      expect(u.attrs.resid.length).toBeLessThanOrEqual(32);
      const kind = (r as { kind: string }).kind;
      const inGroup = ancestors(u)[0];
      if (u.name === 'bt:Image') expect(kind).toBe('bt:Images');
      else if (u.name === 'SourceLocation' || u.name === 'Runtime' || u.name === 'FunctionFile' || u.name === 'LearnMoreUrl') expect(kind).toBe('bt:Urls');
      else if (u.name === 'Label' || u.name === 'Title' || u.name === 'Namespace') expect(kind).toBe('bt:ShortStrings');
      else if (u.name === 'Description') expect(kind).toBe('bt:LongStrings');
      else throw new Error(`unexpected resid user <${u.name}> in <${inGroup}>`);
    }
    // and every resource is used
    const used = new Set(uses.map((u) => u.attrs.resid));
    for (const id of ids) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
  });

  test('shared runtime: Runtime, custom-functions Page, FunctionFile and the task pane name the same resource', () => {
    const runtime = byName(doc, 'Runtime');
    expect(runtime).toHaveLength(1);
    expect(runtime[0].attrs.lifetime).toBe('long');
    const resid = runtime[0].attrs.resid;
    const cf = all(doc, (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions')[0];
    expect(path1(cf, 'Page', 'SourceLocation').attrs.resid).toBe(resid);
    expect(byName(doc, 'FunctionFile').map((f) => f.attrs.resid)).toEqual([resid]);
    const show = all(doc, (e) => e.name === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane');
    expect(show).toHaveLength(1);
    expect(path1(show[0], 'SourceLocation').attrs.resid).toBe(resid);
    expect((defined.get(resid) as { value: string }).value).toMatch(/\/taskpane\.html$/);
    expect(path1(doc, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue).toBe((defined.get(resid) as { value: string }).value);
  });

  test('custom functions: namespace SPBE, functions.json (Indonesian override functions-id.json), the functions script', () => {
    const cf = all(doc, (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions')[0];
    expect((defined.get(path1(cf, 'Namespace').attrs.resid) as { value: string }).value).toBe('SPBE');
    const meta = defined.get(path1(cf, 'Metadata', 'SourceLocation').attrs.resid) as { value: string; overrides: string[] };
    expect(meta.value).toMatch(/\/functions\.json$/);
    expect(meta.overrides).toEqual([expect.stringMatching(/\/functions-id\.json$/)]);
    expect((defined.get(path1(cf, 'Script', 'SourceLocation').attrs.resid) as { value: string }).value).toMatch(/\/functions\.js$/);
    expect(ancestors(cf)).toContain('AllFormFactors');
  });

  test('requirement sets: SharedRuntime 1.1, CustomFunctionsRuntime (1.3: error codes with messages), ExcelApi', () => {
    const sets = Object.fromEntries(byName(path1(doc, 'Requirements'), 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]));
    expect(sets.SharedRuntime).toBe('1.1');
    expect(sets.CustomFunctionsRuntime).toBe('1.3');
    expect(sets.ExcelApi).toMatch(/^1\.\d+$/);
  });

  test('a "SPBE" group on the Home tab: a button opening the pane and one running the gap-sheet command', () => {
    const tab = all(doc, (e) => e.name === 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    expect(ancestors(tab)).toContain('ExtensionPoint');
    expect(all(doc, (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'PrimaryCommandSurface')).toHaveLength(1);
    const group = path1(tab, 'Group');
    expect((defined.get(path1(group, 'Label').attrs.resid) as { value: string }).value).toBe('SPBE');
    const buttons = group.children.filter((c) => c.name === 'Control');
    expect(buttons.map((b) => path1(b, 'Action').attrs['xsi:type'])).toEqual(['ShowTaskpane', 'ExecuteFunction']);
    expect(path1(buttons[1], 'Action', 'FunctionName').text).toBe(GENERATE_GAP_ACTION);
    const controlIds = all(doc, (e) => e.name === 'Control' || e.name === 'Group').map((e) => e.attrs.id);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  test('every URL is https', () => {
    const urls = [
      ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map((n) => path1(doc, n).attrs.DefaultValue),
      path1(doc, 'DefaultSettings', 'SourceLocation').attrs.DefaultValue,
      ...byName(doc, 'AppDomain').map((d) => d.text.trim()),
      ...[...defined.values()].filter((r) => r.kind === 'bt:Urls' || r.kind === 'bt:Images').flatMap((r) => [r.value, ...r.overrides]),
    ];
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  test('icons exist in assets/ with the declared pixel sizes', () => {
    const checked = new Set<string>();
    for (const img of all(doc, (e) => e.name === 'bt:Image' && e.attrs.size !== undefined)) {
      const r = defined.get(img.attrs.resid) as { value: string };
      const size = Number(img.attrs.size);
      expect(pngSize(fileOf(r.value))).toEqual({ width: size, height: size });
      expect(img.attrs.resid).toBe(`Icon.${size}x${size}`);
      checked.add(r.value);
    }
    expect(pngSize(fileOf(path1(doc, 'IconUrl').attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fileOf(path1(doc, 'HighResolutionIconUrl').attrs.DefaultValue))).toEqual({ width: 64, height: 64 });
    expect(checked.size).toBe(3);
    for (const size of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  test('string lengths stay within the manifest limits (short 125, long 250, display name 125, description 250)', () => {
    for (const r of defined.values()) {
      const max = r.kind === 'bt:ShortStrings' ? 125 : r.kind === 'bt:LongStrings' ? 250 : 2048;
      for (const v of [r.value, ...r.overrides]) expect(v.length).toBeLessThanOrEqual(max);
    }
    for (const [name, max] of [['DisplayName', 125], ['Description', 250]] as const) {
      const el = path1(doc, name);
      for (const v of [el.attrs.DefaultValue, ...el.children.map((o) => o.attrs.Value)]) expect(v.length).toBeLessThanOrEqual(max);
    }
  });

  test("Microsoft's own manifest reader (office-addin-manifest, offline) reads it", () => {
    // In a child process: the package loads ES modules that jest's CommonJS runtime cannot.
    const script =
      "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
      '.then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(e.message); process.exit(1); })';
    const out = execFileSync(process.execPath, ['-e', script, path.join(ROOT, 'manifest.xml')], { cwd: ROOT, encoding: 'utf8', timeout: 30000 });
    const info = JSON.parse(out) as Record<string, unknown>;
    expect(info).toMatchObject({
      id: path1(doc, 'Id').text,
      version: path1(doc, 'Version').text,
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      displayName: 'SPBE Index',
    });
  });

  test('Indonesian overrides exist for what users read (name, description, buttons)', () => {
    expect(path1(doc, 'DisplayName').children.map((o) => o.attrs.Locale)).toEqual(['id-ID']);
    expect(path1(doc, 'Description').children.map((o) => o.attrs.Locale)).toEqual(['id-ID']);
    for (const id of ['TaskpaneButton.Label', 'GapButton.Label', 'TaskpaneButton.Tooltip', 'GapButton.Tooltip']) {
      expect((defined.get(id) as { overrides: string[] }).overrides).toHaveLength(1);
    }
  });
});

describe('production URLs (webpack.config.js, ADDIN_URL)', () => {
  const saved = process.env.ADDIN_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  });

  async function transformedManifest(): Promise<string> {
    const makeConfig = require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<{ plugins: unknown[] }>;
    const config = await makeConfig({}, { mode: 'production' });
    const copy = config.plugins.find((p) => p && (p as { constructor: { name: string } }).constructor.name === 'CopyPlugin') as {
      patterns: Array<{ from: string; transform?: (c: Buffer) => string }>;
    };
    const pattern = copy.patterns.find((p) => p.from === 'manifest.xml');
    return (pattern as { transform: (c: Buffer) => string }).transform(Buffer.from(MANIFEST));
  }

  test('every localhost URL becomes ADDIN_URL; the result is still a valid manifest', async () => {
    process.env.ADDIN_URL = 'https://spbe.example.go.id/addin/';
    const out = await transformedManifest();
    expect(out).not.toContain('localhost');
    const d = parseXml(out);
    expect(path1(d, 'IconUrl').attrs.DefaultValue).toBe('https://spbe.example.go.id/addin/assets/icon-32.png');
    expect(byName(d, 'AppDomain')[0].text).toBe('https://spbe.example.go.id/addin');
  });

  test('without ADDIN_URL the dev URL stays; a non-https ADDIN_URL is refused', async () => {
    delete process.env.ADDIN_URL;
    expect(await transformedManifest()).toBe(MANIFEST);
    process.env.ADDIN_URL = 'http://example.org';
    await expect(transformedManifest()).rejects.toThrow(/https/);
  });
});

describe('the production build (webpack.config.js) makes what the manifest names', () => {
  test('entries, the one shared-runtime page with every chunk, functions.json, manifest.xml and the icons', async () => {
    const makeConfig = require('../../webpack.config.js') as (env: unknown, argv: { mode: string }) => Promise<Record<string, any>>;
    const config = await makeConfig({}, { mode: 'production' });
    expect(config.mode).toBe('production');
    expect(config.devtool).toBe(false);
    expect(Object.keys(config.entry).sort()).toEqual(['commands', 'functions', 'taskpane']);
    expect(config.output.filename).toBe('[name].js');
    const names = config.plugins.map((p: { constructor: { name: string } }) => p.constructor.name);
    expect(names).toEqual(expect.arrayContaining(['FunctionsMetadataPlugin', 'HtmlWebpackPlugin', 'CopyPlugin']));
    const html = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'HtmlWebpackPlugin');
    const options = html.userOptions ?? html.options;
    expect(options.filename).toBe('taskpane.html');
    expect(options.chunks).toEqual(expect.arrayContaining(['functions', 'commands', 'taskpane']));
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
    expect(copy.patterns.map((p: { from: string }) => p.from)).toEqual(expect.arrayContaining(['manifest.xml', 'assets/*.png']));
    // what the manifest points at, relative to the add-in URL, is what the build emits
    const urls = [...defined.values()].filter((r) => r.kind === 'bt:Urls' || r.kind === 'bt:Images').flatMap((r) => [r.value, ...r.overrides]);
    const emitted = new Set(['taskpane.html', 'functions.js', 'functions.json', 'functions-id.json', ...fs.readdirSync(path.join(ROOT, 'assets')).map((f) => `assets/${f}`)]);
    for (const u of urls) expect({ url: u, emitted: emitted.has(new URL(u).pathname.slice(1)) }).toEqual({ url: u, emitted: true });
    // the page loads office.js from Microsoft's CDN, as Office requires
    const template = fs.readFileSync(path.join(ROOT, options.template), 'utf8');
    expect(template).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });
});
