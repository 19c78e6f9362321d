/** @type {import('jest').Config} */
module.exports = {
  displayName: 'analytics',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/analytics',
};
