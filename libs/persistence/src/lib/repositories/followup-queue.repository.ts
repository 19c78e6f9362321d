import { EntityManager, In } from 'typeorm';
import { FollowupEntity } from '../entities';
import { insertRows } from './errors';

const sortKey = (f: FollowupEntity, orderBy: string) => (orderBy === 'scheduled_at' ? f.scheduledAt : f.leaseExpiresAt)?.getTime() ?? 0;

/** Statuses of a follow-up that is still to be sent (and can still be cancelled). */
export const PENDING_STATUSES = ['scheduled', 'on_hold'];

/** What the dispatcher writes back for one claimed follow-up. */
export interface FollowupOutcome {
  id: string;
  status: string;
  statusReason: string | null;
  providerMessageId?: string | null;
  sentAt?: Date | null;
  channel?: string | null;
  body?: string | null;
  errorCode?: string | null;
  /** Back to the queue (e.g. outside working hours): the new due time. */
  scheduledAt?: Date | null;
  movedByWorkingHours?: boolean;
}

/**
 * The follow-up queue. The store is the queue: a row is claimed by moving it from `scheduled` to
 * `in_progress` under a lease; on PostgreSQL the claim skips rows other replicas have locked, so
 * any number of processes share the work without taking the same row twice.
 */
export class FollowupQueueRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly engine: 'sqlite' | 'postgres',
  ) {}

  /** The table's name as SQL, schema-qualified on PostgreSQL when a schema is configured. */
  private table(): string {
    const meta = this.manager.connection.getMetadata(FollowupEntity);
    const driver = this.manager.connection.driver;
    const schema = (this.manager.connection.options as { schema?: string }).schema;
    return schema ? `${driver.escape(schema)}.${driver.escape(meta.tableName)}` : driver.escape(meta.tableName);
  }

  async insert(followups: FollowupEntity[]): Promise<void> {
    if (followups.length) await insertRows(this.manager, FollowupEntity, followups);
  }

  /** Claims up to `limit` due follow-ups, oldest due first. */
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<FollowupEntity[]> {
    return this.claim("status = 'scheduled' AND scheduled_at <= :now", 'scheduled_at', { status: 'in_progress', attempt: true }, now, owner, leaseMs, limit);
  }

  /**
   * Rows whose lease expired (their process died): they are taken over under a new lease. The
   * caller decides, from `sendStartedAt`, whether the send may have reached the provider.
   */
  claimExpired(now: Date, owner: string, leaseMs: number, limit: number): Promise<FollowupEntity[]> {
    return this.claim("status = 'in_progress' AND lease_expires_at < :now", 'lease_expires_at', { attempt: false }, now, owner, leaseMs, limit);
  }

  /**
   * PostgreSQL: one UPDATE ... WHERE id IN (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING, so
   * replicas never take the same row. SQLite (one process, units of work serialised by the Store):
   * select the ids, then update them, in the caller's transaction.
   */
  private async claim(
    condition: string,
    orderBy: string,
    change: { status?: string; attempt: boolean },
    now: Date,
    owner: string,
    leaseMs: number,
    limit: number,
  ): Promise<FollowupEntity[]> {
    const lease = { lease_owner: owner, lease_expires_at: now.getTime() + leaseMs, updated_at: now.getTime() };
    if (this.engine === 'postgres') {
      const t = this.table();
      const sets = [`lease_owner = $1`, `lease_expires_at = $2`, `updated_at = $3`];
      if (change.status) sets.push(`status = '${change.status}'`);
      if (change.attempt) sets.push('attempt = attempt + 1');
      const out: [Record<string, unknown>[], number] = await this.manager.query(
        `UPDATE ${t} SET ${sets.join(', ')} WHERE id IN (SELECT id FROM ${t} WHERE ${condition.replace(':now', '$3')} ORDER BY ${orderBy} LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING *`,
        [owner, lease.lease_expires_at, lease.updated_at, limit],
      );
      return this.hydrate(out[0]).sort((a, b) => sortKey(a, orderBy) - sortKey(b, orderBy));
    }
    const rows = await this.manager
      .createQueryBuilder(FollowupEntity, 'f')
      .where(condition.replace(/\b(status|scheduled_at|lease_expires_at)\b/g, 'f.$1'), { now: now.getTime() })
      .orderBy(`f.${orderBy}`, 'ASC')
      .limit(limit)
      .getMany();
    if (!rows.length) return rows;
    const ids = rows.map((r) => r.id);
    const leaseExpiresAt = new Date(lease.lease_expires_at);
    // Guarded by the state it was selected in, so a second process on the same file cannot take it too.
    await this.manager
      .createQueryBuilder()
      .update(FollowupEntity)
      .set({
        leaseOwner: owner,
        leaseExpiresAt,
        updatedAt: now,
        ...(change.status ? { status: change.status } : {}),
        ...(change.attempt ? { attempt: () => 'attempt + 1' } : {}),
      })
      .where('id IN (:...ids)', { ids })
      .andWhere(condition.replace(/:now/, ':nowMs'), { nowMs: now.getTime() })
      .execute();
    const mine = await this.manager.find(FollowupEntity, { where: { id: In(ids), leaseOwner: owner, leaseExpiresAt } });
    const order = new Map(ids.map((id, i) => [id, i]));
    return mine.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  /** Gives back the rows this owner claimed but never started sending (a clean shutdown). */
  async releaseUnstarted(owner: string, now: Date): Promise<number> {
    const result = await this.manager
      .createQueryBuilder()
      .update(FollowupEntity)
      .set({ status: 'scheduled', leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
      .where("lease_owner = :owner AND status = 'in_progress' AND send_started_at IS NULL", { owner })
      .execute();
    return result.affected ?? 0;
  }

  /** Written just before the provider is called, for the rows this owner still holds. */
  async markSendStarted(ids: string[], owner: string, at: Date): Promise<void> {
    if (!ids.length) return;
    await this.manager.update(FollowupEntity, { id: In(ids), leaseOwner: owner, status: 'in_progress' }, { sendStartedAt: at });
  }

  /** Writes outcomes for rows this owner holds; returns the ids it could write (still held). */
  async finish(outcomes: FollowupOutcome[], owner: string, now: Date): Promise<Set<string>> {
    const written = new Set<string>();
    for (const o of outcomes) {
      const release = o.status === 'scheduled' ? { sendStartedAt: null } : {};
      const result = await this.manager.update(
        FollowupEntity,
        { id: o.id, leaseOwner: owner, status: 'in_progress' },
        {
          status: o.status,
          statusReason: o.statusReason,
          ...(o.providerMessageId !== undefined ? { providerMessageId: o.providerMessageId } : {}),
          ...(o.sentAt !== undefined ? { sentAt: o.sentAt, processedAt: o.sentAt } : {}),
          ...(o.channel !== undefined ? { channel: o.channel } : {}),
          ...(o.body !== undefined ? { body: o.body } : {}),
          ...(o.errorCode !== undefined ? { errorCode: o.errorCode } : {}),
          ...(o.scheduledAt ? { scheduledAt: o.scheduledAt } : {}),
          ...(o.movedByWorkingHours !== undefined ? { movedByWorkingHours: o.movedByWorkingHours } : {}),
          ...release,
          leaseOwner: null,
          leaseExpiresAt: null,
          updatedAt: now,
        },
      );
      if ((result.affected ?? 0) > 0) written.add(o.id);
    }
    return written;
  }

  /** Cancels every pending follow-up of a conversation (optionally only of some scenarios). */
  async cancelPending(conversationId: string, reason: string, now: Date, scenarios?: string[]): Promise<number> {
    const qb = this.manager
      .createQueryBuilder()
      .update(FollowupEntity)
      .set({ status: 'cancelled', statusReason: reason, updatedAt: now })
      .where('conversation_id = :conversationId', { conversationId })
      .andWhere('status IN (:...pending)', { pending: PENDING_STATUSES });
    if (scenarios) qb.andWhere('scenario IN (:...scenarios)', { scenarios });
    const result = await qb.execute();
    return result.affected ?? 0;
  }

  listPendingScenarios(conversationId: string): Promise<FollowupEntity[]> {
    return this.manager.find(FollowupEntity, {
      where: { conversationId, status: In([...PENDING_STATUSES, 'in_progress']) },
      select: { id: true, scenario: true, status: true },
    });
  }

  listByConversation(conversationId: string): Promise<FollowupEntity[]> {
    return this.manager.find(FollowupEntity, { where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** When the next scheduled follow-up falls due (to sleep until then). */
  async nextDueAt(): Promise<Date | null> {
    const next = await this.manager.findOne(FollowupEntity, {
      where: { status: 'scheduled' },
      order: { scheduledAt: 'ASC' },
      select: { id: true, scheduledAt: true },
    });
    return next?.scheduledAt ?? null;
  }

  countByStatus(statuses: string[]): Promise<number> {
    return this.manager.countBy(FollowupEntity, { status: In(statuses) });
  }

  private hydrate(raw: Record<string, unknown>[]): FollowupEntity[] {
    const meta = this.manager.connection.getMetadata(FollowupEntity);
    return raw.map((r) => {
      const entity = new FollowupEntity();
      for (const column of meta.columns) {
        const value = r[column.databaseName];
        (entity as unknown as Record<string, unknown>)[column.propertyName] = this.manager.connection.driver.prepareHydratedValue(value, column);
      }
      return entity;
    });
  }
}
