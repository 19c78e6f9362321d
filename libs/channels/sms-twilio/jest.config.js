/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-sms-twilio',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/sms-twilio',
};
