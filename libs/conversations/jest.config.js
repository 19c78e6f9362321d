/** @type {import('jest').Config} */
module.exports = {
  displayName: 'conversations',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/conversations',
};
