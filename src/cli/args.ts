/**
 * Command-line option parsing shared by the `spbe` subcommands.
 *
 * `parseCommandArgs(argv, extra)` understands the common options of `spbe index`
 * (--json, --sheet, --framework, --column, --predicate-basis, --lang, --help) plus any `extra` options a
 * subcommand declares (e.g. `spbe gap` adds --target, --out), in the forms `--name value`, `--name=value`,
 * `-h`, and `--` to end the options. A bad option is a value (`ok: false` with a message in the user's
 * language), never an exception.
 */
import type { FrameworkId, Lang, PredicateBasis } from '../core/types';
import { text } from '../core/i18n';
import { FRAMEWORKS, getFramework } from '../core/frameworks';

export interface OptionSpec {
  /** Long name without dashes, e.g. "sheet". */
  readonly name: string;
  /** One-letter alias without dash, e.g. "h". */
  readonly alias?: string;
  /** True when the option takes a value. */
  readonly value?: boolean;
  /** Allowed values (compared case-insensitively; the canonical spelling is stored). */
  readonly choices?: ReadonlyArray<string>;
}

/** The options every assessment command accepts. */
export const COMMON_OPTIONS: ReadonlyArray<OptionSpec> = [
  { name: 'json' },
  { name: 'sheet', value: true },
  { name: 'framework', value: true },
  { name: 'column', value: true },
  { name: 'predicate-basis', value: true, choices: ['exact', 'rounded'] },
  { name: 'lang', value: true, choices: ['id', 'en'] },
  { name: 'help', alias: 'h' },
];

export interface CommonOptions {
  readonly json: boolean;
  readonly sheet?: string;
  /** The framework's id (spellings such as "59/2020" are resolved). */
  readonly framework?: FrameworkId;
  readonly column?: string;
  readonly basis: PredicateBasis;
  readonly lang: Lang;
  readonly help: boolean;
}

export type ParsedCommand =
  | {
      readonly ok: true;
      readonly common: CommonOptions;
      /** Every option given, by long name: its value, or true for a flag (the last one wins). */
      readonly options: Readonly<Record<string, string | true>>;
      /** Arguments that are not options (the files), in order. */
      readonly positional: ReadonlyArray<string>;
    }
  | {
      readonly ok: false;
      readonly lang: Lang;
      /** What is wrong, in the user's language. */
      readonly message: string;
    };

/** The language asked for with --lang (as far as it can be told from a possibly bad command line); Indonesian otherwise. */
export function detectLang(argv: ReadonlyArray<string>): Lang {
  let lang: Lang = 'id';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    let v: string | undefined;
    if (a === '--lang') v = argv[i + 1];
    else if (a.startsWith('--lang=')) v = a.slice(7);
    if (v !== undefined) {
      const l = v.trim().toLowerCase();
      if (l === 'en' || l === 'id') lang = l;
    }
  }
  return lang;
}

/** Parses argv (the arguments after the subcommand) against the common options plus `extra`. */
export function parseCommandArgs(argv: ReadonlyArray<string>, extra: ReadonlyArray<OptionSpec> = []): ParsedCommand {
  const lang = detectLang(argv);
  const specs = [...COMMON_OPTIONS, ...extra];
  const fail = (key: 'unknownOption' | 'missingValue' | 'badChoice' | 'unexpectedValue' | 'unknownFramework', params: Record<string, string>): ParsedCommand => ({
    ok: false,
    lang,
    message: text(lang, 'cli', key, params),
  });
  const options: Record<string, string | true> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.length < 2 || a[0] !== '-') {
      positional.push(a);
      continue;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = (eq >= 0 ? a.slice(2, eq) : a.slice(2)).toLowerCase();
      if (eq >= 0) inline = a.slice(eq + 1);
      spec = specs.find((s) => s.name === name);
    } else if (a.length === 2) {
      spec = specs.find((s) => s.alias === a[1]);
    }
    if (!spec) return fail('unknownOption', { option: a.length > 40 ? a.slice(0, 40) + '…' : a });
    const display = '--' + spec.name;
    if (!spec.value) {
      if (inline !== undefined) return fail('unexpectedValue', { option: display });
      options[spec.name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      if (i + 1 >= argv.length) return fail('missingValue', { option: display });
      value = argv[++i];
    }
    if (spec.choices) {
      const found = spec.choices.find((c) => c.toLowerCase() === value!.trim().toLowerCase());
      if (!found) return fail('badChoice', { option: display, value, choices: spec.choices.join(', ') });
      value = found;
    }
    options[spec.name] = value;
  }

  let framework: FrameworkId | undefined;
  const fwText = options.framework;
  if (typeof fwText === 'string') {
    const fw = getFramework(fwText);
    if (!fw) return fail('unknownFramework', { value: fwText, choices: frameworkChoices() });
    framework = fw.id;
  }
  const str = (name: string): string | undefined => (typeof options[name] === 'string' ? (options[name] as string) : undefined);
  const common: CommonOptions = {
    json: options.json === true,
    sheet: str('sheet'),
    framework,
    column: str('column'),
    basis: (str('predicate-basis') as PredicateBasis | undefined) ?? 'exact',
    lang: (str('lang') as Lang | undefined) ?? 'id',
    help: options.help === true,
  };
  return { ok: true, common, options, positional };
}

/** "spbe2018 (5/2018), spbe2020 (59/2020), pemdi2026 (8/2026)" for help and error texts. */
export function frameworkChoices(): string {
  return FRAMEWORKS.map((f) => `${f.id} (${f.regulation.number})`).join(', ');
}
