/**
 * Offline checks of manifest.xml (Microsoft's online validator is `npm run validate`) and of what a build
 * makes of it (scripts/addin-build.js, webpack.config.js): well-formed XML, internally consistent (every
 * resid defined, in the right kind of resource; the shared runtime, the custom-functions page, the function
 * file and the task pane name the same resource), https URLs, and what Office and the Marketplace ask for:
 * - version 1.0.0.0 or later, written from package.json (one source: this test holds the two together);
 * - SupportUrl and LearnMoreUrl at the help page, which the build emits;
 * - the provider and the URL as build-time settings; a loud warning without ADDIN_URL; a release build that
 *   fails instead; a development identity (Id, "(dev)", namespace) apart from the released one;
 * - the requirement sets the code needs and no more (CustomFunctionsRuntime 1.2), the same as the pane checks;
 * - ribbon icons in every size of Microsoft's guidelines, each file with its pixel size;
 * - sample server configurations (deploy/) with the MIME types and CORS headers Office needs.
 * test/manifest/build.test.ts runs a real build with the settings and checks its files.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GENERATE_GAP_ACTION } from '../../src/commands/commands';
import { REQUIRED_SETS } from '../../src/excel/detect';
import { RIBBON_ICON_SIZES } from '../../scripts/make-icons';
import { all, ancestors, byName, child, parseXml, path1, type XmlElement } from './xml';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../scripts/addin-build.js') as typeof import('../../scripts/addin-build');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string> };

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

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

  test('the id is a GUID; the version is 1.0.0.0 or later and is package.json\'s (one source of truth)', () => {
    expect(path1(doc, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = path1(doc, 'Version').text;
    // Office: up to 4 parts of up to 5 digits; the Marketplace: the first part 1–9999 (0.x.x.x is refused).
    expect(version).toMatch(/^[1-9]\d{0,3}(\.\d{1,5}){0,3}$/);
    expect(PACKAGE.version).toBe('1.0.0');
    expect(version).toBe('1.0.0.0');
    expect(build.manifestVersion(PACKAGE.version)).toBe(version);
    // what the build writes comes from package.json, whatever the file says
    const s = build.settings({}, { version: '2.3.4' });
    expect(path1(parseXml(build.transformManifest(MANIFEST, s, 'production')), 'Version').text).toBe('2.3.4.0');
    expect(() => build.manifestVersion('0.9.0')).toThrow(/1\.0\.0\.0/);
    expect(() => build.manifestVersion('1.0.0-beta.1')).toThrow(/x\.y\.z/);
  });

  test('this is the development manifest: its own Id, "(dev)" names, function namespace SPBEDEV, the default provider', () => {
    expect(path1(doc, 'Id').text).toBe(build.IDENTITY.development.id);
    expect(build.IDENTITY.development.id).not.toBe(build.IDENTITY.production.id);
    const name = path1(doc, 'DisplayName');
    expect([name.attrs.DefaultValue, ...name.children.map((o) => o.attrs.Value)]).toEqual(['SPBE Index (dev)', 'Indeks SPBE (dev)']);
    expect((defined.get('Group.Label') as { value: string }).value).toBe('SPBE (dev)');
    expect((defined.get('Functions.Namespace') as { value: string }).value).toBe(build.IDENTITY.development.namespace);
    expect(path1(doc, 'ProviderName').text).toBe(build.DEFAULT_PROVIDER);
    // a product name is not a provider
    expect(path1(doc, 'ProviderName').text).not.toBe(name.attrs.DefaultValue.replace(' (dev)', ''));
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
    // every group and button icon has every size of Microsoft's ribbon guidelines
    for (const icon of all(doc, (e) => e.name === 'Icon')) expect(icon.children.map((i) => Number(i.attrs.size))).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
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

  test('custom functions: namespace SPBEDEV here (SPBE when released), functions.json (Indonesian override functions-id.json), the functions script', () => {
    const cf = all(doc, (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions')[0];
    expect((defined.get(path1(cf, 'Namespace').attrs.resid) as { value: string }).value).toBe('SPBEDEV');
    const meta = defined.get(path1(cf, 'Metadata', 'SourceLocation').attrs.resid) as { value: string; overrides: string[] };
    expect(meta.value).toMatch(/\/functions\.json$/);
    expect(meta.overrides).toEqual([expect.stringMatching(/\/functions-id\.json$/)]);
    expect((defined.get(path1(cf, 'Script', 'SourceLocation').attrs.resid) as { value: string }).value).toMatch(/\/functions\.js$/);
    expect(ancestors(cf)).toContain('AllFormFactors');
  });

  test('requirement sets: SharedRuntime 1.1, CustomFunctionsRuntime 1.2 (nothing needs 1.3), ExcelApi 1.9; the pane checks the same', () => {
    const sets = byName(path1(doc, 'Requirements'), 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([
      ['SharedRuntime', '1.1'],
      ['CustomFunctionsRuntime', '1.2'],
      ['ExcelApi', '1.9'],
    ]);
    // the pane's own check (src/excel/detect.ts) names the same sets, so it can say what is missing
    expect(REQUIRED_SETS.map(([n, v]) => [n, v])).toEqual(sets);
    // Why 1.2 is enough: 1.2 brought CustomFunctions.Error with a message for #VALUE! and #N/A, the only two
    // codes the functions return; 1.3 added XLL streaming and further error codes, used nowhere.
    const problems = fs.readFileSync(path.join(ROOT, 'src', 'core', 'problems.ts'), 'utf8');
    expect(/export type ExcelError = ([^;]+);/.exec(problems)?.[1]).toBe("'#VALUE!' | '#N/A'");
    const fnSource = fs.readdirSync(path.join(ROOT, 'src', 'functions')).map((f) => fs.readFileSync(path.join(ROOT, 'src', 'functions', f), 'utf8')).join('\n');
    for (const later of ['ErrorCode.', '@streaming', 'StreamingInvocation', 'CancelableInvocation', '@requiresStreamAddress', '@linkedEntityLoadService']) expect({ later, used: fnSource.includes(later) }).toEqual({ later, used: false });
  });

  test('a "SPBE" group on the Home tab: a button opening the pane and one running the gap-sheet command', () => {
    const tab = all(doc, (e) => e.name === 'OfficeTab')[0];
    expect(tab.attrs.id).toBe('TabHome');
    expect(ancestors(tab)).toContain('ExtensionPoint');
    expect(all(doc, (e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'PrimaryCommandSurface')).toHaveLength(1);
    const group = path1(tab, 'Group');
    expect((defined.get(path1(group, 'Label').attrs.resid) as { value: string }).value).toBe('SPBE (dev)');
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

  test('ribbon icons in every size of the guidelines (16, 20, 24, 32, 40, 48, 64, 80), each file with its pixel size', () => {
    expect([...RIBBON_ICON_SIZES]).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
    const checked = new Set<string>();
    for (const img of all(doc, (e) => e.name === 'bt:Image' && e.attrs.size !== undefined)) {
      const r = defined.get(img.attrs.resid) as { value: string };
      const size = Number(img.attrs.size);
      expect({ size, file: r.value, pixels: pngSize(fileOf(r.value)) }).toEqual({ size, file: expect.stringMatching(new RegExp(`/assets/icon-${size}\\.png$`)), pixels: { width: size, height: size } });
      expect(img.attrs.resid).toBe(`Icon.${size}x${size}`);
      checked.add(r.value);
    }
    expect(checked.size).toBe(RIBBON_ICON_SIZES.length);
    expect(pngSize(fileOf(path1(doc, 'IconUrl').attrs.DefaultValue))).toEqual({ width: 32, height: 32 });
    expect(pngSize(fileOf(path1(doc, 'HighResolutionIconUrl').attrs.DefaultValue))).toEqual({ width: 64, height: 64 });
    for (const size of [...RIBBON_ICON_SIZES, 128]) expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
  });

  test('SupportUrl and LearnMoreUrl point at the help page (help.html), not at the pane', () => {
    expect(path1(doc, 'SupportUrl').attrs.DefaultValue).toBe('https://localhost:3000/help.html');
    const learnMore = byName(doc, 'LearnMoreUrl');
    expect(learnMore).toHaveLength(1);
    expect((defined.get(learnMore[0].attrs.resid) as { value: string }).value).toBe('https://localhost:3000/help.html');
    expect(fs.existsSync(path.join(ROOT, 'src', 'help', 'help.html'))).toBe(true);
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

  test("Microsoft's own manifest reader (office-addin-manifest, offline) reads it, and the released manifest a build writes", () => {
    // In a child process: the package loads ES modules that jest's CommonJS runtime cannot.
    const read = (file: string) => {
      const script =
        "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
        '.then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(e.message); process.exit(1); })';
      return JSON.parse(execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8', timeout: 30000 })) as Record<string, unknown>;
    };
    expect(read(path.join(ROOT, 'manifest.xml'))).toMatchObject({
      id: build.IDENTITY.development.id,
      version: '1.0.0.0',
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      displayName: 'SPBE Index (dev)',
      providerName: build.DEFAULT_PROVIDER,
    });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spbe-manifest-'));
    try {
      const released = path.join(dir, 'manifest.xml');
      const s = build.settings({ ADDIN_URL: 'https://spbe.example.go.id', ADDIN_PROVIDER: 'Diskominfo Kabupaten Contoh' });
      fs.writeFileSync(released, build.transformManifest(MANIFEST, s, 'production'));
      expect(read(released)).toMatchObject({
        id: build.IDENTITY.production.id,
        version: '1.0.0.0',
        displayName: 'SPBE Index',
        providerName: 'Diskominfo Kabupaten Contoh',
        supportUrl: 'https://spbe.example.go.id/help.html',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Indonesian overrides exist for what users read (name, description, buttons)', () => {
    expect(path1(doc, 'DisplayName').children.map((o) => o.attrs.Locale)).toEqual(['id-ID']);
    expect(path1(doc, 'Description').children.map((o) => o.attrs.Locale)).toEqual(['id-ID']);
    for (const id of ['TaskpaneButton.Label', 'GapButton.Label', 'TaskpaneButton.Tooltip', 'GapButton.Tooltip']) {
      expect((defined.get(id) as { overrides: string[] }).overrides).toHaveLength(1);
    }
  });
});

type WebpackConfig = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require('../../webpack.config.js') as ((env: unknown, argv: { mode: string }) => Promise<WebpackConfig>) & { ES_TARGET: number };

const SETTINGS = ['ADDIN_URL', 'ADDIN_PROVIDER', 'ADDIN_SUPPORT', 'SPBE_RELEASE'] as const;

/** Runs `fn` with exactly these build settings in the environment (the others unset), then restores them. */
async function withSettings<T>(values: Partial<Record<(typeof SETTINGS)[number], string>>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]));
  for (const k of SETTINGS) {
    if (values[k] === undefined) delete process.env[k];
    else process.env[k] = values[k];
  }
  try {
    return await fn();
  } finally {
    for (const k of SETTINGS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

/** The webpack config for `mode`, with console.warn captured (the missing-URL warning goes there). */
async function configWith(values: Partial<Record<(typeof SETTINGS)[number], string>>, mode = 'production', env: Record<string, unknown> = {}): Promise<{ config: WebpackConfig; warned: string }> {
  const spy = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const config = await withSettings(values, () => makeConfig(env, { mode }));
    return { config, warned: spy.mock.calls.map((c) => c.join(' ')).join('\n') };
  } finally {
    spy.mockRestore();
  }
}

/** dist/manifest.xml as the config's copy step writes it. */
function manifestOf(config: WebpackConfig): string {
  const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
  const pattern = copy.patterns.find((p: { from: string }) => p.from === 'manifest.xml');
  return pattern.transform(Buffer.from(MANIFEST));
}

/** Every URL in a manifest: attributes and text that start with a scheme. */
function urlsIn(d: XmlElement): string[] {
  return all(d, () => true).flatMap((e) => [...Object.values(e.attrs), e.text.trim()].filter((v) => /^[a-z]+:\/\//i.test(v)));
}

describe('build-time settings (ADDIN_URL, ADDIN_PROVIDER, ADDIN_SUPPORT, release)', () => {
  test('with ADDIN_URL and the provider set, the production manifest names them everywhere and is the released add-in', async () => {
    const { config, warned } = await configWith({ ADDIN_URL: 'https://spbe.example.go.id/addin/', ADDIN_PROVIDER: 'Diskominfo Kabupaten Contoh & Mitra' });
    expect(warned).toBe('');
    const out = manifestOf(config);
    expect(out).not.toContain('localhost');
    expect(out).not.toContain('(dev)');
    expect(out).not.toContain('SPBEDEV');
    const d = parseXml(out);
    const urls = urlsIn(d).filter((u) => !u.startsWith('http://schemas.') && !u.startsWith('http://www.w3.org/'));
    expect(urls.length).toBeGreaterThan(15);
    for (const u of urls) expect(u.startsWith('https://spbe.example.go.id/addin/') || u === 'https://spbe.example.go.id').toBe(true);
    expect(path1(d, 'Id').text).toBe(build.IDENTITY.production.id);
    expect(path1(d, 'ProviderName').text).toBe('Diskominfo Kabupaten Contoh & Mitra');
    expect(path1(d, 'Version').text).toBe(build.manifestVersion(PACKAGE.version));
    expect(path1(d, 'DisplayName').attrs.DefaultValue).toBe('SPBE Index');
    expect(path1(d, 'DisplayName').children.map((o) => o.attrs.Value)).toEqual(['Indeks SPBE']);
    expect(path1(d, 'IconUrl').attrs.DefaultValue).toBe('https://spbe.example.go.id/addin/assets/icon-32.png');
    expect(path1(d, 'SupportUrl').attrs.DefaultValue).toBe('https://spbe.example.go.id/addin/help.html');
    // the app domain is an origin, without the path
    expect(byName(d, 'AppDomain').map((e) => e.text)).toEqual(['https://spbe.example.go.id']);
    const strings = byName(d, 'bt:String');
    expect(strings.find((e) => e.attrs.id === 'Functions.Namespace')?.attrs.DefaultValue).toBe('SPBE');
    expect(strings.find((e) => e.attrs.id === 'Group.Label')?.attrs.DefaultValue).toBe('SPBE');
    expect(strings.find((e) => e.attrs.id === 'GetStarted.Description')?.attrs.DefaultValue).toContain('=SPBE.INDEX(');
    expect(byName(d, 'bt:Url').find((e) => e.attrs.id === 'GetStarted.LearnMoreUrl')?.attrs.DefaultValue).toBe('https://spbe.example.go.id/addin/help.html');
  });

  test('a production build without ADDIN_URL warns loudly, naming the variable; a development build does not', async () => {
    const { config, warned } = await configWith({});
    expect(warned).toContain('WARNING: ADDIN_URL is not set');
    expect(warned).toContain('https://localhost:3000');
    expect(warned).toContain('npm run build:release');
    // also among webpack's own warnings, so it is in the build's summary
    expect(config.plugins.map((p: { constructor: { name: string } }) => p.constructor.name)).toContain('WarningPlugin');
    // the manifest keeps the dev server's URL, with the released identity and the default provider
    const d = parseXml(manifestOf(config));
    expect(path1(d, 'SupportUrl').attrs.DefaultValue).toBe('https://localhost:3000/help.html');
    expect(path1(d, 'Id').text).toBe(build.IDENTITY.production.id);
    expect(path1(d, 'ProviderName').text).toBe(build.DEFAULT_PROVIDER);

    const dev = await configWith({}, 'development');
    expect(dev.warned).toBe('');
    expect(dev.config.plugins.map((p: { constructor: { name: string } }) => p.constructor.name)).not.toContain('WarningPlugin');
  });

  test('development builds keep the development identity, so both add-ins can be installed side by side', async () => {
    const { config } = await configWith({ ADDIN_URL: 'https://test.example.go.id' }, 'development');
    const d = parseXml(manifestOf(config));
    expect(path1(d, 'Id').text).toBe(build.IDENTITY.development.id);
    expect(path1(d, 'DisplayName').attrs.DefaultValue).toBe('SPBE Index (dev)');
    expect(byName(d, 'bt:String').find((e) => e.attrs.id === 'Functions.Namespace')?.attrs.DefaultValue).toBe('SPBEDEV');
    expect(path1(d, 'SupportUrl').attrs.DefaultValue).toBe('https://test.example.go.id/help.html');
  });

  test('a release build (npm run build:release, SPBE_RELEASE=1) fails without ADDIN_URL or ADDIN_SUPPORT, naming them', async () => {
    expect(PACKAGE.scripts['build:release']).toBe('webpack --mode production --env release');
    await expect(configWith({}, 'production', { release: true })).rejects.toThrow(/ADDIN_URL[\s\S]*ADDIN_SUPPORT/);
    await expect(configWith({ SPBE_RELEASE: '1', ADDIN_URL: 'https://spbe.example.go.id' })).rejects.toThrow(/needs ADDIN_SUPPORT/);
    await expect(configWith({ SPBE_RELEASE: '1', ADDIN_SUPPORT: 'spbe@example.go.id' })).rejects.toThrow(/needs ADDIN_URL/);
    await expect(configWith({ SPBE_RELEASE: '1', ADDIN_URL: 'https://localhost:3000', ADDIN_SUPPORT: 'spbe@example.go.id' })).rejects.toThrow(/ADDIN_URL/);
    const ok = await configWith({ SPBE_RELEASE: '1', ADDIN_URL: 'https://spbe.example.go.id', ADDIN_SUPPORT: 'https://helpdesk.example.go.id/spbe' });
    expect(ok.warned).toBe('');
    expect(await configWith({ SPBE_RELEASE: '0' })).toBeDefined(); // "0" is not a release
  });

  test('malformed settings are refused with the variable named', async () => {
    await expect(configWith({ ADDIN_URL: 'http://example.org' })).rejects.toThrow(/ADDIN_URL must be an https URL/);
    await expect(configWith({ ADDIN_URL: 'https://example.org/?x=1' })).rejects.toThrow(/ADDIN_URL/);
    await expect(configWith({ ADDIN_URL: 'spbe' })).rejects.toThrow(/ADDIN_URL is not a URL/);
    await expect(configWith({ ADDIN_SUPPORT: 'call us' })).rejects.toThrow(/ADDIN_SUPPORT/);
    await expect(configWith({ ADDIN_SUPPORT: 'http://insecure.example.org' })).rejects.toThrow(/ADDIN_SUPPORT/);
    expect(build.supportContact('mailto:spbe@example.go.id')).toEqual({ kind: 'email', value: 'spbe@example.go.id', href: 'mailto:spbe@example.go.id' });
    expect(build.supportContact('https://x.example/lapor')).toEqual({ kind: 'url', value: 'https://x.example/lapor', href: 'https://x.example/lapor' });
    expect(build.supportContact('')).toBeNull();
  });
});

describe('the production build (webpack.config.js) makes what the manifest names', () => {
  test('entries, the one shared-runtime page with every chunk, functions.json, manifest.xml, the help page, the icons, the deploy samples', async () => {
    const { config } = await configWith({ ADDIN_URL: 'https://spbe.example.go.id' });
    expect(config.mode).toBe('production');
    expect(config.devtool).toBe(false);
    expect(Object.keys(config.entry).sort()).toEqual(['commands', 'functions', 'taskpane']);
    expect(config.output.filename).toBe('[name].js');
    const names = config.plugins.map((p: { constructor: { name: string } }) => p.constructor.name);
    expect(names).toEqual(expect.arrayContaining(['FunctionsMetadataPlugin', 'HtmlWebpackPlugin', 'CopyPlugin', 'DeploySamplesPlugin']));
    const pages = config.plugins.filter((p: { constructor: { name: string } }) => p.constructor.name === 'HtmlWebpackPlugin').map((p: { userOptions?: any; options?: any }) => p.userOptions ?? p.options);
    expect(pages.map((o: { filename: string }) => o.filename)).toEqual(['taskpane.html', 'help.html']);
    const [pane, help] = pages;
    expect(pane.chunks).toEqual(expect.arrayContaining(['functions', 'commands', 'taskpane']));
    // the help page: no script at all
    expect(help.chunks).toEqual([]);
    expect(help.inject).toBe(false);
    expect(help.templateParameters).toMatchObject({ provider: build.DEFAULT_PROVIDER, version: PACKAGE.version, support: null });
    const copy = config.plugins.find((p: { constructor: { name: string } }) => p.constructor.name === 'CopyPlugin');
    expect(copy.patterns.map((p: { from: string }) => p.from)).toEqual(expect.arrayContaining(['manifest.xml', 'assets/*.png']));
    // what the manifest points at, relative to the add-in URL, is what the build emits
    const urls = [...defined.values()].filter((r) => r.kind === 'bt:Urls' || r.kind === 'bt:Images').flatMap((r) => [r.value, ...r.overrides]);
    urls.push(path1(doc, 'SupportUrl').attrs.DefaultValue, path1(doc, 'IconUrl').attrs.DefaultValue, path1(doc, 'HighResolutionIconUrl').attrs.DefaultValue);
    const emitted = new Set(['taskpane.html', 'help.html', 'functions.js', 'functions.json', 'functions-id.json', ...fs.readdirSync(path.join(ROOT, 'assets')).map((f) => `assets/${f}`)]);
    for (const u of urls) expect({ url: u, emitted: emitted.has(new URL(u).pathname.slice(1)) }).toEqual({ url: u, emitted: true });
    // the page loads office.js from Microsoft's CDN, as Office requires
    const template = fs.readFileSync(path.join(ROOT, pane.template), 'utf8');
    expect(template).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });

  test('every script is compiled to the chosen ECMAScript level: ours, the dependencies, webpack\'s runtime, the minifier', async () => {
    const { config } = await configWith({ ADDIN_URL: 'https://spbe.example.go.id' });
    expect(makeConfig.ES_TARGET).toBe(2017);
    expect(config.target).toEqual(['web', 'es2017']);
    const rules = config.module.rules as Array<{ test: RegExp; include?: RegExp; exclude?: RegExp; use: { loader: string; options: { jsc: { target: string } } } }>;
    expect(rules.map((r) => [r.use.loader, r.use.options.jsc.target])).toEqual([
      ['swc-loader', 'es2017'],
      ['swc-loader', 'es2017'],
    ]);
    // the second rule is the dependencies' code (node_modules), not excluded from compilation
    expect(rules[1].include?.test('/x/node_modules/exceljs/dist/exceljs.min.js')).toBe(true);
    // the minifier (swc, when webpack's minimizer plugin has it) must not raise the level either (e.g. `catch {}`)
    const minimizer = config.optimization.minimizer?.[0];
    if (minimizer) expect(minimizer.options.minimizer.options).toMatchObject({ ecma: 2017, compress: { ecma: 2017 } });
    // test/manifest/build.test.ts parses every script a real build ships at this level
  });
});

describe('deploy/: sample server configurations with the MIME types and CORS headers Office needs', () => {
  const nginx = fs.readFileSync(path.join(ROOT, 'deploy', 'nginx.conf'), 'utf8');
  const iis = fs.readFileSync(path.join(ROOT, 'deploy', 'web.config'), 'utf8');
  const needed: Array<[string, string]> = [
    ['.json', 'application/json'],
    ['.js', 'text/javascript'],
    ['.html', 'text/html'],
    ['.png', 'image/png'],
    ['.xml', 'application/xml'],
    ['.svg', 'image/svg+xml'],
    ['.css', 'text/css'],
    ['.map', 'application/json'],
  ];

  test('the committed samples are what the build writes for the example address (one source: scripts/addin-build.js)', () => {
    expect(nginx).toBe(build.nginxConf(build.SAMPLE_URL));
    expect(iis).toBe(build.webConfig(build.SAMPLE_URL));
    expect(PACKAGE.scripts['deploy-samples']).toBe('node scripts/addin-build.js');
  });

  test('IIS web.config: well-formed; every type mapped (removed first, so it works below any site); CORS for functions.json; nosniff; taskpane.html as the default document', () => {
    const d = parseXml(iis);
    expect(d.name).toBe('configuration');
    const server = path1(d, 'system.webServer');
    const content = path1(server, 'staticContent');
    const maps = new Map(byName(content, 'mimeMap').map((m) => [m.attrs.fileExtension, m.attrs.mimeType]));
    const removed = byName(content, 'remove').map((r) => r.attrs.fileExtension);
    for (const [ext, type] of needed) {
      expect({ ext, type: maps.get(ext)?.split(';')[0] }).toEqual({ ext, type });
      expect(removed).toContain(ext);
    }
    const headers = new Map(byName(path1(server, 'httpProtocol', 'customHeaders'), 'add').map((h) => [h.attrs.name, h.attrs.value]));
    expect(headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(headers.get('Access-Control-Allow-Methods')).toContain('GET');
    expect(headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(byName(path1(server, 'defaultDocument'), 'add').map((a) => a.attrs.value)).toEqual(['taskpane.html']);
    expect(byName(path1(server, 'security', 'requestFiltering', 'hiddenSegments'), 'add').map((a) => a.attrs.segment)).toEqual(['deploy']);
  });

  test('nginx.conf: balanced blocks, https with a redirect from http, every type, CORS and nosniff on every response (also errors), preflight answered, deploy/ not served', () => {
    const code = nginx.split('\n').map((l) => l.replace(/#.*$/, '')).join('\n');
    let depth = 0;
    for (const ch of code) {
      if (ch === '{') depth++;
      if (ch === '}') depth--;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
    // every directive line ends with ; or opens/closes a block
    for (const line of code.split('\n').map((l) => l.trim()).filter(Boolean)) expect({ line, ok: /[;{}]$/.test(line) }).toEqual({ line, ok: true });
    expect(code).toMatch(/listen 443 ssl;/);
    expect(code).toMatch(/return 301 https:\/\/\$host\$request_uri;/);
    expect(code).toMatch(/server_name spbe\.example\.go\.id;/);
    const types = /types \{([^}]*)\}/.exec(code)?.[1] ?? '';
    const mapped = new Map<string, string>();
    for (const line of types.split(';').map((l) => l.trim()).filter(Boolean)) {
      const [type, ...exts] = line.split(/\s+/);
      for (const e of exts) mapped.set(`.${e}`, type);
    }
    for (const [ext, type] of needed) expect({ ext, type: mapped.get(ext) }).toEqual({ ext, type });
    expect(code).toContain('add_header Access-Control-Allow-Origin "*" always;');
    expect(code).toContain('add_header X-Content-Type-Options "nosniff" always;');
    expect(code).toMatch(/if \(\$request_method = OPTIONS\) \{\s*return 204;\s*\}/);
    expect(code).toMatch(/location \^~ \/deploy\/ \{\s*return 404;\s*\}/);
  });

  test('for an address with a path, nginx serves that path and IIS needs nothing else', () => {
    const conf = build.nginxConf('https://portal.example.go.id/spbe-addin');
    expect(conf).toContain('server_name portal.example.go.id;');
    expect(conf).toContain('location ^~ /spbe-addin/ {');
    expect(conf).toContain('location ^~ /spbe-addin/deploy/ {');
    expect(build.nginxConf('https://portal.example.go.id:8443')).toContain('listen 8443 ssl;');
    expect(build.webConfig('https://portal.example.go.id/spbe-addin')).toContain('at https://portal.example.go.id/spbe-addin/');
  });
});
