'use strict';
/**
 * The `spbe` command as two bundled files (webpack 5, target Node): lib/cli/main.js (the command) and
 * lib/cli/index-worker.js (the worker thread of `spbe index` on many files). One file each starts much faster than
 * hundreds of compiled modules resolved and read one by one; bin/spbe.js also keeps V8's code cache of main.js.
 *
 *   npm run build:cli    type-checks the command (tsconfig.cli.json) and builds these two files
 *
 * The zip reader inflates with Node's zlib here (src/xlsx/ooxml/inflate-node.ts in place of inflate-fflate.ts);
 * the browser bundle and the tests keep fflate. `spbe index` is all in main.js (its import is eager); `spbe gap`
 * (planner, gap sheet, package writer) is a chunk of its own, lib/cli/gap.js, loaded only by that command.
 */
const path = require('path');
const webpack = require('webpack');
// webpack's own minimizer plugin (terser): resolved from webpack, whose dependency it is
const MinimizerPlugin = require(require.resolve('minimizer-webpack-plugin', { paths: [path.dirname(require.resolve('webpack'))] }));

module.exports = {
  mode: 'production',
  target: 'node20',
  context: __dirname,
  devtool: false,
  entry: {
    main: './src/cli/main.ts',
    'index-worker': './src/cli/index-worker.ts',
  },
  output: {
    // lib/ holds nothing else: clean removes whatever an older build (tsc, one file per module) left there
    path: path.resolve(__dirname, 'lib'),
    filename: 'cli/[name].js',
    chunkFilename: 'cli/[name].js',
    library: { type: 'commonjs2' },
    clean: true,
  },
  // __dirname is lib/cli at run time (the worker file, package.json two levels up).
  node: { __dirname: false, __filename: false },
  resolve: { extensions: ['.ts', '.js', '.json'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, sourceMaps: false } },
      },
    ],
  },
  plugins: [new webpack.NormalModuleReplacementPlugin(/[\\/]ooxml[\\/]inflate-fflate$|^\.\/inflate-fflate$/, (r) => {
    // only the zip reader's selector (inflate.ts) switches; inflate-node.ts itself still takes fflate's streaming inflater
    if (r.contextInfo && r.contextInfo.issuer && /inflate\.ts$/.test(r.contextInfo.issuer)) r.request = './inflate-node';
  })],
  optimization: {
    // minified (a third of the size: less to read and hash at every start); names kept for stack traces (SPBE_DEBUG=1)
    minimize: process.env.SPBE_CLI_MINIFY !== '0',
    minimizer: [new MinimizerPlugin({ extractComments: false, minimizerOptions: { ecma: 2020, keep_classnames: true, keep_fnames: true } })],
    splitChunks: false, runtimeChunk: false, concatenateModules: true, moduleIds: 'deterministic' },
  performance: { hints: false },
  stats: 'errors-warnings',
};
