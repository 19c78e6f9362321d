import { Tree, addProjectConfiguration, formatFiles, generateFiles, joinPathFragments, names, updateJson } from '@nx/devkit';
import { ChannelGeneratorSchema } from './schema';

const CHANNELS = ['sms', 'email', 'whatsapp', 'live_chat', 'voice'];
export const REGISTRY_FILE = 'apps/gateway/src/app/channel-plugins.ts';
const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED = ['core', 'connections', 'testing'];

/**
 * `nx g @followup/workspace-plugin:channel <name> [--channel=sms]`: a channel plugin library at
 * libs/channels/<name> that builds, lints and passes the channel conformance suite as generated
 * (an adapter for a JSON-over-HTTP provider API, to be replaced by the provider's own), tagged
 * scope:channels / type:channel, with its path alias in tsconfig.base.json and its provider
 * registered in the gateway. Everything goes through Nx's Tree: nothing is left to do by hand.
 */
export async function channelGenerator(tree: Tree, options: ChannelGeneratorSchema): Promise<void> {
  const name = options.name?.trim() ?? '';
  const channel = options.channel ?? 'sms';
  if (!NAME.test(name) || name.length > 32)
    throw new Error(`name "${name}" must be kebab-case (lower-case letters, digits, dashes), at most 32 characters`);
  if (RESERVED.includes(name)) throw new Error(`name "${name}" is taken by libs/channels/${name}`);
  if (!CHANNELS.includes(channel)) throw new Error(`channel "${channel}" must be one of ${CHANNELS.join(', ')}`);
  const root = `libs/channels/${name}`;
  if (tree.exists(root)) throw new Error(`${root} already exists`);
  const registry = tree.read(REGISTRY_FILE, 'utf-8');
  if (registry === null) throw new Error(`${REGISTRY_FILE} is missing: the gateway registers channel plugins there`);
  const project = `channels-${name}`;
  const importPath = `@followup/channels-${name}`;
  const n = names(name);
  const providerConst = `${n.propertyName}ChannelProvider`;

  addProjectConfiguration(tree, project, {
    root,
    sourceRoot: `${root}/src`,
    projectType: 'library',
    tags: ['scope:channels', 'type:channel'],
    targets: {},
  });
  generateFiles(tree, joinPathFragments(__dirname, 'files'), root, {
    tmpl: '',
    name,
    project,
    importPath,
    className: n.className,
    providerConst,
    channel,
    address: channel === 'email' ? 'email' : channel === 'whatsapp' ? 'whatsapp' : channel === 'live_chat' ? null : 'phone',
  });
  updateJson(tree, 'tsconfig.base.json', (json) => {
    json.compilerOptions ??= {};
    json.compilerOptions.paths ??= {};
    json.compilerOptions.paths[importPath] = [`./${root}/src/index.ts`];
    return json;
  });
  tree.write(REGISTRY_FILE, register(registry, providerConst, importPath));
  if (!options.skipFormat) await formatFiles(tree);
}

/** Adds the import and the `registry.register(...)` line after the last of each. */
export function register(source: string, providerConst: string, importPath: string): string {
  const lines = source.split('\n');
  const lastImport = lines
    .map((l, i) => (l.startsWith('import ') ? i : -1))
    .filter((i) => i >= 0)
    .pop();
  const lastRegister = lines
    .map((l, i) => (/^\s*registry\.register\(/.test(l) ? i : -1))
    .filter((i) => i >= 0)
    .pop();
  if (lastImport === undefined || lastRegister === undefined)
    throw new Error(`${REGISTRY_FILE} has no import or registry.register(...) line to add the channel after`);
  const indent = /^\s*/.exec(lines[lastRegister] ?? '')?.[0] ?? '  ';
  lines.splice(lastRegister + 1, 0, `${indent}registry.register(${providerConst});`);
  lines.splice(lastImport + 1, 0, `import { ${providerConst} } from '${importPath}';`);
  return lines.join('\n');
}

export default channelGenerator;
