#!/usr/bin/env node
/*
 * Runs the gateway's CLI (`npm run token`, `location`, `migrate`, `backup`, `restore`) from the
 * built bundle, dist/apps/gateway/cli.js, at once. It builds first only when the bundle is missing
 * or older than a source file it is built from (apps/gateway/src and libs/*, specs aside): a fresh
 * clone, a pull or an edit. The build's output goes to stderr, so stdout is only the command's.
 *
 *   node tools/scripts/gateway-cli.js <command> [args...]
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, utimesSync } = require('node:fs');
const { join } = require('node:path');

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/apps/gateway/cli.js');
/** What the bundle is built from (its workspace libraries are bundled in; node_modules stay external). */
const SOURCES = ['apps/gateway/src', 'libs', 'tsconfig.base.json', 'apps/gateway/tsconfig.app.json', 'apps/gateway/webpack.config.js'];
const TESTS = /\.(spec|integration-spec|test)\.tsx?$/;

/** Whether a file under `path` (a file or a folder) was modified after `since` (ms); stops at the first. */
function modifiedAfter(path, since) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false;
  }
  if (stat.isFile()) return stat.mtimeMs > since;
  if (!stat.isDirectory()) return false;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) {
      if (modifiedAfter(child, since)) return true;
    } else if (/\.(ts|tsx|json|js)$/.test(entry.name) && !TESTS.test(entry.name) && statSync(child).mtimeMs > since) {
      return true;
    }
  }
  return false;
}

/** Why the bundle must be (re)built, or undefined when it is up to date with its sources. */
function staleReason(root = ROOT, cli = CLI, sources = SOURCES) {
  if (!existsSync(cli)) return `${cli} is not built yet`;
  const built = statSync(cli).mtimeMs;
  const changed = sources.find((source) => modifiedAfter(join(root, source), built));
  return changed === undefined ? undefined : `${changed} changed since the last build`;
}

function build(reason) {
  let nx;
  try {
    nx = require.resolve('nx/bin/nx.js', { paths: [ROOT] });
  } catch {
    process.stderr.write('gateway-cli: the build tools are not installed: run npm ci first\n');
    process.exit(1);
  }
  process.stderr.write(`gateway-cli: building the gateway (${reason})\n`);
  const result = spawnSync(process.execPath, [nx, 'run', 'gateway:build', '--output-style=static'], {
    cwd: ROOT,
    stdio: ['ignore', 2, 2],
  });
  if (result.status !== 0 || !existsSync(CLI)) {
    process.stderr.write(`gateway-cli: the build failed (exit ${result.status ?? result.signal}); see above\n`);
    process.exit(1);
  }
  // A build Nx answered from its cache may leave the old files in place: mark the bundle as current.
  const now = new Date();
  utimesSync(CLI, now, now);
}

if (require.main === module) {
  const reason = staleReason();
  if (reason !== undefined) build(reason);
  // The bundle reads process.argv.slice(2), the same arguments this script was given.
  require(CLI);
}

module.exports = { staleReason, modifiedAfter };
