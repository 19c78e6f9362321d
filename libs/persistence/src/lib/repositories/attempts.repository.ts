import { DeliveryState, deliveryAdvances } from '@followup/contracts';
import { EntityManager, In } from 'typeorm';
import { FollowupAttemptEntity } from '../entities';
import { caseSets, placeholders, qualifiedTable } from './batch-update';
import { insertRows } from './errors';

/** What the dispatcher writes back on an attempt once the provider answered (or did not). */
export interface AttemptOutcome {
  id: string;
  status: string;
  providerMessageId?: string | null;
  errorCode?: string | null;
  reasonCode?: string | null;
  reason?: string | null;
}

/** Delivery attempts: one row per try of a follow-up step on a channel. */
export class AttemptsRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly engine: 'sqlite' | 'postgres',
  ) {}

  /** Written just before the provider is called. */
  async start(attempts: FollowupAttemptEntity[]): Promise<void> {
    await insertRows(this.manager, FollowupAttemptEntity, attempts);
  }

  /** The provider's answers of a batch, in one UPDATE. */
  async finish(outcomes: AttemptOutcome[], now: Date): Promise<void> {
    if (!outcomes.length) return;
    const { params, p } = placeholders(this.engine);
    const sets = caseSets(
      outcomes,
      [
        ['status', (o) => o.status],
        ['provider_message_id', (o) => o.providerMessageId],
        ['error_code', (o) => o.errorCode],
        ['reason_code', (o) => o.reasonCode],
        ['reason', (o) => o.reason],
      ],
      p,
    );
    sets.push(`updated_at = ${p(now.getTime())}`);
    const table = qualifiedTable(this.manager, FollowupAttemptEntity);
    await this.manager.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE id IN (${outcomes.map((o) => p(o.id)).join(', ')})`, params);
  }

  /** Every attempt of these follow-ups, oldest first. */
  listForFollowups(followupIds: string[]): Promise<FollowupAttemptEntity[]> {
    if (!followupIds.length) return Promise.resolve([]);
    return this.manager.find(FollowupAttemptEntity, { where: { followupId: In(followupIds) }, order: { startedAt: 'ASC', id: 'ASC' } });
  }

  /** The attempt a delivery status names by the provider's message id. */
  findByProviderId(locationId: string, providerMessageId: string): Promise<FollowupAttemptEntity | null> {
    return this.manager.findOneBy(FollowupAttemptEntity, { locationId, providerMessageId });
  }

  /**
   * Applies a delivery status to an attempt when it moves it forward (contracts' deliveryAdvances:
   * a `sending` or `unknown` attempt takes any status; read may come without delivered); true when it changed.
   */
  async applyDelivery(
    attempt: FollowupAttemptEntity,
    status: DeliveryState,
    errorCode: string | null,
    reason: string | null,
    now: Date,
  ): Promise<boolean> {
    if (!deliveryAdvances(attempt.status, status)) return false;
    const changes = { status, errorCode: errorCode ?? attempt.errorCode, reason: reason ?? attempt.reason, updatedAt: now };
    const result = await this.manager
      .createQueryBuilder()
      .update(FollowupAttemptEntity)
      .set(changes)
      .where('id = :id AND status = :was', { id: attempt.id, was: attempt.status })
      .execute();
    if (!result.affected) return false;
    Object.assign(attempt, changes);
    return true;
  }
}
