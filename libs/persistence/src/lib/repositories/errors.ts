import { ConflictException } from '@nestjs/common';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';

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
 * Inserts rows without letting TypeORM write generated values back into the objects: on SQLite it
 * re-reads multi-row inserts by rowid and can assign one row's values to another object.
 */
export async function insertRows<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, rows: T[]): Promise<void> {
  if (!rows.length) return;
  await manager
    .createQueryBuilder()
    .insert()
    .into(target)
    .values(rows.map((r) => row(r)))
    .updateEntity(false)
    .execute();
}
