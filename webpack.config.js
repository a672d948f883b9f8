'use strict';
/**
 * The add-in bundle (webpack 5). One page, dist/taskpane.html, is the shared runtime: it loads the
 * custom functions (entry "functions"), the ribbon commands ("commands") and the task pane
 * ("taskpane"); the manifest names that page for the Runtime, the custom-functions Page, the
 * FunctionFile and the ShowTaskpane action. Outside Excel the pane reads a workbook file through the reader's lazy
 * chunk ("xlsx-read", src/xlsx/ooxml) and writes the gap sheet through exceljs's ("xlsx-write"), both dynamic imports
 * in src/taskpane/browser-host.ts, neither part of the page's initial JavaScript.
 * The pane's first script is its shell only (src/taskpane/App.tsx: title, language, file picker, plain CSS in
 * taskpane.html, no Fluent UI) beside the functions and the ribbon; lazy chunks: "pane-details" (the pane's body,
 * Fluent UI), "pane-engine" (reader checks, planner, gap builder: src/app; also the ribbon's workflow),
 * "excel-write" (src/excel/write.ts). test/taskpane/e2e.test.ts bounds the first script (≤ 120 KB gzip).
 *
 * Output (dist/): taskpane.html, runtime.js + functions.js + commands.js + taskpane.js (+ shared and
 * lazy chunks), functions.json and functions-id.json (generated from the JSDoc of
 * src/functions/functions.ts), manifest.xml, help.html (SupportUrl, LearnMoreUrl), assets/icon-*.png,
 * deploy/nginx.conf and deploy/web.config (sample server configurations for these files).
 *
 * Build-time settings (scripts/addin-build.js; README "Hosting"):
 *   ADDIN_URL       where dist/ is served (https). Default https://localhost:3000, the dev server; a
 *                   production build without it prints a loud warning.
 *   ADDIN_PROVIDER  the manifest's ProviderName and the help page's provider (default "SPBE Index Add-in Project").
 *   ADDIN_SUPPORT   e-mail address or https URL for problem reports (help page).
 *   SPBE_RELEASE=1 or --env release (npm run build:release): fail instead of warning when ADDIN_URL or
 *                   ADDIN_SUPPORT is missing.
 * A production build writes the released identity into dist/manifest.xml (its own Id, "SPBE Index", function
 * namespace SPBE); development builds keep manifest.xml's development identity ("SPBE Index (dev)", SPBEDEV),
 * so both can be installed side by side. The version is package.json's.
 *
 * ECMAScript level of every shipped script: ES2017 (ES_TARGET below; test/manifest/build.test.ts parses each
 * one with acorn at that level). Why: the pane runs in the webview of the Excel that loads it — WebView2
 * (Edge, Chromium) on Windows, WKWebView (the system's Safari engine) on Mac, the user's browser for Excel on
 * the web. The exact arithmetic needs BigInt (Chromium 67, Safari 14), which no syntax level can replace, so
 * those are the oldest engines that can do the work; ES2017 (async/await kept native) is what all of them
 * parse, while later syntax — object spread (ES2018), optional catch binding (ES2019), ?. and ?? (ES2020),
 * class fields (ES2022) — is compiled away, in our code and in the dependencies alike. An engine too old to
 * parse the bundle would show a blank pane; at ES2017 even older ones get the page's own message
 * (taskpane.html checks for BigInt before the bundle runs). Microsoft's add-in template compiles to an older
 * level still (ES5, for Internet Explorer), which this add-in cannot use: IE has no BigInt.
 *
 *   npm run build           production build (minified, no source maps)
 *   npm run build:release   production build that fails without ADDIN_URL and ADDIN_SUPPORT
 *   npm run build:dev       development build (external source maps)
 *   npm run dev-server      https://localhost:3000 with Office dev certificates (office-addin-dev-certs)
 *   npm run watch           development build on every change
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { FunctionsMetadataPlugin } = require('./scripts/functions-metadata');
const build = require('./scripts/addin-build');

/** The ECMAScript level of every shipped script (see above). */
const ES_TARGET = 2017;

/** The fast minifier (swc) of webpack's own minimizer plugin, when it is there; otherwise webpack's default (terser). */
function swcMinimizer() {
  try {
    const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));
    if (typeof MinimizerPlugin.swcMinify !== 'function') return null;
    // ecma: the minifier must not introduce syntax above the target (e.g. `catch {}` without a binding).
    return new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { ecma: ES_TARGET, compress: { ecma: ES_TARGET }, mangle: true } });
  } catch {
    return null;
  }
}

/** Office dev certificates for https://localhost (installed on first use, valid 30 days; see README). */
async function devServerHttps() {
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/** swc-loader options compiling to ES_TARGET (helpers inlined: no runtime package needed). */
function swcOptions(parser, production, extra = {}) {
  return {
    loader: 'swc-loader',
    options: {
      jsc: { parser, target: `es${ES_TARGET}`, ...(extra.jsc || {}) },
      sourceMaps: !production,
      ...(extra.isModule !== undefined ? { isModule: extra.isModule } : {}),
    },
  };
}

/** Emits the sample server configurations for the add-in's URL (deploy/nginx.conf, deploy/web.config). */
class DeploySamplesPlugin {
  constructor(url) {
    this.url = url;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('DeploySamplesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'DeploySamplesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset('deploy/nginx.conf', new sources.RawSource(build.nginxConf(this.url)));
        compilation.emitAsset('deploy/web.config', new sources.RawSource(build.webConfig(this.url)));
      });
    });
  }
}

/** Puts the missing-ADDIN_URL warning among webpack's own warnings too (it is printed loudly as well). */
class WarningPlugin {
  constructor(message) {
    this.message = message;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('AddinUrlWarning', (compilation) => {
      const warning = new compiler.webpack.WebpackError(this.message);
      warning.name = 'AddinUrlWarning';
      compilation.warnings.push(warning);
    });
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const s = build.settings(process.env, { release: Boolean(env && env.release) });
  const serving = process.env.WEBPACK_SERVE === 'true' || Boolean(env && env.WEBPACK_SERVE);
  const minimizer = production ? swcMinimizer() : null;
  const warnings = [];
  if (production && !s.urlSet) {
    const text = build.missingUrlWarning();
    console.warn(text);
    warnings.push(new WarningPlugin('ADDIN_URL is not set: dist/manifest.xml points at the development server https://localhost:3000. Build with ADDIN_URL=https://… (or npm run build:release to fail instead).'));
  }

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    context: __dirname,
    // Runtime code webpack itself writes (chunk loading, module wrappers) uses only ES_TARGET syntax too.
    target: ['web', `es${ES_TARGET}`],
    entry: {
      functions: './src/functions/functions.ts',
      commands: './src/commands/commands.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
    },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules/,
          use: swcOptions({ syntax: 'typescript', tsx: true }, production, { jsc: { transform: { react: { runtime: 'automatic', development: !production } } } }),
        },
        {
          // Dependencies ship ES2018+ syntax (exceljs, Fluent UI, React): compiled to ES_TARGET as well.
          // 'unknown': a CommonJS file stays a (sloppy) script, an ES module stays a module.
          test: /\.[cm]?js$/,
          include: /node_modules/,
          use: swcOptions({ syntax: 'ecmascript' }, production, { isModule: 'unknown' }),
        },
      ],
    },
    optimization: {
      // One runtime for the three entries on the one page: modules shared by them exist once.
      runtimeChunk: 'single',
      splitChunks: { chunks: 'all' },
      ...(minimizer ? { minimizer: [minimizer] } : {}),
    },
    performance: { hints: false },
    plugins: [
      ...warnings,
      new FunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['runtime', 'functions', 'commands', 'taskpane'],
        scriptLoading: 'defer',
      }),
      new HtmlWebpackPlugin({
        filename: 'help.html',
        template: './src/help/help.html',
        chunks: [],
        inject: false,
        templateParameters: build.helpParameters(s),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => build.transformManifest(content.toString(), s, production ? 'production' : 'development'),
          },
        ],
      }),
      new DeploySamplesPlugin(s.url),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      // As deploy/ asks of a real server: Excel on the web fetches functions.json cross-origin.
      headers: { 'Access-Control-Allow-Origin': '*', 'X-Content-Type-Options': 'nosniff' },
      server: serving ? { type: 'https', options: await devServerHttps() } : 'https',
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};

module.exports.ES_TARGET = ES_TARGET;
