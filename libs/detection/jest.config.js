/** @type {import('jest').Config} */
module.exports = {
  displayName: 'detection',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/detection',
};
