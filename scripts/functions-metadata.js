'use strict';
/**
 * functions.json (English) and functions-id.json (Indonesian) from the JSDoc of
 * src/functions/functions.ts, with Microsoft's custom-functions-metadata generator (offline).
 *
 * - functions.json: what the generator makes, plus "allowErrorForDataTypeAny": true so a range
 *   holding an error cell (#N/A …) still reaches the function, which then names the cell's position
 *   instead of Excel answering a bare #N/A (the generator cannot emit this flag itself).
 * - functions-id.json: the same functions (same ids and names: they are stored in workbooks) with
 *   Indonesian descriptions and parameter names from the `functions` section of
 *   src/core/i18n/id.ts. Excel picks it for Indonesian Office through the manifest's
 *   <bt:Override Locale="id-ID"> on Functions.Metadata.Url (Excel localises custom functions per
 *   metadata file; there is no per-string localisation inside one functions.json).
 *   Every English description must be a value of the `functions` section of en.ts; its key names
 *   the Indonesian text, so the two can't drift apart silently (a missing one fails the build).
 *
 * Used by webpack.config.js (FunctionsMetadataPlugin) and test/functions/metadata.test.ts.
 */
const fs = require('fs');
const path = require('path');
const ts = require('typescript');
const { generateCustomFunctionsMetadata } = require('custom-functions-metadata');

const ROOT = path.resolve(__dirname, '..');
const FUNCTIONS_SOURCE = path.join(ROOT, 'src', 'functions', 'functions.ts');

/** Loads a TypeScript catalogue module (no runtime imports) by transpiling it to CommonJS. */
function loadCatalogue(lang) {
  const file = path.join(ROOT, 'src', 'core', 'i18n', `${lang}.ts`);
  const out = ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: file,
  });
  const module = { exports: {} };
  new Function('exports', 'require', 'module', out.outputText)(module.exports, () => ({}), module);
  const cat = module.exports[lang];
  if (!cat || !cat.functions) throw new Error(`${file}: no "functions" section`);
  return cat.functions;
}

/** "toLevel" -> "argToLevel" */
function argKey(name) {
  return `arg${name.charAt(0).toUpperCase()}${name.slice(1)}`;
}

/**
 * Translates the English metadata with the catalogues. Returns { metadata, errors }.
 */
function localize(metadata, en, target) {
  const errors = [];
  const byText = new Map();
  for (const [key, value] of Object.entries(en)) if (key.startsWith('doc') && !byText.has(value)) byText.set(value, key);
  const tr = (englishText, where) => {
    const key = byText.get(englishText);
    if (!key) {
      errors.push(`${where}: description not found among the doc* texts of the functions section of en.ts: ${JSON.stringify(englishText)}`);
      return englishText;
    }
    if (typeof target[key] !== 'string') {
      errors.push(`${where}: key ${key} missing in the target catalogue`);
      return englishText;
    }
    return target[key];
  };
  const out = JSON.parse(JSON.stringify(metadata));
  for (const f of out.functions) {
    f.description = tr(f.description, f.id);
    for (const p of f.parameters) {
      const k = argKey(p.name);
      if (en[k] !== p.name) errors.push(`${f.id}.${p.name}: en.ts functions.${k} should be "${p.name}"`);
      if (typeof target[k] !== 'string') errors.push(`${f.id}.${p.name}: no functions.${k} in the target catalogue`);
      else p.name = target[k];
      if (p.description) p.description = tr(p.description, `${f.id}.${p.name}`);
    }
  }
  return { metadata: out, errors };
}

/**
 * Generates both metadata files. Resolves to { en, id, associate, errors } where en/id are objects
 * (null when there are errors).
 */
async function buildFunctionsMetadata(source = FUNCTIONS_SOURCE) {
  const result = await generateCustomFunctionsMetadata(source, false);
  const errors = [...result.errors];
  if (errors.length > 0 || !result.metadataJson) {
    if (!result.metadataJson && errors.length === 0) errors.push(`${source}: no @customfunction found`);
    return { en: null, id: null, associate: result.associate, errors };
  }
  const generated = JSON.parse(result.metadataJson);
  const en = { allowErrorForDataTypeAny: true, ...generated };
  const enCat = loadCatalogue('en');
  const idCat = loadCatalogue('id');
  const check = localize(en, enCat, enCat); // every English text must be in en.ts
  const id = localize(en, enCat, idCat);
  errors.push(...check.errors, ...id.errors);
  return { en, id: id.metadata, associate: result.associate, errors };
}

/** Webpack plugin: emits functions.json and functions-id.json; generator errors fail the build. */
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
        for (const lang of ['en', 'id']) compilation.fileDependencies.add(path.join(ROOT, 'src', 'core', 'i18n', `${lang}.ts`));
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

module.exports = { buildFunctionsMetadata, localize, loadCatalogue, FunctionsMetadataPlugin, FUNCTIONS_SOURCE };

if (require.main === module) {
  // `node scripts/functions-metadata.js [OUTDIR]`: writes both files (default: print a summary).
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
