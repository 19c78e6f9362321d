/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-voice-twilio',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/voice-twilio',
};
