import baseConfig, { vendorSdks } from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // The one place TypeORM may be imported.
    files: ['**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: vendorSdks.map((name) => ({ name, message: `${name} belongs to its channel library.` })) },
      ],
    },
  },
];
