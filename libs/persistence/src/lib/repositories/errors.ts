import { ConflictException } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { EntitySql } from './entity-sql';

/** A write refused by a unique index (a concurrent duplicate that slipped past a read check). */
export class DuplicateKeyError extends Error {
  constructor(override readonly cause?: unknown) {
    super('duplicate key');
    this.name = 'DuplicateKeyError';
  }
}

export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown } | null;
  const code = e?.driverError?.code ?? e?.code;
  if (code === '23505') return true;
  return typeof e?.message === 'string' && e.message.includes('UNIQUE constraint failed');
}

/**
 * Runs a unit of work again, once, when it lost a race on a unique key (two deliveries of the same
 * provider message, the same new contact writing twice at once): the second run sees the winner's row.
 */
export async function retryOnceOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isUniqueViolation((error as { cause?: unknown }).cause ?? error)) throw error;
    return work();
  }
}

/** Runs a write, turning unique-index violations into DuplicateKeyError. */
export async function guardDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DuplicateKeyError(error);
    throw error;
  }
}

/** `%text%` for a LIKE with `\` as the escape character. */
export function likeContains(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An entity as an insert/update row (TypeORM's deep-partial type does not accept JSON documents). */
export function row<T>(entity: T): QueryDeepPartialEntity<T> {
  return entity as QueryDeepPartialEntity<T>;
}

/** Runs a write; a unique-index violation (a racing duplicate) becomes 409 with `message`. */
export async function conflictOnDuplicate<T>(message: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DuplicateKeyError) throw new ConflictException(message);
    throw error;
  }
}

/**
 * Inserts rows with one fixed statement per entity and row count (entity-sql.ts): nothing is written
 * back into the objects (TypeORM's insert re-reads multi-row inserts by rowid on SQLite and can
 * assign one row's values to another object), and the driver reuses the prepared statement.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<void> {
  await EntitySql.of(manager, target).insert(rows);
}
