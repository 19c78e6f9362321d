// Shared Jest settings for every project. Each project's jest.config.js only names itself.
// ts-jest runs in transpile-only mode (isolatedModules in tsconfig.spec.json): type errors are
// caught once by each project's `typecheck` target, not again by every test file.
const nxPreset = require('@nx/jest/preset').default;
const { join } = require('node:path');

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // The tests' doubles listen on loopback: outbound requests may go there (tools/jest/allow-private-networks.js).
  setupFiles: ['reflect-metadata', join(__dirname, 'tools/jest/allow-private-networks.js')],
  testMatch: ['**/?(*.)+(spec|test|integration-spec).[jt]s'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
