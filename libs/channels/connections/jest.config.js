/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-connections',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/connections',
};
