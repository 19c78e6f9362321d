import type { EntityManager } from 'typeorm';
import { placeholders } from './batch-update';
import { runSql } from './entity-sql';

/** Statuses a follow-up leaves again (the queue's gauges count them; the others only grow). */
const OPEN_STATUSES = ['scheduled', 'on_hold', 'in_progress'];

export interface QueueSnapshotRow {
  byStatus: Record<string, number>;
  due: number;
  oldestDueAgeSeconds: number;
}

/**
 * The queue as metrics see it: how many follow-ups wait in each open status (index range counts,
 * cheap whatever the history), how many engine steps are due, and since when the oldest of them
 * has been due. `engineStep`: the SQL condition of a pending engine step.
 */
export async function queueSnapshot(
  manager: EntityManager,
  engine: 'sqlite' | 'postgres',
  table: string,
  engineStep: string,
  now: Date,
): Promise<QueueSnapshotRow> {
  const byStatus: Record<string, number> = {};
  for (const status of OPEN_STATUSES) {
    const { p, params } = placeholders(engine);
    const [row] = (await runSql(manager, `SELECT count(*) AS n FROM ${table} WHERE status = ${p(status)}`, params)).rows;
    byStatus[status] = Number(row?.['n'] ?? 0);
  }
  const { p, params } = placeholders(engine);
  const sql = `SELECT count(*) AS n, min(scheduled_at) AS oldest FROM ${table} WHERE ${engineStep} AND scheduled_at <= ${p(now.getTime())}`;
  const [due] = (await runSql(manager, sql, params)).rows;
  const oldest = due?.['oldest'] === null || due?.['oldest'] === undefined ? null : Number(due['oldest']);
  return {
    byStatus,
    due: Number(due?.['n'] ?? 0),
    oldestDueAgeSeconds: oldest === null ? 0 : Math.max(0, (now.getTime() - oldest) / 1000),
  };
}
