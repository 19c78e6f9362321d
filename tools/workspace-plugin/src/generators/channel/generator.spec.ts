import { Tree, readJson, readProjectConfiguration } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRY_FILE, channelGenerator, register } from './generator';

const ROOT = join(__dirname, '../../../../..');
const REGISTRY = `import { ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';

export function channelRegistry(): ChannelRegistry {
  const registry = new ChannelRegistry();
  registry.register(webhookChannelProvider);
  return registry;
}
`;

describe('the channel generator (in a virtual tree)', () => {
  let tree: Tree;
  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    tree.write(REGISTRY_FILE, REGISTRY);
  });

  it('creates a tagged library with its alias and registers its provider in the gateway', async () => {
    await channelGenerator(tree, { name: 'acme-sms', channel: 'sms', skipFormat: true });
    const project = readProjectConfiguration(tree, 'channels-acme-sms');
    expect(project).toMatchObject({
      root: 'libs/channels/acme-sms',
      sourceRoot: 'libs/channels/acme-sms/src',
      projectType: 'library',
      tags: ['scope:channels', 'type:channel'],
    });
    for (const file of [
      'jest.config.js',
      'eslint.config.mjs',
      'tsconfig.json',
      'tsconfig.lib.json',
      'tsconfig.spec.json',
      'README.md',
      'src/index.ts',
      'src/lib/acme-sms-channel.ts',
      'src/lib/acme-sms-channel.spec.ts',
    ]) {
      expect(tree.exists(`libs/channels/acme-sms/${file}`)).toBe(true);
    }
    const adapter = tree.read('libs/channels/acme-sms/src/lib/acme-sms-channel.ts', 'utf-8') ?? '';
    expect(adapter).toContain('export class AcmeSmsAdapter implements ChannelAdapter');
    expect(adapter).toContain("readonly channel = 'sms' as const;");
    expect(adapter).toContain('return Boolean(contact.phone);');
    expect(adapter).toContain('export const acmeSmsChannelProvider: ChannelProvider = {');
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths['@followup/channels-acme-sms']).toEqual([
      './libs/channels/acme-sms/src/index.ts',
    ]);
    expect(tree.read(REGISTRY_FILE, 'utf-8')).toBe(`import { ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import { acmeSmsChannelProvider } from '@followup/channels-acme-sms';

export function channelRegistry(): ChannelRegistry {
  const registry = new ChannelRegistry();
  registry.register(webhookChannelProvider);
  registry.register(acmeSmsChannelProvider);
  return registry;
}
`);
  });

  it('reaches contacts by the address of its channel', async () => {
    await channelGenerator(tree, { name: 'mailer', channel: 'email', skipFormat: true });
    expect(tree.read('libs/channels/mailer/src/lib/mailer-channel.ts', 'utf-8')).toContain('return Boolean(contact.email);');
  });

  it('refuses bad names, taken names, unknown channels and a gateway without a registry, naming the problem', async () => {
    await expect(channelGenerator(tree, { name: 'Acme SMS', skipFormat: true })).rejects.toThrow('name "Acme SMS" must be kebab-case');
    await expect(channelGenerator(tree, { name: 'core', skipFormat: true })).rejects.toThrow('name "core" is taken by libs/channels/core');
    await expect(channelGenerator(tree, { name: 'pigeon', channel: 'fax' as never, skipFormat: true })).rejects.toThrow(
      'channel "fax" must be one of sms, email, whatsapp, live_chat, voice',
    );
    await channelGenerator(tree, { name: 'twice', skipFormat: true });
    await expect(channelGenerator(tree, { name: 'twice', skipFormat: true })).rejects.toThrow('libs/channels/twice already exists');
    tree.delete(REGISTRY_FILE);
    await expect(channelGenerator(tree, { name: 'orphan', skipFormat: true })).rejects.toThrow(`${REGISTRY_FILE} is missing`);
    expect(() => register('const x = 1;\n', 'p', '@x/p')).toThrow('has no import or registry.register(...) line');
  });
});

/**
 * The generated library as a user gets it: `nx g` in a scratch copy of this workspace (its sources
 * and configuration, with this node_modules), then the library's own tests (the conformance suite),
 * lint (tags, module boundaries) and a type check of it and of the gateway's registry that now
 * imports it. Nothing is edited by hand in between.
 */
describe('a generated channel library, untouched', () => {
  let scratch: string;
  const run = (args: string[]) => {
    const result = spawnSync(process.execPath, args, {
      cwd: scratch,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1', NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', CI: 'true' },
      encoding: 'utf8',
      timeout: 150_000,
    });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };

  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'fgw-generator-'));
    for (const file of ['nx.json', 'package.json', 'tsconfig.base.json', 'jest.preset.js', 'eslint.config.mjs'])
      cpSync(join(ROOT, file), join(scratch, file));
    for (const dir of ['libs', 'tools/workspace-plugin', 'tools/jest', 'apps/gateway/src/app'])
      cpSync(join(ROOT, dir), join(scratch, dir), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('builds, lints and passes the conformance suite', () => {
    const generated = run(['node_modules/.bin/nx', 'g', '@followup/workspace-plugin:channel', 'probe-chat', '--channel=live_chat']);
    expect(generated.output).toContain('CREATE libs/channels/probe-chat/src/lib/probe-chat-channel.ts');
    expect(generated.code).toBe(0);
    expect(readFileSync(join(scratch, REGISTRY_FILE), 'utf8')).toContain('registry.register(probeChatChannelProvider);');

    const tests = run(['node_modules/.bin/jest', '-c', 'libs/channels/probe-chat/jest.config.js', '--ci']);
    expect(tests.output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(tests.output).toContain('channel conformance: probe-chat');
    expect(tests.code).toBe(0);

    const lint = run(['node_modules/.bin/eslint', 'libs/channels/probe-chat']);
    expect(lint.output.trim()).toBe('');
    expect(lint.code).toBe(0);

    writeFileSync(
      join(scratch, 'tsconfig.probe.json'),
      JSON.stringify({
        extends: './tsconfig.base.json',
        compilerOptions: { noEmit: true, types: ['node', 'jest'] },
        include: ['libs/channels/probe-chat/src/**/*.ts', REGISTRY_FILE],
      }),
    );
    const types = run(['node_modules/.bin/tsc', '-p', 'tsconfig.probe.json']);
    expect(types.output.trim()).toBe('');
    expect(types.code).toBe(0);
  });
});
