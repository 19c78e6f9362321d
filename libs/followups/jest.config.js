/** @type {import('jest').Config} */
module.exports = {
  displayName: 'followups',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/followups',
};
