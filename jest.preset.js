// Shared Jest settings for every project. Each project's jest.config.js only names itself.
// ts-jest runs in transpile-only mode (isolatedModules in tsconfig.spec.json): type errors are
// caught once by each project's `typecheck` target, not again by every test file.
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  testMatch: ['**/?(*.)+(spec|test|integration-spec).[jt]s'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
