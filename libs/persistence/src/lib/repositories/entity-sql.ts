import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { qualifiedTable } from './batch-update';

type ColumnMetadata = EntityMetadata['columns'][number];

/**
 * Fixed SQL for the statements every webhook runs (find one row by equal columns, insert rows),
 * built once per entity and shape instead of by TypeORM's query builder on every call, so the
 * driver reuses its prepared statement. Values go through the driver's own conversions (instants,
 * JSON documents, booleans), as TypeORM would write and read them.
 */
export class EntitySql<T extends ObjectLiteral> {
  private readonly columns: ColumnMetadata[];
  private readonly byProperty: Map<string, ColumnMetadata>;
  private readonly table: string;
  private readonly statements = new Map<string, string>();
  private readonly pg: boolean;

  private constructor(
    private readonly manager: EntityManager,
    private readonly target: EntityTarget<T>,
  ) {
    const meta = manager.connection.getMetadata(target);
    this.columns = meta.columns;
    this.byProperty = new Map(meta.columns.map((c) => [c.propertyName, c]));
    this.table = qualifiedTable(manager, target);
    this.pg = manager.connection.options.type === 'postgres';
  }

  /** The kit of `target` for this manager (kits are shared per data source: their SQL does not depend on the transaction). */
  static of<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>): EntitySql<T> {
    let perSource = KITS.get(manager.connection);
    if (!perSource) KITS.set(manager.connection, (perSource = new Map()));
    let kit = perSource.get(target) as EntitySql<T> | undefined;
    if (!kit) perSource.set(target, (kit = new EntitySql<T>(manager, target)) as unknown as EntitySql<ObjectLiteral>);
    return kit.bind(manager);
  }

  /** The first row whose columns equal the (non-null) values of `where`, ordered by `orderBy` (SQL, column names). */
  async findOne(where: Partial<Record<keyof T & string, unknown>>, orderBy?: string): Promise<T | null> {
    const keys = Object.keys(where);
    const sql = this.statement(`one:${keys.join(',')}:${orderBy ?? ''}`, () => {
      const conditions = keys.map((key, i) => `${this.column(key).databaseName} = ${this.param(i)}`);
      return `SELECT * FROM ${this.table} WHERE ${conditions.join(' AND ')}${orderBy ? ` ORDER BY ${orderBy}` : ''} LIMIT 1`;
    });
    const params = keys.map((key) => this.persistent(this.column(key), where[key as keyof typeof where]));
    const rows = (await this.manager.query(sql, params)) as Record<string, unknown>[];
    return rows[0] ? this.hydrate(rows[0]) : null;
  }

  /**
   * The rows whose `property` is one of `values` (a batch's conversations, contacts, agents by id),
   * ordered by `orderBy` within each statement. The list is padded with its last value to a power of
   * two, so a few statements serve every batch size (the driver keeps them prepared).
   */
  async findIn(property: keyof T & string, values: readonly unknown[], orderBy?: string): Promise<T[]> {
    const unique = [...new Set(values)];
    const column = this.column(property);
    const found: T[] = [];
    for (let start = 0; start < unique.length; start += MAX_IN) {
      const chunk = unique.slice(start, start + MAX_IN);
      const size = Math.min(MAX_IN, 2 ** Math.ceil(Math.log2(chunk.length)));
      const padded = [...chunk, ...Array<unknown>(size - chunk.length).fill(chunk[chunk.length - 1])];
      const sql = this.statement(`in:${property}:${size}:${orderBy ?? ''}`, () => {
        const list = padded.map((_v, i) => this.param(i)).join(', ');
        return `SELECT * FROM ${this.table} WHERE ${column.databaseName} IN (${list})${orderBy ? ` ORDER BY ${orderBy}` : ''}`;
      });
      const rows = (await this.manager.query(
        sql,
        padded.map((v) => this.persistent(column, v)),
      )) as Record<string, unknown>[];
      for (const row of rows) found.push(this.hydrate(row));
    }
    return found;
  }

  /** Inserts rows, as many per statement as the engines' parameter limits allow. */
  async insert(rows: T[]): Promise<void> {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / this.columns.length));
    for (let start = 0; start < rows.length; start += perStatement) {
      const { sql, params } = this.insertStatement(rows.slice(start, start + perStatement)) as { sql: string; params: unknown[] };
      await this.manager.query(sql, params);
    }
  }

  /**
   * One INSERT of `rows` whose placeholders follow `offset` others, to be part of a larger statement;
   * null when it would pass the engines' parameter limit.
   */
  insertStatement(rows: T[], offset = 0): { sql: string; params: unknown[] } | null {
    const width = this.columns.length;
    if (offset + rows.length * width > Math.max(MAX_PARAMS, width)) return null;
    const sql = this.statement(`insert:${rows.length}:${offset}`, () => {
      const names = this.columns.map((c) => c.databaseName).join(', ');
      const values = rows.map((_, r) => `(${this.columns.map((_c, i) => this.param(offset + r * width + i)).join(', ')})`);
      return `INSERT INTO ${this.table} (${names}) VALUES ${values.join(', ')}`;
    });
    return { sql, params: rows.flatMap((row) => this.columns.map((c) => this.persistent(c, row[c.propertyName as keyof T]))) };
  }

  hydrate(raw: Record<string, unknown>): T {
    const entity = this.manager.connection.getMetadata(this.target).create() as T;
    const driver = this.manager.connection.driver;
    for (const column of this.columns) {
      (entity as Record<string, unknown>)[column.propertyName] = driver.prepareHydratedValue(raw[column.databaseName], column);
    }
    return entity;
  }

  private bind(manager: EntityManager): EntitySql<T> {
    if (manager === this.manager) return this;
    const bound = Object.create(this) as EntitySql<T>;
    (bound as unknown as { manager: EntityManager }).manager = manager;
    return bound;
  }

  private persistent(column: ColumnMetadata, value: unknown): unknown {
    // A property left undefined gets its column's default, as TypeORM's insert would write it (the
    // entity declares defaults as stored values: 0, false, 'active', '[]').
    const fallback = value === undefined && column.default !== undefined && typeof column.default !== 'function';
    const converted = fallback
      ? (column.default as unknown)
      : (this.manager.connection.driver.preparePersistentValue(value === undefined ? null : value, column) as unknown);
    return typeof converted === 'boolean' && !this.pg ? Number(converted) : converted;
  }

  private column(property: string): ColumnMetadata {
    const column = this.byProperty.get(property);
    if (!column) throw new Error(`${String(this.target)} has no column ${property}`);
    return column;
  }

  private param(index: number): string {
    return this.pg ? `$${index + 1}` : '?';
  }

  private statement(key: string, build: () => string): string {
    let sql = this.statements.get(key);
    if (sql === undefined) {
      sql = build();
      this.statements.set(key, sql);
    }
    return sql;
  }
}

/** Below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters per statement. */
const MAX_PARAMS = 30_000;
/** Most values in one `IN` list (findIn): a power of two. */
const MAX_IN = 1_024;
const KITS = new WeakMap<object, Map<unknown, EntitySql<ObjectLiteral>>>();

/**
 * Runs one statement and answers its rows (a SELECT, or `RETURNING`) and how many rows it changed,
 * the same on both engines (a plain `manager.query` answers differently on each).
 */
export async function runSql(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<{ rows: Record<string, unknown>[]; affected: number }> {
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const result = await runner.query(sql, params, true);
    return { rows: (result.records ?? []) as Record<string, unknown>[], affected: result.affected ?? 0 };
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
