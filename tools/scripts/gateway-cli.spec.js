const { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { staleReason } = require('./gateway-cli');

/** A workspace in a temp folder: sources under apps/gateway/src and libs, a bundle in dist. */
describe('gateway-cli: when the built CLI must be rebuilt', () => {
  let root;
  const cli = () => join(root, 'dist/apps/gateway/cli.js');
  const sources = ['apps/gateway/src', 'libs', 'tsconfig.base.json'];
  const write = (path, secondsAgo) => {
    const file = join(root, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, '// x\n');
    const at = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(file, at, at);
  };
  const stale = () => staleReason(root, cli(), sources);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gateway-cli-'));
    write('apps/gateway/src/main.ts', 100);
    write('libs/util/src/lib/clock.ts', 100);
    write('tsconfig.base.json', 100);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds when there is no bundle (a fresh clone)', () => {
    expect(stale()).toBe(`${cli()} is not built yet`);
  });

  it('runs the bundle when it is newer than every source', () => {
    write('dist/apps/gateway/cli.js', 10);
    expect(stale()).toBeUndefined();
  });

  it('builds when a source of the app, of a library or the shared tsconfig changed after the bundle', () => {
    write('dist/apps/gateway/cli.js', 10);
    write('libs/util/src/lib/clock.ts', 1);
    expect(stale()).toBe('libs changed since the last build');
    write('libs/util/src/lib/clock.ts', 100);
    write('apps/gateway/src/cli/cli.ts', 1);
    expect(stale()).toBe('apps/gateway/src changed since the last build');
    write('apps/gateway/src/cli/cli.ts', 100);
    write('tsconfig.base.json', 1);
    expect(stale()).toBe('tsconfig.base.json changed since the last build');
  });

  it('ignores what is not built into the bundle: tests, node_modules, dot-folders, other files', () => {
    write('dist/apps/gateway/cli.js', 10);
    write('libs/util/src/lib/clock.spec.ts', 1);
    write('libs/persistence/src/lib/store.integration-spec.ts', 1);
    write('libs/util/node_modules/x/index.ts', 1);
    write('libs/util/.cache/y.ts', 1);
    write('libs/util/README.md', 1);
    expect(stale()).toBeUndefined();
  });
});
