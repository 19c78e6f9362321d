const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { incompatibleEngines, lowestNode } = require('./check-engines');

const root = join(__dirname, '../..');
const read = (file) => JSON.parse(readFileSync(join(root, file), 'utf8'));

describe('the Node versions the locked packages support', () => {
  it('finds a package whose engines.node excludes a version, and only those', () => {
    const lock = {
      packages: {
        '': { engines: { node: '>=20.19' } },
        'node_modules/new-only': { version: '3.0.0', engines: { node: '>=22' } },
        'node_modules/a/node_modules/fine': { version: '1.0.0', engines: { node: '>=18' } },
        'node_modules/old-style': { version: '0.1.0', engines: ['node >= 0.4'] },
        'node_modules/no-engines': { version: '1.0.0' },
      },
    };
    expect(incompatibleEngines(lock, '20.19.0')).toEqual([
      { path: 'node_modules/new-only', name: 'new-only', version: '3.0.0', requires: '>=22' },
    ]);
    expect(incompatibleEngines(lock, '22.0.0')).toEqual([]);
  });

  it("every package in package-lock.json runs on the lowest Node package.json's engines allow (npm ci prints no EBADENGINE)", () => {
    const version = lowestNode(read('package.json').engines.node);
    expect(version).toBe('20.19.0');
    expect(incompatibleEngines(read('package-lock.json'), version)).toEqual([]);
  });
});
