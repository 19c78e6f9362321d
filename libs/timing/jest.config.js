/** @type {import('jest').Config} */
module.exports = {
  displayName: 'timing',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/timing',
};
