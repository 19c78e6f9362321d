import type { EntityManager } from 'typeorm';
import { ConversationEntity } from '../entities/conversation.entity';
import { FollowupEntity } from '../entities/followup.entity';
import { MessageEntity } from '../entities/message.entity';
import { placeholders, qualifiedTable } from './batch-update';
import { runSql } from './entity-sql';

/** What one contact did on one channel: what we sent there, what they wrote there, and when last. */
export interface ChannelUse {
  channel: string;
  /** Messages and sent follow-ups that went to the contact on this channel. */
  sent: number;
  /** Messages the contact wrote on this channel. */
  replies: number;
  /** When they last wrote on it (null: never). */
  lastReplyAt: Date | null;
}

/**
 * A contact's history per channel, across all their conversations: the facts the router ranks
 * channels by (where this contact actually answers). One grouped read per batch of contacts.
 */
export class ChannelHistoryRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly engine: 'sqlite' | 'postgres',
  ) {}

  async forContacts(locationId: string, contactIds: string[]): Promise<Map<string, ChannelUse[]>> {
    const out = new Map<string, ChannelUse[]>();
    if (!contactIds.length) return out;
    const { params, p } = placeholders(this.engine);
    const messages = qualifiedTable(this.manager, MessageEntity);
    const conversations = qualifiedTable(this.manager, ConversationEntity);
    const followups = qualifiedTable(this.manager, FollowupEntity);
    const location = p(locationId);
    const ids = contactIds.map((id) => p(id)).join(', ');
    // Placeholders in the order they appear (SQLite's `?` are positional): the second part names its own.
    const byMessages =
      `SELECT c.contact_id AS contact_id, m.channel AS channel, ` +
      `SUM(CASE WHEN m.direction = 'outbound' THEN 1 ELSE 0 END) AS sent, ` +
      `SUM(CASE WHEN m.direction = 'inbound' THEN 1 ELSE 0 END) AS replies, ` +
      `MAX(CASE WHEN m.direction = 'inbound' THEN m.occurred_at END) AS last_reply ` +
      `FROM ${messages} m JOIN ${conversations} c ON c.id = m.conversation_id ` +
      `WHERE c.location_id = ${location} AND c.contact_id IN (${ids}) AND (m.status IS NULL OR m.status NOT IN ('refused', 'failed')) ` +
      `GROUP BY c.contact_id, m.channel`;
    const bySteps =
      `SELECT f.contact_id AS contact_id, f.channel AS channel, COUNT(*) AS sent, 0 AS replies, NULL AS last_reply ` +
      `FROM ${followups} f WHERE f.location_id = ${p(locationId)} AND f.contact_id IN (${contactIds.map((id) => p(id)).join(', ')}) ` +
      `AND f.status IN ('sent', 'delivered') AND f.channel IS NOT NULL GROUP BY f.contact_id, f.channel`;
    const { rows } = await runSql(this.manager, `${byMessages} UNION ALL ${bySteps}`, params);
    for (const row of rows) {
      const contactId = String(row['contact_id']);
      const uses = out.get(contactId) ?? [];
      const channel = String(row['channel']);
      const use = uses.find((u) => u.channel === channel) ?? { channel, sent: 0, replies: 0, lastReplyAt: null };
      if (!uses.includes(use)) uses.push(use);
      use.sent += Number(row['sent'] ?? 0);
      use.replies += Number(row['replies'] ?? 0);
      const last = row['last_reply'] === null || row['last_reply'] === undefined ? null : new Date(Number(row['last_reply']));
      if (last && (!use.lastReplyAt || last > use.lastReplyAt)) use.lastReplyAt = last;
      out.set(contactId, uses);
    }
    return out;
  }
}
