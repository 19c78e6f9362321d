/** @type {import('jest').Config} */
module.exports = {
  displayName: 'scripts',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/scripts',
};
