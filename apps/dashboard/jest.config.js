/** @type {import('jest').Config} */
module.exports = {
  displayName: 'dashboard',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/dashboard',
  // Components render into jsdom; logic specs run there too (no Node-only APIs in the app).
  testEnvironment: 'jsdom',
  setupFiles: [],
  testMatch: ['**/?(*.)+(spec).[jt]s?(x)'],
  transform: { '^.+\\.[tj]sx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
