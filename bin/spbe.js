#!/usr/bin/env node
'use strict';
// The `spbe` command. The TypeScript sources are bundled into lib/cli/main.js by `npm ci` (the "prepare" script:
// npm run build:cli, webpack.cli.config.js).
//
// Start-up: main.js is compiled with V8's code cache (vm.Script cachedData; Node 20 has no module.enableCompileCache).
// The first run writes the cache of everything it compiled into the user's cache directory (SPBE_CACHE_DIR,
// else $XDG_CACHE_HOME/spbe, %LOCALAPPDATA%\spbe or ~/.cache/spbe), keyed by Node's version and the bundle's path,
// size and time; later runs skip parsing and compiling. A cache V8 rejects (another Node, another build) is simply
// rewritten; without a writable cache directory the command runs as before. SPBE_NO_CACHE=1 turns it off.
const path = require('path');
const fs = require('fs');
const entry = path.join(__dirname, '..', 'lib', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('spbe: the command is not built yet. Run `npm ci` (or `npm run build:cli`) in ' + path.join(__dirname, '..') + '\n');
  process.exit(1);
}

function cacheDir() {
  const env = process.env;
  if (env.SPBE_CACHE_DIR) return env.SPBE_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'spbe');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'spbe');
  const home = require('os').homedir();
  return home ? path.join(home, '.cache', 'spbe') : null;
}

/** A short hash of a string (FNV-1a): names the cache file of this bundle. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

/** Loads main.js through vm.Script with its code cache; returns the module's exports and a function that saves the cache. */
function loadCached() {
  const dir = cacheDir();
  if (!dir || process.env.SPBE_NO_CACHE) return { exports: require(entry), save() {} };
  const vm = require('vm');
  const Module = require('module');
  const st = fs.statSync(entry);
  const file = path.join(dir, `main-${process.version}-${process.arch}-${hash(entry)}-${st.size}-${Math.floor(st.mtimeMs)}.v8`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(file);
  } catch (e) {
    cachedData = undefined;
  }
  const source = fs.readFileSync(entry, 'utf8');
  const script = new vm.Script(Module.wrap(source), { filename: entry, cachedData });
  const mod = new Module(entry, module);
  mod.filename = entry;
  mod.paths = Module._nodeModulePaths(path.dirname(entry));
  const fn = script.runInThisContext();
  fn.call(mod.exports, mod.exports, Module.createRequire(entry), mod, entry, path.dirname(entry));
  mod.loaded = true;
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: mod.exports,
    save() {
      if (!stale) return;
      try {
        // after the run: the cache then holds every function the command compiled, not only the top level
        const data = script.createCachedData();
        fs.mkdirSync(dir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, data);
        fs.renameSync(tmp, file);
        // older caches of this bundle (other builds, other Node versions) go
        const prefix = `main-`;
        for (const f of fs.readdirSync(dir)) if (f.startsWith(prefix) && f.endsWith('.v8') && path.join(dir, f) !== file && f.includes(`-${hash(entry)}-`)) fs.rmSync(path.join(dir, f), { force: true });
      } catch (e) {
        // no cache: the next run compiles again
      }
    },
  };
}

let loaded;
try {
  loaded = loadCached();
} catch (e) {
  loaded = { exports: require(entry), save() {} };
}
loaded.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  loaded.save();
});
