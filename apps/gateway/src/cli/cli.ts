import { SCOPES } from '@followup/contracts';
import { BackupError, describeStore, migrate, openDataSource, Store } from '@followup/persistence';
import { LocationsService, TenancyError, TokensService, parseScopes } from '@followup/tenancy';
import { SystemClock } from '@followup/util';
import { parseArgs } from 'node:util';
import { StartupError, loadConfigOrFail, openStoreOrFail } from '../config/startup';
import { storeConfig } from '../config/gateway-config';
import { backup, restore } from './backup.command';
import { UsageError } from './usage-error';

export const USAGE = `usage: npm run <command> -- [options]

  npm run token -- --location <id> --scopes <list> [--name <label>]
      create an API token for a location; <list> is comma-separated, or "all":
      ${SCOPES.join(', ')}
  npm run token -- list [--location <id>]      list tokens (never their secrets)
  npm run token -- revoke <token-id>           revoke a token at once
  npm run location -- create --name <name> [--timezone <IANA zone>] [--id <id>]
  npm run location -- list
  npm run migrate                              apply pending migrations and exit
  npm run backup -- <file>                     copy the SQLite store (while the gateway runs) to <file>,
                                               and its secrets key to <file>.key
  npm run restore -- <file> [--replace]        put a backup (and <file>.key) into DATA_DIR; the gateway
                                               must be stopped; --replace moves an existing store aside

Uses the same environment as the gateway (DATABASE_URL, DATA_DIR, ...).`;

const COMMANDS = ['token', 'location', 'migrate', 'backup', 'restore'];

export { UsageError };

type Out = (line: string) => void;

function parse(args: string[], options: Record<string, { type: 'string' }>) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStoreOrFail(loadConfigOrFail());
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function token(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, { location: { type: 'string' }, scopes: { type: 'string' }, name: { type: 'string' } });
  const [sub = 'create', ...rest] = positionals;
  const clock = new SystemClock();
  if (sub === 'create') {
    if (!values.location) throw new UsageError('--location <id> is required');
    if (values.scopes === undefined) throw new UsageError('--scopes <list> is required');
    const scopes = parseScopes(values.scopes);
    await withStore(async (store) => {
      const issued = await new TokensService(store, clock).issue(values.location as string, scopes, values.name ?? 'api token');
      out(`token id: ${issued.record.id}`);
      out(`location: ${issued.record.locationId}`);
      out(`scopes:   ${issued.record.scopes.join(', ')}`);
      out(`token:    ${issued.token}`);
      out('The token is shown only now; only its hash is stored.');
    });
    return;
  }
  if (sub === 'list') {
    await withStore(async (store) => {
      const tokens = await new TokensService(store, clock).list(values.location);
      if (!tokens.length) out('no tokens');
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : 'active';
        out(`${t.id}  ${t.tokenPrefix}…  location ${t.locationId}  [${t.scopes.join(',')}]  ${state}  "${t.name}"`);
      }
    });
    return;
  }
  if (sub === 'revoke') {
    const [id] = rest;
    if (!id) throw new UsageError('revoke needs the token id (see: npm run token -- list)');
    await withStore(async (store) => {
      await new TokensService(store, clock).revoke(id);
      out(`revoked ${id}`);
    });
    return;
  }
  throw new UsageError(`unknown token command "${sub}"`);
}

async function location(args: string[], out: Out): Promise<void> {
  const { values, positionals } = parse(args, { name: { type: 'string' }, timezone: { type: 'string' }, id: { type: 'string' } });
  const [sub] = positionals;
  const clock = new SystemClock();
  await withStore(async (store) => {
    const locations = new LocationsService(store, clock, new TokensService(store, clock));
    if (sub === 'create') {
      if (!values.name) throw new UsageError('--name <name> is required');
      const created = await locations.create(values.name, values.timezone ?? 'UTC', values.id);
      out(`created location ${created.id} "${created.name}" (${created.timezone})`);
    } else if (sub === 'list') {
      for (const l of await locations.list()) out(`${l.id}  "${l.name}"  ${l.timezone}`);
    } else {
      throw new UsageError(sub ? `unknown location command "${sub}"` : 'location needs a command: create or list');
    }
  });
}

async function runMigrations(out: Out): Promise<void> {
  const config = storeConfig(loadConfigOrFail());
  const dataSource = await openDataSource(config, { migrate: false }).catch((error: unknown) => {
    throw new StartupError(error instanceof Error ? error.message : String(error));
  });
  try {
    const applied = await migrate(dataSource);
    out(
      applied.length
        ? `applied ${applied.join(', ')} to ${describeStore(config)}`
        : `nothing to apply: ${describeStore(config)} is up to date`,
    );
  } finally {
    await dataSource.destroy();
  }
}

/** Runs one CLI command; returns the exit code. */
export async function runCli(argv: string[], out: Out, err: Out): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command === 'help' || command === '--help' || args[0] === 'help' || args.includes('--help')) {
      out(USAGE);
      return 0;
    }
    if (command === 'token') await token(args, out);
    else if (command === 'location') await location(args, out);
    else if (command === 'migrate') await runMigrations(out);
    else if (command === 'backup') backup(args, out);
    else if (command === 'restore') restore(args, out);
    else throw new UsageError(`${command ? `unknown command "${command}"` : 'no command given'} (commands: ${COMMANDS.join(', ')})`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      // One line: the mistake, and where the usage is.
      const hint = command && COMMANDS.includes(command) ? ` (usage: npm run ${command} -- help)` : '';
      err(`error: ${error.message}${hint}`);
      return 2;
    }
    if (error instanceof BackupError) {
      err(`error: ${error.message}`);
      return 1;
    }
    if (error instanceof TenancyError || error instanceof StartupError) {
      for (const line of error.message.split('\n')) err(`error: ${line}`);
      return 1;
    }
    throw error;
  }
}
