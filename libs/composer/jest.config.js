/** @type {import('jest').Config} */
module.exports = {
  displayName: 'composer',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/composer',
};
