import { Brackets, EntityManager, In } from 'typeorm';
import { FollowupConfigEntity, FollowupEntity } from '../entities';
import { row, guardDuplicates, insertRows } from './errors';
import { OPEN_FOLLOWUP_STATUSES } from './conversation-filter';

export class FollowupConfigsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(config: FollowupConfigEntity): Promise<FollowupConfigEntity> {
    await guardDuplicates(() => insertRows(this.manager, FollowupConfigEntity, [config]));
    return config;
  }

  findById(locationId: string, id: string): Promise<FollowupConfigEntity | null> {
    return this.manager.findOneBy(FollowupConfigEntity, { locationId, id });
  }

  findByAssistant(locationId: string, assistantId: string): Promise<FollowupConfigEntity | null> {
    return this.manager.findOneBy(FollowupConfigEntity, { locationId, assistantId });
  }

  listByLocation(locationId: string): Promise<FollowupConfigEntity[]> {
    return this.manager.find(FollowupConfigEntity, { where: { locationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async save(config: FollowupConfigEntity): Promise<FollowupConfigEntity> {
    await this.manager.update(FollowupConfigEntity, { locationId: config.locationId, id: config.id }, row(config));
    return config;
  }

  async delete(locationId: string, id: string): Promise<boolean> {
    const result = await this.manager.delete(FollowupConfigEntity, { locationId, id });
    return (result.affected ?? 0) > 0;
  }
}

export interface FollowupFilter {
  status?: string;
  type?: string;
  contactId?: string;
  conversationId?: string;
  debtId?: string;
  scheduledFrom?: Date;
  scheduledTo?: Date;
}

/** Position after which a page starts: the last row of the previous page. */
export interface FollowupCursor {
  createdAt: number;
  id: string;
}

export class FollowupsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(followup: FollowupEntity): Promise<FollowupEntity> {
    await guardDuplicates(() => insertRows(this.manager, FollowupEntity, [followup]));
    return followup;
  }

  findById(locationId: string, id: string): Promise<FollowupEntity | null> {
    return this.manager.findOneBy(FollowupEntity, { locationId, id });
  }

  /** The record of a call by the provider's call id (seed 004's `call_id`). */
  findByCallId(locationId: string, callId: string): Promise<FollowupEntity | null> {
    return this.manager.findOneBy(FollowupEntity, { locationId, callId });
  }

  /** Newest first; `limit` rows after `cursor`. */
  list(locationId: string, filter: FollowupFilter, limit: number, cursor?: FollowupCursor): Promise<FollowupEntity[]> {
    const qb = this.manager.createQueryBuilder(FollowupEntity, 'f').where('f.location_id = :locationId', { locationId });
    const eq: [keyof FollowupFilter, string][] = [
      ['status', 'status'],
      ['type', 'type'],
      ['contactId', 'contact_id'],
      ['conversationId', 'conversation_id'],
      ['debtId', 'debt_id'],
    ];
    for (const [key, column] of eq) {
      if (filter[key] !== undefined) qb.andWhere(`f.${column} = :${key}`, { [key]: filter[key] });
    }
    if (filter.scheduledFrom) qb.andWhere('f.scheduled_at >= :from', { from: filter.scheduledFrom.getTime() });
    if (filter.scheduledTo) qb.andWhere('f.scheduled_at < :to', { to: filter.scheduledTo.getTime() });
    if (cursor) {
      qb.andWhere('(f.created_at < :cc OR (f.created_at = :cc AND f.id < :cid))', { cc: cursor.createdAt, cid: cursor.id });
    }
    return qb.orderBy('f.created_at', 'DESC').addOrderBy('f.id', 'DESC').limit(limit).getMany();
  }

  /** The follow-ups of some conversations still to be sent (scheduled, on hold, being sent), in one query. */
  openByConversations(locationId: string, conversationIds: string[]): Promise<FollowupEntity[]> {
    if (!conversationIds.length) return Promise.resolve([]);
    return this.manager.find(FollowupEntity, {
      where: { locationId, conversationId: In(conversationIds), status: In(OPEN_FOLLOWUP_STATUSES) },
      order: { scheduledAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The engine's follow-ups that went out in [from, until) (`until` past `to`: a later one may take
   * a reply from one sent in the range), and those that failed in [from, to) without going out;
   * optionally one agent's. Only the columns the analytics read.
   */
  outcomes(locationId: string, range: { from: Date; to: Date; until: Date }, agentId?: string): Promise<FollowupEntity[]> {
    const { from, to, until } = range;
    const qb = this.manager
      .createQueryBuilder(FollowupEntity, 'f')
      .select(['f.id', 'f.conversationId', 'f.scenario', 'f.step', 'f.channel', 'f.status', 'f.sentAt', 'f.updatedAt'])
      .where('f.location_id = :locationId', { locationId })
      .andWhere('f.scenario IS NOT NULL')
      .andWhere(
        new Brackets((w) =>
          w
            .where('(f.sent_at >= :from AND f.sent_at < :until)', { from: from.getTime(), until: until.getTime() })
            .orWhere("(f.sent_at IS NULL AND f.status = 'failed' AND f.updated_at >= :from AND f.updated_at < :to)", { to: to.getTime() }),
        ),
      );
    if (agentId) qb.andWhere('f.agent_id = :agentId', { agentId });
    return qb.getMany();
  }

  async save(followup: FollowupEntity): Promise<FollowupEntity> {
    await this.manager.update(FollowupEntity, { locationId: followup.locationId, id: followup.id }, row(followup));
    return followup;
  }
}
