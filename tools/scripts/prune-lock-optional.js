#!/usr/bin/env node
/*
 * The npm registry this project is built against mirrors only the packages for this platform
 * (linux x64). `npm install` then cannot write lockfile entries for the other platforms' optional
 * binaries (sass, unrs-resolver, nx, ...), and `npm ci` refuses such a lockfile ("Missing: ... from
 * lock file"). This drops, from each package's optionalDependencies in package-lock.json, the
 * names that have no entry in the lockfile, so `npm ci` installs exactly what `npm install` did.
 * Run it after every `npm install` that changes the lockfile: node tools/scripts/prune-lock-optional.js
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, posix } = require('node:path');

const file = join(__dirname, '../../package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

/** Node's resolution: the nearest node_modules/<name> from the package's folder upwards. */
function resolves(fromPath, name) {
  let dir = fromPath;
  for (;;) {
    if (packages[posix.join(dir, 'node_modules', name)]) return true;
    if (dir === '' || dir === '.') return false;
    const up = dir.lastIndexOf('node_modules/');
    dir = up <= 0 ? '' : dir.slice(0, up - 1);
  }
}

let dropped = 0;
for (const [path, entry] of Object.entries(packages)) {
  if (!entry.optionalDependencies) continue;
  for (const name of Object.keys(entry.optionalDependencies)) {
    if (!resolves(path, name)) {
      delete entry.optionalDependencies[name];
      dropped++;
    }
  }
  if (Object.keys(entry.optionalDependencies).length === 0) delete entry.optionalDependencies;
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: dropped ${dropped} optional dependencies this registry does not carry`);
