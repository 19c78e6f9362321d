import type { DeliveryState, Reason } from '@followup/contracts';
import { EntityManager, In } from 'typeorm';
import { FollowupAttemptEntity, FollowupEntity } from '../entities';
import { caseSets, placeholders, qualifiedTable } from './batch-update';
import { ClaimSpec, changeSets, claimSqlite, hydrateFollowups, sortKey } from './queue-claims';
import { insertRows } from './errors';
import { EntitySql, runSql } from './entity-sql';
import { QueueSnapshotRow, queueSnapshot } from './queue-snapshot';

/** Statuses of a follow-up that is still to be sent (and can still be cancelled). */
export const PENDING_STATUSES = ['scheduled', 'on_hold'];

/**
 * A pending engine step. Manual records (POST /followups) have no action_id; IX_followups_due
 * (status, scheduled_at) still serves the claim, action_id is checked on the rows it finds.
 */
const ENGINE_STEP = "status = 'scheduled' AND action_id IS NOT NULL";

/** Where a claimed follow-up can go: back to the queue, held, sent, or ended. */
export type OutcomeStatus = 'scheduled' | 'on_hold' | 'sent' | 'failed' | 'cancelled';

/** What the dispatcher writes back for one claimed follow-up. */
export interface FollowupOutcome {
  id: string;
  status: OutcomeStatus;
  statusReason: string | null;
  /** The typed code of statusReason (contracts' ReasonCode); undefined leaves it as it was. */
  reasonCode?: string | null;
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
    return qualifiedTable(this.manager, FollowupEntity);
  }

  async insert(followups: FollowupEntity[]): Promise<void> {
    if (followups.length) await insertRows(this.manager, FollowupEntity, followups);
  }

  /**
   * Claims up to `limit` due follow-ups, oldest due first. Only the engine's steps (they name the
   * action they were planned from): a manual seed 004 record is a task for a person, never sent.
   */
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<FollowupEntity[]> {
    return this.claim({
      condition: `${ENGINE_STEP} AND scheduled_at <= :now`,
      orderBy: 'scheduled_at',
      change: { status: 'in_progress', attempt: true },
      now,
      owner,
      leaseMs,
      limit,
    });
  }

  /**
   * Rows whose lease expired (their process died): they are taken over under a new lease. The
   * caller decides, from `sendStartedAt`, whether the send may have reached the provider.
   */
  claimExpired(now: Date, owner: string, leaseMs: number, limit: number): Promise<FollowupEntity[]> {
    return this.claim({
      condition: "status = 'in_progress' AND lease_expires_at < :now",
      orderBy: 'lease_expires_at',
      change: { attempt: false },
      now,
      owner,
      leaseMs,
      limit,
    });
  }

  /**
   * Atomic by itself, no transaction needed from the caller. PostgreSQL: one UPDATE ... WHERE id IN
   * (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING, so replicas never take the same row. SQLite:
   * select the ids, then update them, in a transaction.
   */
  private async claim(spec: ClaimSpec): Promise<FollowupEntity[]> {
    const { condition, orderBy, change, now, owner, leaseMs, limit } = spec;
    const lease = { lease_owner: owner, lease_expires_at: now.getTime() + leaseMs, updated_at: now.getTime() };
    if (this.engine === 'postgres') {
      const t = this.table();
      const sets = [`lease_owner = $1`, `lease_expires_at = $2`, `updated_at = $3`, ...changeSets(change)];
      const out: [Record<string, unknown>[], number] = await this.manager.query(
        `UPDATE ${t} SET ${sets.join(', ')} WHERE id IN (SELECT id FROM ${t} WHERE ${condition.replace(':now', '$3')} ORDER BY ${orderBy} LIMIT $4 FOR UPDATE SKIP LOCKED) RETURNING *`,
        [owner, lease.lease_expires_at, lease.updated_at, limit],
      );
      return hydrateFollowups(this.manager, out[0]).sort((a, b) => sortKey(a, orderBy) - sortKey(b, orderBy));
    }
    // SQLite: a transaction on the one connection the Store serialises (nested in the caller's if
    // there is one). Its UPDATE either applies to the snapshot its SELECT read or fails with
    // SQLITE_BUSY_SNAPSHOT when another process wrote in between, so a row is never claimed twice
    // even with two processes on one file.
    return this.manager.transaction((m) => claimSqlite(m, qualifiedTable(m, FollowupEntity), spec));
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

  /**
   * Written just before the provider is called: the sending mark on the rows this owner still holds,
   * and the sends' attempts, together. Atomic by itself: on PostgreSQL one statement (the mark in a
   * data-modifying WITH, then the attempts' INSERT), one round trip outside any group commit, which
   * took a third of the time from claim to provider call at a steady trickle; on SQLite a
   * transaction (nested in the caller's if there is one).
   */
  async markSendStarted(ids: string[], owner: string, at: Date, attempts: FollowupAttemptEntity[] = []): Promise<void> {
    if (!ids.length) return;
    if (this.engine === 'postgres') {
      const insert = attempts.length ? EntitySql.of(this.manager, FollowupAttemptEntity).insertStatement(attempts, 3) : undefined;
      if (insert !== null) {
        const mark = `UPDATE ${this.table()} SET send_started_at = $1 WHERE id = ANY($2) AND lease_owner = $3 AND status = 'in_progress'`;
        await this.manager.query(insert ? `WITH started AS (${mark}) ${insert.sql}` : mark, [
          at.getTime(),
          ids,
          owner,
          ...(insert?.params ?? []),
        ]);
        return;
      }
    }
    await this.manager.transaction(async (m) => {
      // Placeholders in the order they appear (SQLite's `?` are positional).
      const { params, p } = placeholders(this.engine);
      const set = `send_started_at = ${p(at.getTime())}`;
      const held = `id IN (${ids.map((id) => p(id)).join(', ')}) AND lease_owner = ${p(owner)} AND status = 'in_progress'`;
      await runSql(m, `UPDATE ${this.table()} SET ${set} WHERE ${held}`, params);
      await insertRows(m, FollowupAttemptEntity, attempts);
    });
  }

  /**
   * Writes outcomes for the rows this owner still holds: one UPDATE sets each column from a CASE
   * over the ids, and returns the ids it wrote.
   */
  async finish(outcomes: FollowupOutcome[], owner: string, now: Date): Promise<Set<string>> {
    if (!outcomes.length) return new Set();
    const table = this.table();
    const { params, p } = placeholders(this.engine);
    const ms = (d: Date | null | undefined) => (d === undefined ? undefined : d === null ? null : d.getTime());
    const columns: [string, (o: FollowupOutcome) => unknown][] = [
      ['status', (o) => o.status],
      ['status_reason', (o) => o.statusReason],
      ['reason_code', (o) => o.reasonCode],
      ['provider_message_id', (o) => o.providerMessageId],
      ['sent_at', (o) => ms(o.sentAt)],
      ['processed_at', (o) => ms(o.sentAt)],
      ['channel', (o) => o.channel],
      ['body', (o) => o.body],
      ['error_code', (o) => o.errorCode],
      ['scheduled_at', (o) => (o.scheduledAt ? o.scheduledAt.getTime() : undefined)],
      ['moved_by_working_hours', (o) => o.movedByWorkingHours],
      // A row going back to the queue was never (or safely) sent: the next attempt marks it again.
      ['send_started_at', (o) => (o.status === 'scheduled' ? null : undefined)],
    ];
    const sets = caseSets(outcomes, columns, p);
    sets.push('lease_owner = NULL', 'lease_expires_at = NULL', `updated_at = ${p(now.getTime())}`);
    // After the SET's placeholders: SQLite's `?` are positional.
    const held = `id IN (${outcomes.map((o) => p(o.id)).join(', ')}) AND lease_owner = ${p(owner)} AND status = 'in_progress'`;
    const { rows } = await runSql(this.manager, `UPDATE ${table} SET ${sets.join(', ')} WHERE ${held} RETURNING id`, params);
    return new Set(rows.map((r) => r['id'] as string));
  }

  /** Cancels every pending engine step of a conversation (optionally only of some scenarios). */
  async cancelPending(conversationId: string, reason: Reason, now: Date, scenarios?: string[]): Promise<number> {
    const { params, p } = placeholders(this.engine);
    const sets = `status = 'cancelled', status_reason = ${p(reason.text)}, reason_code = ${p(reason.code)}, updated_at = ${p(now.getTime())}`;
    // Placeholders in the order they appear (SQLite's `?` are positional).
    // Engine steps only: a seed 004 record (a task for a person, no action) is not the engine's to cancel.
    const where = `conversation_id = ${p(conversationId)} AND status IN ('scheduled', 'on_hold') AND action_id IS NOT NULL`;
    const only = scenarios ? ` AND scenario IN (${scenarios.map((s) => p(s)).join(', ')})` : '';
    const sql = `UPDATE ${qualifiedTable(this.manager, FollowupEntity)} SET ${sets} WHERE ${where}${only}`;
    return (await runSql(this.manager, sql, params)).affected;
  }

  /** Cancels a contact's pending follow-ups on some channels (the contact opted out of them). */
  async cancelPendingForContact(contactId: string, channels: string[], reason: Reason, now: Date): Promise<number> {
    if (!channels.length) return 0;
    const result = await this.manager
      .createQueryBuilder()
      .update(FollowupEntity)
      .set({ status: 'cancelled', statusReason: reason.text, reasonCode: reason.code, updatedAt: now })
      .where('contact_id = :contactId', { contactId })
      .andWhere('channel IN (:...channels)', { channels })
      .andWhere('status IN (:...pending)', { pending: PENDING_STATUSES })
      .execute();
    return result.affected ?? 0;
  }

  /** A sent follow-up by the provider's id of its message (a delivery status names it so). */
  findByProviderId(locationId: string, providerMessageId: string): Promise<FollowupEntity | null> {
    return this.manager.findOneBy(FollowupEntity, { locationId, providerMessageId });
  }

  /**
   * Applies a delivery status to a sent follow-up: `delivered` (or read) makes it delivered,
   * `failed`/`undelivered` failed with the provider's code; statuses only move forward, and a
   * follow-up that is not sent or delivered (cancelled, say) is left alone. True when it changed.
   */
  async applyDelivery(
    followup: FollowupEntity,
    status: DeliveryState,
    errorCode: string | null,
    why: Reason | null,
    now: Date,
  ): Promise<boolean> {
    if (followup.status !== 'sent' && followup.status !== 'delivered') return false;
    const next =
      status === 'delivered' || status === 'read' ? 'delivered' : status === 'failed' || status === 'undelivered' ? 'failed' : 'sent';
    if (next === followup.status || (followup.status === 'delivered' && next !== 'delivered')) return false;
    const changes = {
      status: next,
      errorCode: errorCode ?? followup.errorCode,
      statusReason: why?.text ?? followup.statusReason,
      reasonCode: why?.code ?? followup.reasonCode,
      updatedAt: now,
    };
    const result = await this.manager
      .createQueryBuilder()
      .update(FollowupEntity)
      .set(changes)
      .where('id = :id AND status = :was', { id: followup.id, was: followup.status })
      .execute();
    if (!result.affected) return false;
    Object.assign(followup, changes);
    return true;
  }

  /**
   * Failover after a failed status: a sent step goes back to the queue, due now, to go out on the
   * next usable channel (its attempts say which failed). `sent_at` stays: the next step's timing is
   * from the first send. True when it changed (a duplicate callback finds it no longer `sent`).
   */
  async requeueForFailover(followup: FollowupEntity, why: Reason, errorCode: string | null, now: Date): Promise<boolean> {
    const changes = {
      status: 'scheduled' as const,
      scheduledAt: now,
      statusReason: why.text,
      reasonCode: why.code,
      errorCode: errorCode ?? followup.errorCode,
      sendStartedAt: null,
      updatedAt: now,
    };
    const result = await this.manager
      .createQueryBuilder()
      .update(FollowupEntity)
      .set(changes)
      .where("id = :id AND status = 'sent'", { id: followup.id })
      .execute();
    if (!result.affected) return false;
    Object.assign(followup, changes);
    return true;
  }

  /**
   * Puts back in the queue, due now, the conversation's follow-ups held for `reasonCode` (e.g. the
   * bot was not active and now is). Returns how many.
   */
  async releaseHeld(conversationId: string, reasonCode: string, now: Date): Promise<number> {
    const result = await this.manager
      .createQueryBuilder()
      .update(FollowupEntity)
      .set({ status: 'scheduled', scheduledAt: now, statusReason: null, reasonCode: null, updatedAt: now })
      .where("conversation_id = :conversationId AND status = 'on_hold' AND reason_code = :reasonCode", { conversationId, reasonCode })
      .execute();
    return result.affected ?? 0;
  }

  /** A conversation's follow-ups not yet done (id, scenario, status only): fixed SQL, every message recorded asks. */
  async listPendingScenarios(conversationId: string): Promise<Pick<FollowupEntity, 'id' | 'scenario' | 'status'>[]> {
    const { params, p } = placeholders(this.engine);
    const sql = `SELECT id, scenario, status FROM ${qualifiedTable(this.manager, FollowupEntity)} WHERE conversation_id = ${p(conversationId)} AND status IN ('scheduled', 'on_hold', 'in_progress')`;
    return (await this.manager.query(sql, params)) as Pick<FollowupEntity, 'id' | 'scenario' | 'status'>[];
  }

  /** A conversation's follow-ups, oldest first; with `locationId`, only that location's (every API read passes it). */
  listByConversation(conversationId: string, locationId?: string): Promise<FollowupEntity[]> {
    const where = locationId === undefined ? { conversationId } : { conversationId, locationId };
    return this.manager.find(FollowupEntity, { where, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** When the next scheduled engine step falls due (to sleep until then); manual records never wake the loop. */
  async nextDueAt(): Promise<Date | null> {
    // Fixed SQL (the loop asks after every pass): the claim's index answers it from its first entry.
    const rows = (await this.manager.query(
      `SELECT scheduled_at FROM ${qualifiedTable(this.manager, FollowupEntity)} WHERE status = 'scheduled' AND action_id IS NOT NULL AND scheduled_at IS NOT NULL ORDER BY scheduled_at LIMIT 1`,
    )) as { scheduled_at: string | number }[];
    const first = rows[0];
    return first ? new Date(Number(first.scheduled_at)) : null;
  }

  /** The queue as metrics see it (queue-snapshot.ts). */
  queueSnapshot(now: Date): Promise<QueueSnapshotRow> {
    return queueSnapshot(this.manager, this.engine, this.table(), ENGINE_STEP, now);
  }

  /** Refreshes the planner's statistics of the queue table (what autovacuum does on its own, later). */
  async analyze(): Promise<void> {
    await this.manager.query(`ANALYZE ${this.table()}`);
  }

  countByStatus(statuses: string[]): Promise<number> {
    return this.manager.countBy(FollowupEntity, { status: In(statuses) });
  }
}
