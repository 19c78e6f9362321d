import baseConfig from '../../eslint.config.mjs';

/**
 * The dashboard runs in a browser: it takes only types from @followup/contracts (class-validator
 * and Nest stay out of the bundle) and its plain rules from @followup/contracts/browser.
 */
export default [
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@followup/contracts',
              allowTypeImports: true,
              message:
                'Import only types from @followup/contracts (values from @followup/contracts/browser): class-validator must stay out of the bundle.',
            },
            { name: 'class-validator', message: 'Not in the browser bundle.' },
            { name: 'class-transformer', message: 'Not in the browser bundle.' },
          ],
          patterns: [{ group: ['@nestjs/*', 'typeorm', 'typeorm/*'], message: 'Server code stays out of the browser bundle.' }],
        },
      ],
    },
  },
];
