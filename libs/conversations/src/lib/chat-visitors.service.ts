import { Injectable } from '@nestjs/common';
import type { EventAddress, InboundMessage } from '@followup/channels-core';
import {
  ChannelConnectionEntity,
  ContactEntity,
  ConversationEntity,
  MessageEntity,
  Repositories,
  Store,
  retryOnceOnDuplicate,
} from '@followup/persistence';
import { Clock, SchedulerSignals, notFound, throwIfProblems } from '@followup/util';
import { ChannelEventsService } from './channel-events.service';

/** A visitor of a live chat connection, as its socket proved who they are. */
export interface ChatVisitor {
  connection: Readonly<ChannelConnectionEntity>;
  visitorId: string;
}

/** What a visitor says about themselves (the widget's form, or the business's page for a signed-in user). */
export interface VisitorDetails {
  name?: string;
  email?: string;
  phone?: string;
}

/** A message as the chat shows it: outbound ones by their provider id (what the live event carried), inbound ones by id. */
export interface ChatLine {
  id: string;
  body: string;
  direction: 'inbound' | 'outbound';
  at: string;
}

/** Follow-up statuses that mean it went out (on the chat, it reached the visitor's sockets or waits in the history). */
const WENT_OUT = ['sent', 'delivered', 'read'];
/** Outbound messages that never reached the visitor. */
const NOT_SENT = ['refused', 'failed'];
/** The reason code of follow-ups held while the visitor was away (libs/routing's `contact_away`). */
export const CONTACT_AWAY = 'contact_away';

/**
 * The live chat's use cases, below the socket edge (apps/gateway's LiveChatGateway): a visitor's
 * messages enter as InboundMessage events through ChannelEventsService (the path every webhook takes:
 * one unit of work, idempotent on the provider id, detection and reset on reply); what they say
 * about themselves goes on their contact; their presence moves the conversation's `contact_seen_at`
 * and brings back the follow-ups held while they were away; the history is what the chat shows.
 */
@Injectable()
export class ChatVisitorsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly events: ChannelEventsService,
    private readonly signals: SchedulerSignals,
  ) {}

  /** The visitor's conversation, when they ever wrote or said who they are. */
  find(visitor: ChatVisitor): Promise<ConversationEntity | null> {
    return this.store.run((r) => this.conversationOf(r, visitor));
  }

  /**
   * Records a visitor's message (idempotent on the widget's `client_id`, namespaced per visitor) and
   * answers it as the chat shows it, with its conversation (started by this message when new) and
   * whether it was recorded before (the widget sent it again after a lost connection).
   */
  async receive(
    visitor: ChatVisitor,
    text: string,
    clientId: string,
    details: VisitorDetails = {},
  ): Promise<{ line: ChatLine; conversationId: string; repeated: boolean }> {
    const { connection, visitorId } = visitor;
    const providerMessageId = `lc:${connection.id}:${visitorId}:${clientId}`;
    const earlier = await this.store.run((r) => r.messages.findByProviderId(connection.locationId, providerMessageId));
    if (earlier) return { line: lineOf(earlier), conversationId: earlier.conversationId, repeated: true };
    const event: InboundMessage = {
      kind: 'inbound',
      channel: 'live_chat',
      providerMessageId,
      from: address(details),
      body: text,
      occurredAt: this.clock.now(),
      channelContactId: visitorId,
    };
    await this.events.handle(connection, [event]);
    const message = await this.store.run((r) => r.messages.findByProviderId(connection.locationId, providerMessageId));
    if (!message) throw new Error(`live chat message ${providerMessageId} was not recorded`);
    return { line: lineOf(message), conversationId: message.conversationId, repeated: false };
  }

  /**
   * Puts what the visitor said about themselves on their contact (starting their conversation when
   * they have none yet). A phone or email another contact of the location has is not taken (it stays
   * that contact's); the answer names the fields left unsaved. A changed address may be tried again.
   */
  async identify(visitor: ChatVisitor, details: VisitorDetails): Promise<{ conversationId: string; unsaved: string[] }> {
    return retryOnceOnDuplicate(() =>
      this.store.transaction(async (r) => {
        const found = await this.events.conversationOfChannelContact(r, visitor.connection, visitor.visitorId, address(details));
        const { conversation } = found;
        const contact = found.contact ?? (await r.contacts.findById(conversation.locationId, conversation.contactId));
        const unsaved = contact ? await this.update(r, contact, details) : Object.keys(details);
        return { conversationId: conversation.id, unsaved };
      }),
    );
  }

  /** The conversation's latest `limit` messages on the chat, and its follow-ups that went out there, oldest first. */
  async history(conversation: ConversationEntity, limit = 50): Promise<ChatLine[]> {
    const [messages, followups] = await this.store.run((r) =>
      Promise.all([r.messages.recent(conversation.id, limit), r.queue.listByConversation(conversation.id)]),
    );
    const lines: ChatLine[] = [];
    for (const m of messages) {
      if (m.channel !== conversation.channel || (m.direction === 'outbound' && NOT_SENT.includes(m.status ?? ''))) continue;
      const direction = m.direction === 'inbound' ? 'inbound' : 'outbound';
      lines.push({
        id: direction === 'outbound' ? (m.providerMessageId ?? m.id) : m.id,
        body: m.body,
        direction,
        at: m.occurredAt.toISOString(),
      });
    }
    for (const f of followups) {
      if (f.channel !== conversation.channel || !WENT_OUT.includes(f.status) || !f.sentAt || !f.body) continue;
      lines.push({ id: f.providerMessageId ?? f.id, body: f.body, direction: 'outbound', at: f.sentAt.toISOString() });
    }
    return lines.sort((a, b) => a.at.localeCompare(b.at)).slice(-limit);
  }

  /**
   * The visitor opened the chat: they are seen now, and the follow-ups held while they were away
   * (`contact_away`) are due again (on the chat, now open). Answers their conversation, if any.
   */
  async arrived(visitor: ChatVisitor): Promise<ConversationEntity | null> {
    const now = this.clock.now();
    return this.store.transaction(async (r) => {
      const conversation = await this.conversationOf(r, visitor);
      if (!conversation) return null;
      await r.conversations.markSeen(visitor.connection.id, [visitor.visitorId], now);
      const released = await r.queue.releaseHeld(conversation.id, CONTACT_AWAY, now);
      if (released > 0) r.afterCommit(() => this.signals.scheduled(now));
      return conversation;
    });
  }

  /** The chat visitor a conversation of the location belongs to (404 for another location's; 422 when it is not a visitor's chat). */
  async visitorOf(locationId: string, conversationId: string): Promise<{ connectionId: string; visitorId: string }> {
    const conversation = await this.store.run((r) => r.conversations.findById(locationId, conversationId));
    if (!conversation) throw notFound('Conversation', conversationId);
    const { connectionId, channelContactId } = conversation;
    if (!connectionId || !channelContactId) throwIfProblems([`conversation ${conversationId} is not a live chat with a visitor`]);
    return { connectionId: connectionId as string, visitorId: channelContactId as string };
  }

  /** These visitors of a connection are present now (a socket open, or the last one just closed). */
  async seen(connectionId: string, visitorIds: string[]): Promise<void> {
    if (!visitorIds.length) return;
    const now = this.clock.now();
    await this.store.transaction((r) => r.conversations.markSeen(connectionId, visitorIds, now));
  }

  private conversationOf(r: Repositories, visitor: ChatVisitor): Promise<ConversationEntity | null> {
    return r.conversations.findByChannelContact(visitor.connection.locationId, visitor.connection.id, visitor.visitorId);
  }

  /** Sets the details that changed and are free; answers the fields left unsaved (held by another contact). */
  private async update(r: Repositories, contact: ContactEntity, details: VisitorDetails): Promise<string[]> {
    const unsaved: string[] = [];
    let changed = false;
    const name = details.name?.trim();
    if (name && name !== contact.name) {
      contact.name = name;
      contact.firstName = name.split(/\s+/)[0] ?? null;
      changed = true;
    }
    for (const field of ['phone', 'email'] as const) {
      const value = field === 'email' ? details.email?.trim().toLowerCase() : details.phone?.trim();
      if (!value || value === contact[field]) continue;
      const holder = await r.contacts.findByAddress(contact.locationId, { [field]: value });
      if (holder && holder.id !== contact.id) {
        unsaved.push(field);
        continue;
      }
      contact[field] = value;
      // A new address may work where the old one failed.
      const reopened = field === 'phone' ? ['sms', 'voice'] : ['email'];
      if (contact.undeliverable?.length) contact.undeliverable = contact.undeliverable.filter((c) => !reopened.includes(c));
      changed = true;
    }
    if (changed) {
      contact.updatedAt = this.clock.now();
      await r.contacts.save(contact);
    }
    return unsaved;
  }
}

function lineOf(message: MessageEntity): ChatLine {
  return { id: message.id, body: message.body, direction: 'inbound', at: message.occurredAt.toISOString() };
}

function address(details: VisitorDetails): EventAddress {
  const out: EventAddress = {};
  if (details.name?.trim()) out.name = details.name.trim();
  if (details.email?.trim()) out.email = details.email.trim().toLowerCase();
  if (details.phone?.trim()) out.phone = details.phone.trim();
  return out;
}
