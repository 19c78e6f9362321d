const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// The benchmark harness (not a test): bundled with the workspace libraries it seeds the store with.
module.exports = {
  output: { path: join(__dirname, '../../dist/tools/bench'), clean: true },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'bullmq-worker', entryPath: './src/bullmq-worker.ts' },
        { entryName: 'ingest-floor', entryPath: './src/ingest/floor.ts' },
        { entryName: 'ingest-load', entryPath: './src/ingest/load.ts' },
        { entryName: 'api-load', entryPath: './src/api/load.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: false,
    }),
  ],
};
