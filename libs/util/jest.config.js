/** @type {import('jest').Config} */
module.exports = {
  displayName: 'util',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/util',
};
