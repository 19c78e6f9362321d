#!/usr/bin/env node
/*
 * Lists the packages in package-lock.json whose `engines.node` range excludes a Node version: each
 * is an EBADENGINE warning from `npm ci` on that version. With no argument it checks the lowest
 * version package.json's own `engines.node` allows (and exits 1 when any package excludes it):
 *
 *   node tools/scripts/check-engines.js [version]
 *
 * Fix one with an `overrides` entry in package.json pinning a release that still supports it,
 * then `npm install --package-lock-only --ignore-scripts && node tools/scripts/prune-lock-optional.js`.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const semver = require('semver');

const ROOT = join(__dirname, '../..');

/** The lowest Node version `range` allows (`>=20.19` -> 20.19.0). */
function lowestNode(range) {
  const lowest = semver.minVersion(range);
  if (!lowest) throw new Error(`engines.node "${range}" allows no version`);
  return lowest.version;
}

/** Every locked package whose engines.node excludes `version`: { path, name, version, requires }. */
function incompatibleEngines(lock, version) {
  const found = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
    if (path === '' || typeof range !== 'string') continue;
    if (!semver.satisfies(version, range, { includePrerelease: true })) {
      const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
      found.push({ path, name, version: entry.version, requires: range });
    }
  }
  return found;
}

if (require.main === module) {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const version = process.argv[2] ?? lowestNode(pkg.engines.node);
  const bad = incompatibleEngines(lock, version);
  for (const p of bad) console.log(`${p.name}@${p.version} (${p.path}) requires node ${p.requires}`);
  console.log(bad.length ? `${bad.length} locked package(s) exclude Node ${version}` : `every locked package supports Node ${version}`);
  process.exit(bad.length ? 1 : 0);
}

module.exports = { incompatibleEngines, lowestNode };
