import { Mutex, SecretBox } from '@followup/util';
import { DataSource } from 'typeorm';
import { GroupCommitter } from './group-commit';
import { ReadCache } from './read-cache';
import { CheckpointerOptions, SqliteCheckpointer } from './sqlite-checkpointer';
import { Catalog, Repositories } from './repositories';
import { StoreEngine } from './store-config';
import { StoreNotices } from './store-notices';

export interface StoreOptions {
  /** How long a replica may read another's agents, actions and connections as they were (default 5 s). */
  catalogTtlMs?: number;
  /** Most units of work committed together (default 64). */
  maxGroup?: number;
  /** SQLite: the WAL's checkpoints on a thread of their own (sqlite-checkpointer.ts); `false` leaves them to SQLite. */
  checkpoints?: CheckpointerOptions | false;
}

/**
 * The one way into the database. `run` is a unit of work on the pool, `transaction` an atomic one.
 *
 * Transactions are committed in groups (group-commit.ts): units submitted while one is running
 * wait and then run together, one after another, in one transaction with one commit, each caller
 * answered once it is durable. A busy gateway thus commits once for many webhooks.
 *
 * SQLite has a single connection, which TypeORM shares between everyone: two transactions (or a
 * transaction and a plain query) running at once would interleave on it, and one's rollback could
 * undo the other's writes. So on SQLite every unit of work (and every group) takes a FIFO lock
 * first; on PostgreSQL each runs on its own pooled connection, several groups at once.
 */
export class Store {
  readonly engine: StoreEngine;
  private readonly serial?: Mutex;
  private readonly pooled: Repositories;
  private readonly cache: ReadCache;
  private readonly groups: GroupCommitter<Repositories>;
  /** Agents, actions and connections for the hot paths, cached (see Catalog); a hit does not wait for the database. */
  readonly catalog: Catalog;
  /** What other processes sharing a PostgreSQL store changed, as it happens (store-notices.ts); silent on SQLite. */
  readonly notices: StoreNotices;
  /** SQLite stores in a file: copies the WAL into the database file off the main thread. */
  readonly checkpointer?: SqliteCheckpointer;

  /**
   * `secrets` seals channel secrets at rest; a store opened without it reads secrets written in
   * clear only (tests, tools) and refuses to write one.
   */
  constructor(
    readonly dataSource: DataSource,
    private readonly secrets?: SecretBox,
    opts: StoreOptions = {},
  ) {
    this.engine = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    this.serial = this.engine === 'sqlite' ? new Mutex() : undefined;
    const file = dataSource.options.database;
    if (this.serial && opts.checkpoints !== false && typeof file === 'string' && file !== ':memory:') {
      const setAutocheckpoint = (frames: number) => this.run(() => this.dataSource.query(`PRAGMA wal_autocheckpoint = ${frames}`));
      this.checkpointer = new SqliteCheckpointer(file, this.serial, setAutocheckpoint, opts.checkpoints || {});
      this.checkpointer.start();
    }
    this.cache = new ReadCache(opts.catalogTtlMs ?? 5_000);
    this.pooled = new Repositories(dataSource.manager, this.secrets, false, this.cache);
    this.catalog = new Catalog((read) => this.run(read), this.cache);
    this.notices = new StoreNotices(this.postgresLocation());
    const poolSize = (dataSource.options as { poolSize?: number }).poolSize ?? 10;
    this.groups = new GroupCommitter<Repositories>({
      // PostgreSQL: leave a few pooled connections to plain reads and the dispatcher's claims.
      concurrency: this.serial ? 1 : Math.max(1, poolSize - 2),
      maxGroup: opts.maxGroup ?? 64,
      // PostgreSQL pipelines a connection's statements (data-source.ts): units of different lanes
      // interleaved share its round trips. SQLite's statements are synchronous: nothing to share.
      interleave: !this.serial,
      begin: (body) => this.exclusive(() => this.dataSource.transaction((manager) => body(() => this.unitRepositories(manager)))),
      committed: (repos) => repos.committed(),
    });
  }

  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.exclusive(() => work(this.pooled));
  }

  /**
   * An atomic unit of work, committed with the others waiting (see the class comment). It may run
   * more than once. `lane`, `kind:name`: what the unit reads and writes (`sender:` a webhook's
   * sender); units of different lanes of one kind may run interleaved in their group on PostgreSQL
   * (group-commit.ts), so they must not depend on each other's writes. Without a lane a unit runs alone.
   */
  transaction<T>(work: (repos: Repositories) => Promise<T>, options: { lane?: string } = {}): Promise<T> {
    return this.groups.submit(work, options.lane);
  }

  /** True when the database answers and every migration has been applied. */
  async ready(): Promise<{ reachable: boolean; pendingMigrations: boolean; error?: string }> {
    try {
      await this.run(() => this.dataSource.query('SELECT 1'));
      const pendingMigrations = await this.run(() => this.dataSource.showMigrations());
      return { reachable: true, pendingMigrations };
    } catch (error) {
      return { reachable: false, pendingMigrations: true, error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Where a PostgreSQL store lives, for a connection of its own outside the pool (LISTEN/NOTIFY: the
   * live chat's cross-process bus); null on SQLite.
   */
  postgresLocation(): { url: string; schema: string } | null {
    const options = this.dataSource.options as { type: string; url?: string; schema?: string };
    if (options.type !== 'postgres' || !options.url) return null;
    return { url: options.url, schema: options.schema ?? 'public' };
  }

  async close(): Promise<void> {
    await this.notices.close();
    await this.checkpointer?.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    return this.serial ? this.serial.run(work) : work();
  }

  /** The repositories of one unit in a group: its after-commit callbacks are its own; a catalog write clears the cache as the unit ends. */
  private unitRepositories(manager: import('typeorm').EntityManager): Repositories {
    return new Repositories(manager, this.secrets, true, this.cache);
  }
}
