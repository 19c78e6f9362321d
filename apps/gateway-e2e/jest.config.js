/** @type {import('jest').Config} */
module.exports = {
  displayName: 'gateway-e2e',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/gateway-e2e',
  // Each file starts its own gateway processes (one per engine).
  testTimeout: 60_000,
};
