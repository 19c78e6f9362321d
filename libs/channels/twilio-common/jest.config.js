/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-twilio-common',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/twilio-common',
};
