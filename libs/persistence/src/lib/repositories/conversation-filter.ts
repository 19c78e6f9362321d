import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ContactEntity, ConversationEntity, FollowupEntity } from '../entities';
import { qualifiedTable } from './batch-update';

/** Statuses of a follow-up still to be sent: waiting, held, or being sent right now. */
export const OPEN_FOLLOWUP_STATUSES = ['scheduled', 'on_hold', 'in_progress'];

/** What `GET /conversations` filters on. */
export interface ConversationFilter {
  contactId?: string;
  agentId?: string;
  channel?: string;
  botStatus?: string;
  /** true: only conversations with an open follow-up; false: only those without. */
  hasPending?: boolean;
  /** Text the contact's name, email or phone contains (case-insensitive). */
  search?: string;
}

/** `%` and `_` are literal in a search: escaped for LIKE ... ESCAPE '\'. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Adds the filter to a query over conversations (alias `v`), in the same statement: the search as
 * an EXISTS over the location's contacts, has-pending as an EXISTS over the conversation's open
 * follow-ups (IX_followups_conversation_status), so a page is one query whatever the filter.
 */
export function applyConversationFilter(
  manager: EntityManager,
  qb: SelectQueryBuilder<ConversationEntity>,
  filter: ConversationFilter,
): void {
  if (filter.contactId) qb.andWhere('v.contact_id = :contactId', { contactId: filter.contactId });
  if (filter.agentId) qb.andWhere('v.agent_id = :agentId', { agentId: filter.agentId });
  if (filter.channel) qb.andWhere('v.channel = :channel', { channel: filter.channel });
  if (filter.botStatus) qb.andWhere('v.bot_status = :botStatus', { botStatus: filter.botStatus });
  if (filter.hasPending !== undefined) {
    const followups = qualifiedTable(manager, FollowupEntity);
    const open = OPEN_FOLLOWUP_STATUSES.map((s) => `'${s}'`).join(', ');
    const exists = `EXISTS (SELECT 1 FROM ${followups} pf WHERE pf.conversation_id = v.id AND pf.status IN (${open}) AND pf.location_id = v.location_id)`;
    qb.andWhere(filter.hasPending ? exists : `NOT ${exists}`);
  }
  if (filter.search) {
    const contacts = qualifiedTable(manager, ContactEntity);
    const like = (column: string) => `LOWER(COALESCE(sc.${column}, '')) LIKE :search ESCAPE '\\'`;
    qb.andWhere(
      `EXISTS (SELECT 1 FROM ${contacts} sc WHERE sc.id = v.contact_id AND sc.location_id = v.location_id AND (${like('name')} OR ${like('email')} OR ${like('phone')}))`,
      { search: likePattern(filter.search) },
    );
  }
}
