/** @type {import('jest').Config} */
module.exports = {
  displayName: 'workspace-plugin',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/workspace-plugin',
  // The generator spec builds, lints and tests a generated library in a scratch workspace.
  testTimeout: 180_000,
};
