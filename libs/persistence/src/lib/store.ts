import { Mutex, SecretBox } from '@followup/util';
import { DataSource } from 'typeorm';
import { Repositories } from './repositories';
import { StoreEngine } from './store-config';

/**
 * The one way into the database. `run` is a unit of work on the pool, `transaction` an atomic one.
 *
 * SQLite has a single connection, which TypeORM shares between everyone: two transactions (or a
 * transaction and a plain query) running at once would interleave on it, and one's rollback could
 * undo the other's writes. So on SQLite every unit of work takes a FIFO lock first; on PostgreSQL
 * each unit of work gets its own pooled connection and nothing is serialised.
 */
export class Store {
  readonly engine: StoreEngine;
  private readonly serial?: Mutex;
  private readonly pooled: Repositories;

  /**
   * `secrets` seals channel secrets at rest; a store opened without it reads secrets written in
   * clear only (tests, tools) and refuses to write one.
   */
  constructor(
    readonly dataSource: DataSource,
    private readonly secrets?: SecretBox,
  ) {
    this.engine = dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    this.serial = this.engine === 'sqlite' ? new Mutex() : undefined;
    this.pooled = new Repositories(dataSource.manager, secrets);
  }

  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return this.serial ? this.serial.run(() => work(this.pooled)) : work(this.pooled);
  }

  transaction<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const atomic = async () => {
      let repos: Repositories | undefined;
      const result = await this.dataSource.transaction((manager) => work((repos = new Repositories(manager, this.secrets, true))));
      repos?.committed();
      return result;
    };
    return this.serial ? this.serial.run(atomic) : atomic();
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

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
