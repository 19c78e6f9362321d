/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-core',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/core',
};
