import { Column, ColumnOptions, DefaultNamingStrategy, NamingStrategyInterface, ValueTransformer } from 'typeorm';

/**
 * Instants are stored as epoch milliseconds (`bigint`) on both engines: one representation,
 * compared and indexed as integers by the scheduler's claim query.
 */
const epochMs: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? value.getTime() : value),
  from: (value: string | number | null) => (value === null || value === undefined ? value : new Date(Number(value))),
};

export function InstantColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'bigint', transformer: epochMs, ...options });
}

/** JSON documents (lists, nested settings) as text: portable between SQLite and PostgreSQL. */
export function JsonColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'simple-json', ...options });
}

/** Opaque ids (UUID v4, or a client's reference) and enum values. */
export function IdColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'varchar', length: 36, ...options });
}

/** Everything else a client writes is text: no length error can reach the database. */
export function TextColumn(options: ColumnOptions = {}): PropertyDecorator {
  return Column({ type: 'text', ...options });
}

const snake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

/** Property `createdAt` is column `created_at`. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return snake([...prefixes, customName ?? propertyName].join('_'));
  }
}
