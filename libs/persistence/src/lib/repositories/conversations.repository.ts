import { DeliveryState, deliveryAdvances } from '@followup/contracts';
import { EntityManager, In, IsNull, Not } from 'typeorm';
import { ContactEntity, ConversationEntity, FollowupEntity, MessageEntity } from '../entities';
import { guardDuplicates, row, insertRows } from './errors';
import { placeholders, qualifiedTable } from './batch-update';
import { EntitySql, runSql } from './entity-sql';
import { ConversationFilter, applyConversationFilter } from './conversation-filter';

export interface Page {
  limit: number;
  /** Last row of the previous page (creation order). */
  after?: { createdAt: number; id: string };
}

function pageOf<T extends { createdAt: Date; id: string }>(qb: import('typeorm').SelectQueryBuilder<T>, alias: string, page: Page) {
  if (page.after) {
    qb.andWhere(`(${alias}.created_at > :ac OR (${alias}.created_at = :ac AND ${alias}.id > :aid))`, {
      ac: page.after.createdAt,
      aid: page.after.id,
    });
  }
  return qb.orderBy(`${alias}.created_at`, 'ASC').addOrderBy(`${alias}.id`, 'ASC').limit(page.limit).getMany();
}

export class ContactsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(contact: ContactEntity): Promise<ContactEntity> {
    await guardDuplicates(() => insertRows(this.manager, ContactEntity, [contact]));
    return contact;
  }

  findById(locationId: string, id: string): Promise<ContactEntity | null> {
    return EntitySql.of(this.manager, ContactEntity).findOne({ locationId, id });
  }

  findByIds(ids: string[]): Promise<ContactEntity[]> {
    return EntitySql.of(this.manager, ContactEntity).findIn('id', ids);
  }

  findByPhone(locationId: string, phone: string): Promise<ContactEntity | null> {
    return EntitySql.of(this.manager, ContactEntity).findOne({ locationId, phone });
  }

  findByEmail(locationId: string, email: string): Promise<ContactEntity | null> {
    return EntitySql.of(this.manager, ContactEntity).findOne({ locationId, email });
  }

  /** The contact a provider names by phone, WhatsApp number or email. */
  async findByAddress(locationId: string, address: { phone?: string; whatsapp?: string; email?: string }): Promise<ContactEntity | null> {
    if (address.phone) {
      const byPhone = await this.findByPhone(locationId, address.phone);
      if (byPhone) return byPhone;
    }
    if (address.whatsapp) {
      const byWhatsapp = await EntitySql.of(this.manager, ContactEntity).findOne({ locationId, whatsapp: address.whatsapp });
      if (byWhatsapp) return byWhatsapp;
    }
    return address.email ? this.findByEmail(locationId, address.email.toLowerCase()) : null;
  }

  list(locationId: string, page: Page): Promise<ContactEntity[]> {
    return pageOf(this.manager.createQueryBuilder(ContactEntity, 'c').where('c.location_id = :locationId', { locationId }), 'c', page);
  }

  async save(contact: ContactEntity): Promise<ContactEntity> {
    await guardDuplicates(() => this.manager.update(ContactEntity, { locationId: contact.locationId, id: contact.id }, row(contact)));
    return contact;
  }
}

export class ConversationsRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly engine: 'sqlite' | 'postgres',
  ) {}

  async insert(conversation: ConversationEntity): Promise<ConversationEntity> {
    await guardDuplicates(() => insertRows(this.manager, ConversationEntity, [conversation]));
    return conversation;
  }

  insertMany(conversations: ConversationEntity[]): Promise<void> {
    return insertRows(this.manager, ConversationEntity, conversations);
  }

  findById(locationId: string, id: string): Promise<ConversationEntity | null> {
    return EntitySql.of(this.manager, ConversationEntity).findOne({ locationId, id });
  }

  findByIds(ids: string[]): Promise<ConversationEntity[]> {
    return EntitySql.of(this.manager, ConversationEntity).findIn('id', ids);
  }

  /** The conversation of a contact's own id on a channel connection (live chat: the visitor id). */
  findByChannelContact(locationId: string, connectionId: string, channelContactId: string): Promise<ConversationEntity | null> {
    return EntitySql.of(this.manager, ConversationEntity).findOne({ locationId, connectionId, channelContactId });
  }

  /**
   * The contacts of these channel ids on a connection were present at `at` (live chat: a visitor
   * socket open). Moves `contact_seen_at` forward only; the conversation is not otherwise changed.
   */
  async markSeen(connectionId: string, channelContactIds: string[], at: Date): Promise<number> {
    if (!channelContactIds.length) return 0;
    const result = await this.manager
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ contactSeenAt: at })
      .where('connection_id = :connectionId AND channel_contact_id IN (:...ids)', { connectionId, ids: channelContactIds })
      .andWhere('(contact_seen_at IS NULL OR contact_seen_at < :at)', { at: at.getTime() })
      .execute();
    return result.affected ?? 0;
  }

  /**
   * The provider says the conversation's session window has closed (WhatsApp 131047): only
   * templates go out until the contact writes again (sessionStateFor). Moves forward only.
   */
  async closeSession(locationId: string, id: string, at: Date): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .update(ConversationEntity)
      .set({ sessionClosedAt: at })
      .where('location_id = :locationId AND id = :id', { locationId, id })
      .andWhere('(session_closed_at IS NULL OR session_closed_at < :at)', { at: at.getTime() })
      .execute();
  }

  /** The contact's most recent conversation on a channel (the one an inbound message continues). */
  latestForContact(locationId: string, contactId: string, channel: string): Promise<ConversationEntity | null> {
    return EntitySql.of(this.manager, ConversationEntity).findOne({ locationId, contactId, channel }, 'updated_at DESC, id DESC');
  }

  /** A page of the location's conversations, in creation order, filtered in the same query (conversation-filter.ts). */
  list(locationId: string, filter: ConversationFilter, page: Page): Promise<ConversationEntity[]> {
    const qb = this.manager.createQueryBuilder(ConversationEntity, 'v').where('v.location_id = :locationId', { locationId });
    applyConversationFilter(this.manager, qb, filter);
    return pageOf(qb, 'v', page);
  }

  /**
   * Records that a message happened; with `bumpVersion` the version moves too, so follow-ups
   * scheduled before it see the change when they are about to be sent. One statement, whose
   * RETURNING brings the conversation object up to date (another transaction may have moved the
   * version since it was read).
   */
  async touch(
    conversation: ConversationEntity,
    direction: 'inbound' | 'outbound',
    at: Date,
    now: Date,
    bumpVersion: boolean,
  ): Promise<ConversationEntity> {
    const column = direction === 'inbound' ? 'last_inbound_at' : 'last_outbound_at';
    const { params, p } = placeholders(this.engine);
    const sets = [
      `updated_at = ${p(now.getTime())}`,
      `${column} = CASE WHEN ${column} IS NULL OR ${column} < ${p(at.getTime())} THEN ${p(at.getTime())} ELSE ${column} END`,
    ];
    if (bumpVersion) sets.push('version = version + 1');
    const table = qualifiedTable(this.manager, ConversationEntity);
    const sql = `UPDATE ${table} SET ${sets.join(', ')} WHERE id = ${p(conversation.id)} RETURNING version, ${column} AS last`;
    const fresh = (await runSql(this.manager, sql, params)).rows[0];
    if (fresh) {
      conversation.version = Number(fresh['version']);
      conversation[direction === 'inbound' ? 'lastInboundAt' : 'lastOutboundAt'] = new Date(Number(fresh['last']));
    }
    conversation.updatedAt = now;
    return conversation;
  }

  /** Writes the conversation's state (bot status, sleep, assignee, CRM status, paused sequences, agent); the version does not move. */
  async saveState(conversation: ConversationEntity): Promise<ConversationEntity> {
    const { botStatus, botSleepUntil, assignedUserId, statusId, followupsPaused, agentId, updatedAt } = conversation;
    const where = { locationId: conversation.locationId, id: conversation.id };
    const state = { botStatus, botSleepUntil, assignedUserId, statusId, followupsPaused, agentId, updatedAt };
    await this.manager.update(ConversationEntity, where, state);
    return conversation;
  }
}

export class MessagesRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(message: MessageEntity): Promise<MessageEntity> {
    await guardDuplicates(() => insertRows(this.manager, MessageEntity, [message]));
    return message;
  }

  findByProviderId(locationId: string, providerMessageId: string): Promise<MessageEntity | null> {
    return EntitySql.of(this.manager, MessageEntity).findOne({ locationId, providerMessageId });
  }

  /** A conversation's last `limit` messages, oldest first. */
  async recent(conversationId: string, limit: number): Promise<MessageEntity[]> {
    const latest = await this.manager.find(MessageEntity, {
      where: { conversationId },
      order: { occurredAt: 'DESC', createdAt: 'DESC' },
      take: limit,
    });
    return latest.reverse();
  }

  /** The latest message of each conversation (one query; conversations without messages are absent). */
  latestByConversations(locationId: string, conversationIds: string[]): Promise<MessageEntity[]> {
    if (!conversationIds.length) return Promise.resolve([]);
    const later = this.manager
      .createQueryBuilder(MessageEntity, 'l')
      .select('1')
      .where('l.conversation_id = m.conversation_id')
      .andWhere('(l.occurred_at > m.occurred_at OR (l.occurred_at = m.occurred_at AND l.id > m.id))');
    return this.manager
      .createQueryBuilder(MessageEntity, 'm')
      .where('m.location_id = :locationId', { locationId })
      .andWhere('m.conversation_id IN (:...ids)', { ids: conversationIds })
      .andWhere(`NOT EXISTS (${later.getQuery()})`)
      .getMany();
  }

  /** Inbound messages of some conversations that happened in [from, until) (the analytics' replies). */
  inboundBetween(locationId: string, conversationIds: string[], from: Date, until: Date): Promise<MessageEntity[]> {
    if (!conversationIds.length) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(MessageEntity, 'm')
      .select(['m.id', 'm.conversationId', 'm.occurredAt'])
      .where('m.location_id = :locationId', { locationId })
      .andWhere('m.conversation_id IN (:...ids)', { ids: conversationIds })
      .andWhere("m.direction = 'inbound'")
      .andWhere('m.occurred_at >= :from AND m.occurred_at < :until', { from: from.getTime(), until: until.getTime() })
      .getMany();
  }

  listByConversation(conversationId: string, limit = 500): Promise<MessageEntity[]> {
    return this.manager.find(MessageEntity, { where: { conversationId }, order: { occurredAt: 'ASC', createdAt: 'ASC' }, take: limit });
  }

  /** Moves an outbound message's delivery status forward (see deliveryAdvances); true when it changed. */
  async applyDelivery(message: MessageEntity, status: DeliveryState, errorCode: string | null, reason: string | null): Promise<boolean> {
    if (!deliveryAdvances(message.status, status)) return false;
    const changes = { status, errorCode: errorCode ?? message.errorCode, statusReason: reason ?? message.statusReason };
    const qb = this.manager.createQueryBuilder().update(MessageEntity).set(changes).where('id = :id', { id: message.id });
    // Another status of the same message may land at the same moment: only the one that saw the row as it is wins.
    if (message.status === null) qb.andWhere('status IS NULL');
    else qb.andWhere('status = :was', { was: message.status });
    const result = await qb.execute();
    if (!result.affected) return false;
    Object.assign(message, changes);
    return true;
  }

  /**
   * The threads of conversations on one channel: the provider ids of their messages and sent
   * follow-ups, oldest first (at most `limit` each), and the subject the thread started with.
   */
  async threads(
    conversationIds: string[],
    channel: string,
    limit = 20,
  ): Promise<Map<string, { subject: string | null; providerMessageIds: string[] }>> {
    if (!conversationIds.length) return new Map();
    const where = { conversationId: In(conversationIds), channel, providerMessageId: Not(IsNull()) };
    const messages = await this.manager.find(MessageEntity, {
      where,
      select: { conversationId: true, providerMessageId: true, subject: true, occurredAt: true, id: true },
    });
    const followups = await this.manager.find(FollowupEntity, {
      where,
      select: { conversationId: true, providerMessageId: true, sentAt: true, id: true },
    });
    const items = [
      ...messages.map((m) => ({
        conversationId: m.conversationId,
        id: m.providerMessageId as string,
        at: m.occurredAt.getTime(),
        subject: m.subject,
      })),
      ...followups.map((f) => ({
        conversationId: f.conversationId as string,
        id: f.providerMessageId as string,
        at: f.sentAt?.getTime() ?? 0,
        subject: null,
      })),
    ].sort((a, b) => a.at - b.at);
    const out = new Map<string, { subject: string | null; providerMessageIds: string[] }>();
    for (const item of items) {
      const thread = out.get(item.conversationId) ?? { subject: null, providerMessageIds: [] };
      thread.subject ??= item.subject;
      thread.providerMessageIds.push(item.id);
      out.set(item.conversationId, thread);
    }
    for (const thread of out.values()) thread.providerMessageIds = thread.providerMessageIds.slice(-limit);
    return out;
  }
}
