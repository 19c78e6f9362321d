import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '@followup/testing';
import { useGateway } from '../support/fixtures';
import { runShellBlock, shellBlocks } from '../support/readme-blocks';

/**
 * The README runs top to bottom as written: every ```sh / ```bash block, in order, in one shell
 * session (variables carry over), against a started gateway on SQLite with dispatch off (nothing
 * leaves loopback). Each block must exit 0 under `set -euo pipefail`, with curl failing on an HTTP
 * error. A block opts out with `<!-- readme-test: skip (reason) -->` before its fence.
 */
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const blocks = shellBlocks(README);
const name = (b: { line: number; heading: string; code: string }) =>
  `README.md:${b.line} (${b.heading}): ${b.code.split('\n').find((l) => l.trim() && !l.trim().startsWith('#')) ?? ''}`.slice(0, 160);

describe('README shell blocks', () => {
  const gw = useGateway('sqlite', { DISPATCH_ENABLED: 'false' });
  let dir: string;
  let failed: string | undefined;

  beforeAll(() => {
    for (const tool of ['bash', 'curl', 'jq']) {
      try {
        execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      } catch {
        throw new Error(`the README's examples need ${tool}: install it (apt-get install ${tool})`);
      }
    }
    dir = mkdtempSync(join(tmpdir(), 'readme-'));
  });
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('has shell blocks to run, and few opt-outs, each with a reason', () => {
    const skipped = blocks.filter((b) => b.skip !== undefined);
    expect(blocks.length - skipped.length).toBeGreaterThan(15);
    // Few, each with its reason: what sends through a real provider or starts processes of its own.
    expect(skipped.length).toBeLessThanOrEqual(12);
    for (const b of skipped) expect(b.skip).not.toBe('no reason given');
  });

  it('no file of the repo points outside it, at the seeds folder beside the clone (a clone does not have it)', () => {
    const outside = ['..', 'shared'].join('/');
    const grep = spawnSync('git', ['grep', '-l', '-F', outside, '--', '.'], { cwd: ROOT, encoding: 'utf8' });
    expect(grep.stdout.trim()).toBe('');
  });

  it('runs blocks as one shell session that stops at the first error, an HTTP error included', async () => {
    const state = join(dir, 'self-check.sh');
    const env = { PATH: process.env['PATH'] ?? '', GW: gw.gateway.url };
    expect((await runShellBlock('ID=42; LIST=(a "b c")', state, env)).code).toBe(0);
    expect(await runShellBlock('test "$ID" = 42 && test "${LIST[1]}" = "b c" && echo ok', state, env)).toEqual({ code: 0, output: 'ok\n' });
    expect((await runShellBlock('echo "$NEVER_SET"', state, env)).code).not.toBe(0);
    expect((await runShellBlock('false; echo not reached', state, env)).output).not.toContain('not reached');
    const notFound = await runShellBlock('X=$(curl -s $GW/no-such-route); echo "$X"', state, env);
    expect(notFound.code).not.toBe(0);
    expect(notFound.output).toContain('404');
  });

  it('links only to files that exist in the repository', () => {
    const targets = [...README.matchAll(/\]\(((?:docs|apps|libs|tools)\/[^)#\s]+)/g)].map((m) => m[1] ?? '');
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !existsSync(join(ROOT, t)))).toEqual([]);
  });

  for (const block of blocks) {
    // A block that opts out is not a test: the first test above counts them and checks each gives its reason.
    if (block.skip !== undefined) continue;
    it(name(block), async () => {
      if (failed) throw new Error(`not run: an earlier block failed (${failed})`);
      const env = {
        PATH: process.env['PATH'] ?? '',
        HOME: dir,
        LANG: 'C.UTF-8',
        GW: gw.gateway.url,
        TOKEN: gw.gateway.token ?? '',
        LOC: gw.locationId,
      };
      const result = await runShellBlock(block.code, join(dir, 'state.sh'), env);
      if (result.code !== 0) {
        failed = `README.md:${block.line}`;
        throw new Error(`README.md:${block.line} exited ${result.code}\n--- block ---\n${block.code}\n--- output ---\n${result.output}`);
      }
    });
  }
});
