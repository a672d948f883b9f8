'use strict';
/**
 * functions.json (English) and functions-id.json (Indonesian) from the declarations of the custom
 * functions (src/functions/declarations.ts: id, parameters, descriptions in both languages, types), and
 * the README's function table from the same declarations.
 *
 * - Both files carry "allowErrorForDataTypeAny": true, so a range holding an error cell (#N/A …) still
 *   reaches the function, which then names the cell's position instead of Excel answering a bare #N/A,
 *   and "allowCustomDataForDataTypeAny": true (rich values reach it as their basic value).
 * - Ids and names are the same in both files: saved workbooks store them. Excel picks functions-id.json
 *   for Indonesian Office through the manifest's <bt:Override Locale="id-ID"> on Functions.Metadata.Url
 *   (Excel localises custom functions per metadata file).
 * - Descriptions naming frameworks are filled from the framework data (declarations.ts frameworkFacts).
 *
 * Used by webpack.config.js (FunctionsMetadataPlugin), test/functions/metadata.test.ts and
 * `npm run docs` (`node scripts/functions-metadata.js --readme`: rewrites the README's function table).
 */
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SRC = path.join(ROOT, 'src');
const FUNCTIONS_SOURCE = path.join(SRC, 'functions', 'declarations.ts');
const README = path.join(ROOT, 'README.md');
const README_START = '<!-- functions:start (generated from src/functions/declarations.ts by `npm run docs`; do not edit) -->';
const README_END = '<!-- functions:end -->';

/**
 * Loads a TypeScript module of src/. Under jest the test runner compiles it; in webpack and on the
 * command line @swc/core does (a dev dependency, as in scripts/run-ts.js), for the time of the call, and
 * fresh every time (webpack's watch mode asks again after an edit).
 */
function requireTs(file) {
  // jest's module system compiles TypeScript itself (and hands every module a `jest` object); a webpack build
  // started from a test inherits jest's environment variables, so those cannot tell.
  if (typeof jest !== 'undefined') return require(file);
  for (const key of Object.keys(require.cache)) if (key.startsWith(SRC)) delete require.cache[key];
  const previous = require.extensions['.ts'];
  const swc = require('@swc/core');
  require.extensions['.ts'] = function compileTs(module, filename) {
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2020' },
      module: { type: 'commonjs' },
      filename,
    });
    module._compile(code, filename);
  };
  try {
    return require(file);
  } finally {
    if (previous) require.extensions['.ts'] = previous;
    else delete require.extensions['.ts'];
  }
}

/** The metadata file of one language. Key order as Microsoft's generator writes it. */
function metadataFor(decl, lang) {
  return {
    allowErrorForDataTypeAny: true,
    allowCustomDataForDataTypeAny: true,
    functions: decl.FUNCTIONS.map((f) => ({
      description: decl.describeIn(f.description, lang),
      id: f.id,
      name: f.id,
      parameters: f.parameters.map((p) => ({
        description: decl.describeIn(p.description, lang),
        ...(p.dimensionality ? { dimensionality: p.dimensionality } : {}),
        name: decl.parameterName(p, lang),
        ...(p.optional ? { optional: true } : {}),
        type: p.type,
      })),
      result: 'type' in f.result ? { type: f.result.type } : { dimensionality: f.result.dimensionality },
    })),
  };
}

/** What Excel rejects or users would see broken: duplicate or malformed ids, empty or untranslated texts, unfilled placeholders. */
function check(decl, en, id) {
  const errors = [];
  const ids = new Set();
  for (const f of decl.FUNCTIONS) {
    if (!/^[A-Z][A-Z0-9_.]*$/.test(f.id)) errors.push(`${f.id}: an id is upper-case letters, digits, "_" and "."`);
    if (ids.has(f.id)) errors.push(`${f.id}: declared twice`);
    ids.add(f.id);
    let optional = false;
    for (const p of f.parameters) {
      if (optional && !p.optional) errors.push(`${f.id}.${decl.parameterName(p, 'en')}: a required parameter after an optional one`);
      optional = optional || p.optional === true;
    }
  }
  const texts = (m) => m.functions.flatMap((f) => [[f.id, f.description], ...f.parameters.map((p) => [`${f.id}.${p.name}`, p.description])]);
  const enTexts = texts(en);
  const idTexts = texts(id);
  enTexts.forEach(([where, text], i) => {
    for (const [lang, t] of [['en', text], ['id', idTexts[i][1]]]) {
      if (!t || t.trim().length < 5) errors.push(`${where}: no ${lang} description`);
      else if (/\{\w+\}/.test(t)) errors.push(`${where}: unfilled placeholder in the ${lang} description: ${t}`);
    }
    if (text === idTexts[i][1]) errors.push(`${where}: the Indonesian description is the English one`);
  });
  return errors;
}

/**
 * Generates both metadata files from the declarations. Resolves to { en, id, associate, errors } where
 * en/id are objects (null when there are errors) and associate lists { id, functionName } as Excel's
 * runtime is given them (src/functions/functions.ts names each function by its id).
 */
async function buildFunctionsMetadata(source = FUNCTIONS_SOURCE) {
  let decl;
  try {
    decl = requireTs(source);
  } catch (e) {
    return { en: null, id: null, associate: [], errors: [`${source}: ${e && e.message ? e.message : String(e)}`] };
  }
  const en = metadataFor(decl, 'en');
  const id = metadataFor(decl, 'id');
  const errors = check(decl, en, id);
  const associate = decl.FUNCTIONS.map((f) => ({ sourceFileName: path.relative(ROOT, source), functionName: f.id, id: f.id }));
  if (errors.length > 0) return { en: null, id: null, associate, errors };
  return { en, id, associate, errors };
}

/** The README's function table (English): each function with its signature and description, then the parameters shared by several. */
function readmeTable(source = FUNCTIONS_SOURCE) {
  const decl = requireTs(source);
  const rows = ['| function | result |', '|---|---|'];
  for (const f of decl.FUNCTIONS) rows.push(`| \`${decl.signature(f, 'en')}\` | ${decl.describeIn(f.description, 'en').replace(/\|/g, '\\|')} |`);
  const shared = new Map();
  for (const f of decl.FUNCTIONS) {
    for (const p of f.parameters) {
      const text = decl.describeIn(p.description, 'en');
      const name = decl.parameterName(p, 'en');
      const key = `${name}\u0000${text}`;
      if (!shared.has(key)) shared.set(key, { name, text, uses: [] });
      shared.get(key).uses.push(f.id);
    }
  }
  const params = [...shared.values()].filter((x) => x.uses.length > 1).map((x) => `- \`${x.name}\` (${x.uses.map((u) => `SPBE.${u}`).join(', ')}): ${x.text}`);
  return [README_START, '', ...rows, '', ...params, '', README_END].join('\n');
}

/** The README with its function table made anew; throws when the markers are missing. */
function readmeWithTable(readme, table) {
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < a) throw new Error(`README.md: the markers ${README_START} … ${README_END} are missing`);
  return readme.slice(0, a) + table + readme.slice(b + README_END.length);
}

/** Webpack plugin: emits functions.json and functions-id.json; errors fail the build. */
class FunctionsMetadataPlugin {
  constructor(options = {}) {
    this.source = options.source || FUNCTIONS_SOURCE;
  }

  apply(compiler) {
    const name = 'FunctionsMetadataPlugin';
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        compilation.fileDependencies.add(this.source);
        compilation.contextDependencies.add(path.join(SRC, 'core', 'frameworks'));
        compilation.contextDependencies.add(path.join(SRC, 'functions'));
        const r = await buildFunctionsMetadata(this.source);
        if (r.errors.length > 0) {
          for (const e of r.errors) compilation.errors.push(new WebpackError(`custom functions metadata: ${e}`));
          return;
        }
        compilation.emitAsset('functions.json', new sources.RawSource(JSON.stringify(r.en, null, 2) + '\n'));
        compilation.emitAsset('functions-id.json', new sources.RawSource(JSON.stringify(r.id, null, 2) + '\n'));
      });
    });
  }
}

module.exports = { buildFunctionsMetadata, readmeTable, readmeWithTable, FunctionsMetadataPlugin, FUNCTIONS_SOURCE, README_START, README_END };

if (require.main === module) {
  // `node scripts/functions-metadata.js [OUTDIR]`: writes both files (default: print a summary).
  // `node scripts/functions-metadata.js --readme`: rewrites the README's function table.
  if (process.argv[2] === '--readme') {
    fs.writeFileSync(README, readmeWithTable(fs.readFileSync(README, 'utf8'), readmeTable()));
    console.log('README.md: function table written');
  } else {
    buildFunctionsMetadata().then((r) => {
      if (r.errors.length) {
        for (const e of r.errors) console.error(e);
        process.exitCode = 1;
        return;
      }
      const dir = process.argv[2];
      if (dir) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'functions.json'), JSON.stringify(r.en, null, 2) + '\n');
        fs.writeFileSync(path.join(dir, 'functions-id.json'), JSON.stringify(r.id, null, 2) + '\n');
      }
      for (const f of r.en.functions) console.log(`SPBE.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`);
    });
  }
}
