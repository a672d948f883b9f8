#!/usr/bin/env node
'use strict';
/**
 * Runs a TypeScript script without a build step: `node scripts/run-ts.js scripts/bench.ts [args...]`.
 * Compiles .ts files on require with @swc/core (already a dev dependency, used by jest), to CommonJS.
 * Type checking is `npm run typecheck`'s job, not this runner's.
 */
const fs = require('fs');
const path = require('path');
const Module = require('module');
const swc = require('@swc/core');

const options = {
  jsc: { parser: { syntax: 'typescript', tsx: false }, target: 'es2020' },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, { ...options, filename });
  module._compile(code, filename);
};

const [script, ...args] = process.argv.slice(2);
if (!script) {
  process.stderr.write('usage: node scripts/run-ts.js SCRIPT.ts [ARGS...]\n');
  process.exit(1);
}
const file = path.resolve(script);
process.argv = [process.argv[0], file, ...args];
// Make `require.main === module` true in the script.
Module.runMain(file);
