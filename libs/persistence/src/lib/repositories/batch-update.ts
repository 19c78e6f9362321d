import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Builds the placeholders of one statement: `$n` on PostgreSQL, `?` on SQLite (booleans as 0/1). */
export function placeholders(engine: 'sqlite' | 'postgres'): { params: unknown[]; p: (value: unknown) => string } {
  const pg = engine === 'postgres';
  const params: unknown[] = [];
  return {
    params,
    p: (value: unknown) => {
      params.push(typeof value === 'boolean' && !pg ? Number(value) : value);
      return pg ? `$${params.length}` : '?';
    },
  };
}

/**
 * The SET clauses of one UPDATE that writes a different value per row: a column given the same
 * value for every row is one parameter; otherwise a CASE over the ids. `undefined` leaves a row's
 * column as it is.
 */
export function caseSets<T extends { id: string }>(
  rows: T[],
  columns: [string, (row: T) => unknown][],
  p: (value: unknown) => string,
): string[] {
  return columns.flatMap(([column, value]) => {
    const given = rows.filter((o) => value(o) !== undefined);
    if (!given.length) return [];
    const first = value(given[0] as T);
    if (given.length === rows.length && given.every((o) => value(o) === first)) return [`${column} = ${p(first)}`];
    return [`${column} = CASE id ${given.map((o) => `WHEN ${p(o.id)} THEN ${p(value(o))}`).join(' ')} ELSE ${column} END`];
  });
}

/** An entity's table as SQL, schema-qualified on PostgreSQL when a schema is configured. */
export function qualifiedTable<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>): string {
  const meta = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const schema = (manager.connection.options as { schema?: string }).schema;
  return schema ? `${driver.escape(schema)}.${driver.escape(meta.tableName)}` : driver.escape(meta.tableName);
}
