/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-webhook',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/webhook',
};
