/** @type {import('jest').Config} */
module.exports = {
  displayName: 'agents',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/libs/agents',
};
