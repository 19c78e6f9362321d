/** @type {import('jest').Config} */
module.exports = {
  displayName: 'scheduler',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/scheduler',
};
