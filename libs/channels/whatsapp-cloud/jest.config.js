/** @type {import('jest').Config} */
module.exports = {
  displayName: 'channels-whatsapp-cloud',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/channels/whatsapp-cloud',
};
