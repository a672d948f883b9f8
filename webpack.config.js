'use strict';
/**
 * The add-in bundle (webpack 5). One page, dist/taskpane.html, is the shared runtime: it loads the
 * custom functions (entry "functions"), the ribbon commands ("commands") and the task pane
 * ("taskpane"); the manifest names that page for the Runtime, the custom-functions Page, the
 * FunctionFile and the ShowTaskpane action. Outside Excel the pane reads a workbook file through the reader's lazy
 * chunk ("xlsx-read", src/xlsx/ooxml) and writes the gap sheet through exceljs's ("xlsx-write"), both dynamic imports
 * in src/taskpane/browser-host.ts, neither part of the page's initial JavaScript.
 *
 * Output (dist/): taskpane.html, runtime.js + functions.js + commands.js + taskpane.js (+ shared and
 * lazy chunks), functions.json and functions-id.json (generated from the JSDoc of
 * src/functions/functions.ts), manifest.xml, assets/icon-*.png.
 *
 * ADDIN_URL: where the add-in is hosted, e.g. ADDIN_URL=https://spbe.example.go.id npm run build.
 * Every "https://localhost:3000" of manifest.xml becomes that URL in dist/manifest.xml (default:
 * https://localhost:3000, the dev server). It must be https (Office loads add-ins only over https).
 *
 *   npm run build       production build (minified, no source maps)
 *   npm run build:dev   development build (external source maps)
 *   npm run dev-server  https://localhost:3000 with Office dev certificates (office-addin-dev-certs)
 *   npm run watch       development build on every change
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { FunctionsMetadataPlugin } = require('./scripts/functions-metadata');

const DEV_URL = 'https://localhost:3000';

/** ADDIN_URL without a trailing slash; throws on anything but an https URL. */
function addinUrl() {
  const raw = (process.env.ADDIN_URL || DEV_URL).trim().replace(/\/+$/, '');
  let parsed;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a URL: "${raw}"`);
  }
  if (parsed.protocol !== 'https:') throw new Error(`ADDIN_URL must be an https URL (Office loads add-ins only over https): "${raw}"`);
  return raw;
}

/** The fast minifier (swc) of webpack's own minimizer plugin, when it is there; otherwise webpack's default (terser). */
function swcMinimizer() {
  try {
    const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));
    if (typeof MinimizerPlugin.swcMinify !== 'function') return null;
    return new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: true, mangle: true } });
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

module.exports = async (env, argv) => {
  const production = argv.mode === 'production';
  const url = addinUrl();
  const serving = process.env.WEBPACK_SERVE === 'true' || Boolean(env && env.WEBPACK_SERVE);
  const minimizer = production ? swcMinimizer() : null;

  return {
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    context: __dirname,
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
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic', development: !production } },
                target: 'es2020',
              },
              sourceMaps: !production,
            },
          },
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
      new FunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['runtime', 'functions', 'commands', 'taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => content.toString().split(DEV_URL).join(url),
          },
        ],
      }),
    ],
    devServer: {
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? { type: 'https', options: await devServerHttps() } : 'https',
      static: false,
      hot: false,
      client: { overlay: { warnings: false } },
    },
  };
};
