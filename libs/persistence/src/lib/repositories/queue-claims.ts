import type { EntityManager } from 'typeorm';
import { FollowupEntity } from '../entities';

/** The claim statements of the follow-up queue (FollowupQueueRepository.claimDue / claimExpired). */
export const sortKey = (f: FollowupEntity, orderBy: string) =>
  (orderBy === 'scheduled_at' ? f.scheduledAt : f.leaseExpiresAt)?.getTime() ?? 0;

/** Which rows a claim takes (a WHERE on `:now`, oldest first by `orderBy`) and what it changes on them. */
export interface ClaimSpec {
  condition: string;
  orderBy: string;
  change: { status?: string; attempt: boolean };
  now: Date;
  owner: string;
  leaseMs: number;
  limit: number;
}

/** The SET clauses of a claim's change beyond the lease. */
export const changeSets = (change: ClaimSpec['change']) => [
  ...(change.status ? [`status = '${change.status}'`] : []),
  ...(change.attempt ? ['attempt = attempt + 1'] : []),
];

export async function claimSqlite(
  manager: EntityManager,
  t: string,
  { condition, orderBy, change, now, owner, leaseMs, limit }: ClaimSpec,
): Promise<FollowupEntity[]> {
  const lease = { lease_expires_at: now.getTime() + leaseMs, updated_at: now.getTime() };
  const selected: Record<string, unknown>[] = await manager.query(
    `SELECT * FROM ${t} WHERE ${condition.replace(':now', '?')} ORDER BY ${orderBy} LIMIT ?`,
    [now.getTime(), limit],
  );
  if (!selected.length) return [];
  const ids = selected.map((r) => r['id'] as string);
  const sets = ['lease_owner = ?', 'lease_expires_at = ?', 'updated_at = ?', ...changeSets(change)];
  await manager.query(`UPDATE ${t} SET ${sets.join(', ')} WHERE id IN (${ids.map(() => '?').join(', ')})`, [
    owner,
    lease.lease_expires_at,
    lease.updated_at,
    ...ids,
  ]);
  return hydrateFollowups(manager, selected).map((r) => {
    Object.assign(r, { leaseOwner: owner, leaseExpiresAt: new Date(lease.lease_expires_at), updatedAt: now });
    if (change.status) r.status = change.status;
    if (change.attempt) r.attempt += 1;
    return r;
  });
}

/** Rows read with raw SQL as entities (the drivers' column conversions applied). */
export function hydrateFollowups(manager: EntityManager, raw: Record<string, unknown>[]): FollowupEntity[] {
  const meta = manager.connection.getMetadata(FollowupEntity);
  return raw.map((r) => {
    const entity = new FollowupEntity();
    for (const column of meta.columns) {
      const value = r[column.databaseName];
      (entity as unknown as Record<string, unknown>)[column.propertyName] = manager.connection.driver.prepareHydratedValue(value, column);
    }
    return entity;
  });
}
