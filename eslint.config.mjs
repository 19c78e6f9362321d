import nx from '@nx/eslint-plugin';

/**
 * Module boundaries (docs/architecture.md): the tag ladder below, plus import rules that keep
 * TypeORM inside libs/persistence and each vendor SDK inside its own channel library.
 */
export const vendorSdks = ['twilio', 'nodemailer'];

/** TypeORM only in libs/persistence; each vendor SDK only in its own channel library (`allowed`). */
function restrictedImports(allowed) {
  return [
    'error',
    {
      paths: [
        { name: 'typeorm', message: 'TypeORM is used only in libs/persistence: go through the Store and its repositories.' },
        { name: '@nestjs/typeorm', message: 'TypeORM is used only in libs/persistence.' },
        ...vendorSdks
          .filter((name) => !allowed.includes(name))
          .map((name) => ({ name, message: `${name} is imported only by its own channel library (libs/channels/*).` })),
      ],
      patterns: [{ group: ['typeorm/*'], message: 'TypeORM is used only in libs/persistence.' }],
    },
  ];
}

/**
 * The tag ladder (docs/architecture.md): every arrow points down. `type:rules` are the engine's rule
 * libraries (timing, routing, workflows, composer, detection): they never import a feature, so the
 * scheduler imports routing and timing, never the reverse. Scopes bound what a group may reach:
 * shared code reaches only shared code, channels only channels and shared code. Tests may also use
 * provider doubles and real channel plugins. A `type:vendor-client` library holds what the channel
 * libraries of one vendor share (twilio-common), below them: a channel library never imports another.
 */
const depConstraints = (forTests) => {
  const extra = forTests ? ['type:testing', 'type:channel'] : [];
  const below = (...tags) => [...tags, ...extra];
  return [
    {
      sourceTag: 'type:app',
      onlyDependOnLibsWithTags: below(
        'type:feature',
        'type:rules',
        'type:data-access',
        'type:contracts',
        'type:util',
        'type:channel-core',
        'type:channel',
      ),
    },
    { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: below('type:testing', 'type:contracts', 'type:util', 'type:data-access') },
    {
      sourceTag: 'type:feature',
      onlyDependOnLibsWithTags: below('type:feature', 'type:rules', 'type:data-access', 'type:contracts', 'type:util', 'type:channel-core'),
    },
    {
      sourceTag: 'type:rules',
      onlyDependOnLibsWithTags: below('type:rules', 'type:data-access', 'type:contracts', 'type:util', 'type:channel-core'),
    },
    { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: below('type:contracts', 'type:util') },
    { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'] },
    { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
    { sourceTag: 'type:channel-core', onlyDependOnLibsWithTags: below('type:contracts', 'type:util') },
    {
      sourceTag: 'type:channel',
      onlyDependOnLibsWithTags: below('type:vendor-client', 'type:channel-core', 'type:contracts', 'type:util'),
    },
    // What one vendor's channel libraries share (libs/channels/twilio-common: the SDK client, its errors).
    { sourceTag: 'type:vendor-client', onlyDependOnLibsWithTags: below('type:channel-core', 'type:contracts', 'type:util') },
    { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:channel-core', 'type:contracts', 'type:util'] },
    { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
    // The dashboard (a browser app): plain contracts only, its own eslint.config.mjs allowing types alone.
    { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contracts'] },
    { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['scope:shared'] },
    { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: forTests ? ['scope:shared', 'scope:channels'] : ['scope:shared'] },
    { sourceTag: 'scope:channels', onlyDependOnLibsWithTags: ['scope:channels', 'scope:shared'] },
    { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain', 'scope:channels', 'scope:shared'] },
    { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:domain', 'scope:channels', 'scope:shared'] },
  ];
};
const boundaries = (forTests) => [
  'error',
  { enforceBuildableLibDependency: true, allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'], depConstraints: depConstraints(forTests) },
];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  { ignores: ['**/dist', '**/out-tsc', '**/node_modules', 'coverage', 'tmp'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-imports': restrictedImports([]),
    },
  },
  {
    // Type-aware: a promise nobody awaits (or marks with `void`) loses its errors and races the caller.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec.tsx', '**/*.integration-spec.ts'],
    rules: { '@nx/enforce-module-boundaries': boundaries(true) },
  },
];

/**
 * The import rules with some vendor SDKs allowed: a channel library's eslint.config.mjs adds
 * `allowVendorSdks('twilio')` for its own SDK; libs/testing (provider doubles that sign with the
 * vendor's helpers) allows them all.
 */
export function allowVendorSdks(...allowed) {
  return { files: ['**/*.ts', '**/*.js'], rules: { 'no-restricted-imports': restrictedImports(allowed) } };
}
