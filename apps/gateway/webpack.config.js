const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

// The gateway is bundled with its workspace libraries; node_modules stay external (loaded at
// run time), so native modules such as sqlite3 and TypeORM's drivers work unchanged.
module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/gateway'),
    clean: true,
    devtoolModuleFilenameTemplate: '[absolute-resource-path]',
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      additionalEntryPoints: [
        { entryName: 'cli', entryPath: './src/cli.ts' },
        // The HTTP worker threads' entry (useHttpWorkers): a file of its own beside main.js.
        { entryName: 'http-worker', entryPath: './src/http-worker.ts' },
        // The text-reading threads' entry (useReadingThreads).
        { entryName: 'detection-worker', entryPath: './src/detection-worker.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
      // Generates the OpenAPI schemas of /docs from the DTO classes and their class-validator rules.
      transformers: [{ name: '@nestjs/swagger/plugin', options: { classValidatorShim: true, introspectComments: true } }],
    }),
  ],
};
