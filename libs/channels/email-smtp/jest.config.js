/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-email-smtp',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/email-smtp',
};
