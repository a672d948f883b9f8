#!/usr/bin/env node
'use strict';
// The `spbe` command. The TypeScript sources are compiled to lib/ by `npm ci` (the "prepare" script).
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('spbe: the command is not built yet. Run `npm ci` (or `npm run build:cli`) in ' + path.join(__dirname, '..') + '\n');
  process.exit(1);
}
require(entry).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
