/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-live-chat',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/live-chat',
};
