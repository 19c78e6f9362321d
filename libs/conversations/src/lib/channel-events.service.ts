import { reason } from '@followup/contracts';
import { Injectable, Logger } from '@nestjs/common';
import type { ChannelEvent, DeliveryStatus, InboundMessage, WebhookOutcome } from '@followup/channels-core';
import { ChannelConnectionEntity, ContactEntity, ConversationEntity, Repositories, Store, isUniqueViolation } from '@followup/persistence';
import { Clock, newId } from '@followup/util';
import { changeContactChannels, closeContactAddress } from '@followup/routing';
import { INITIAL_STATE } from './conversation-state.service';
import { ConversationsService } from './conversations.service';

const DEFAULT_HELP = 'Reply STOP to stop receiving messages, START to receive them again.';

/**
 * What channel webhooks feed the engine: inbound messages (find or create the contact and its
 * conversation, record idempotently, opt-out keywords) and delivery statuses (forward-only status
 * of the message or follow-up, the provider's error code, addresses that failed for good).
 */
@Injectable()
export class ChannelEventsService {
  private readonly log = new Logger('ChannelEvents');

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly conversations: ConversationsService,
  ) {}

  async handle(connection: ChannelConnectionEntity, events: ChannelEvent[]): Promise<WebhookOutcome> {
    const outcome: WebhookOutcome = {};
    for (const event of events) {
      if (event.kind === 'inbound') Object.assign(outcome, await this.inbound(connection, event));
      else await this.status(connection, event);
    }
    return outcome;
  }

  private async inbound(connection: ChannelConnectionEntity, event: InboundMessage): Promise<WebhookOutcome> {
    const locationId = connection.locationId;
    const already = await this.store.run((r) => r.messages.findByProviderId(locationId, event.providerMessageId));
    const help = event.keyword === 'help' ? { replyText: String(connection.settings['help_text'] ?? DEFAULT_HELP) } : {};
    if (already) return help; // a redelivery: recorded once, answered the same way
    const conversation = await this.conversationFor(connection, event);
    if (event.keyword === 'opt_out' || event.keyword === 'opt_in') {
      // First, so the follow-ups it stops say why (recording the message then cancels nothing more).
      const channels = event.keywordChannels ?? [event.channel];
      const word = event.body
        .trim()
        .replace(/[\p{P}\s]+/gu, '')
        .toUpperCase();
      await this.store.transaction(async (r) => {
        const contact = await r.contacts.findById(locationId, conversation.contactId);
        if (!contact) return;
        const change = event.keyword === 'opt_out' ? { optOut: channels } : { optIn: channels };
        await changeContactChannels(r, contact, change, reason('opted_out', `the contact replied ${word}`), this.clock.now());
      });
    }
    await this.conversations.record(
      locationId,
      conversation.id,
      {
        direction: 'inbound',
        channel: event.channel,
        body: event.body,
        provider_message_id: event.providerMessageId,
        occurred_at: (event.occurredAt ?? this.clock.now()).toISOString(),
        // A keyword is an instruction to the gateway, not a sentence to read for "busy" or a time.
        ...(event.keyword ? { intent: 'none' as const } : {}),
      },
      { connectionId: connection.id, status: 'received', subject: event.subject, ...(event.keyword ? { intentSource: 'channel' } : {}) },
    );
    return help;
  }

  /**
   * The conversation an inbound message continues: the one its reply address names, else the one
   * it answers (In-Reply-To, References), else the contact's latest on the channel, else a new one.
   */
  private async conversationFor(connection: ChannelConnectionEntity, event: InboundMessage): Promise<ConversationEntity> {
    try {
      return await this.findOrCreateConversation(connection, event);
    } catch (error) {
      // The same new contact wrote twice at once and the other request created it: use theirs.
      if (!isUniqueViolation((error as { cause?: unknown }).cause ?? error)) throw error;
      return this.findOrCreateConversation(connection, event);
    }
  }

  private findOrCreateConversation(connection: ChannelConnectionEntity, event: InboundMessage): Promise<ConversationEntity> {
    const locationId = connection.locationId;
    return this.store.transaction(async (r) => {
      const tagged = event.conversationId ? await r.conversations.findById(locationId, event.conversationId) : null;
      if (tagged && tagged.channel === event.channel) return tagged;
      for (const id of event.inReplyTo ?? []) {
        const answered = (await r.messages.findByProviderId(locationId, id)) ?? (await r.queue.findByProviderId(locationId, id));
        const conversation = answered?.conversationId ? await r.conversations.findById(locationId, answered.conversationId) : null;
        if (conversation) return conversation;
      }
      const contact = await this.contactFor(r, connection, event);
      const latest = await r.conversations.latestForContact(locationId, contact.id, event.channel);
      if (latest) return latest;
      const now = this.clock.now();
      const conversation = Object.assign(new ConversationEntity(), {
        id: newId(),
        locationId,
        contactId: contact.id,
        agentId: connection.defaultAgentId,
        channel: event.channel,
        connectionId: connection.id,
        version: 0,
        lastInboundAt: null,
        lastOutboundAt: null,
        ...INITIAL_STATE,
        createdAt: now,
        updatedAt: now,
      });
      await r.conversations.insert(conversation);
      return conversation;
    });
  }

  private async contactFor(r: Repositories, connection: ChannelConnectionEntity, event: InboundMessage): Promise<ContactEntity> {
    const found = await r.contacts.findByAddress(connection.locationId, event.from);
    if (found) return found;
    const now = this.clock.now();
    const name = event.from.name?.trim() || null;
    const contact = Object.assign(new ContactEntity(), {
      id: newId(),
      locationId: connection.locationId,
      name,
      firstName: name ? (name.split(/\s+/)[0] ?? null) : null,
      phone: event.from.phone ?? null,
      email: event.from.email?.toLowerCase() ?? null,
      whatsapp: event.from.whatsapp ?? null,
      timezone: null,
      optedOut: [],
      undeliverable: null,
      tags: [],
      createdAt: now,
      updatedAt: now,
    });
    await r.contacts.insert(contact);
    return contact;
  }

  private async status(connection: ChannelConnectionEntity, event: DeliveryStatus): Promise<void> {
    const locationId = connection.locationId;
    const now = this.clock.now();
    const reason =
      event.status === 'failed' || event.status === 'undelivered'
        ? `${event.status}: ${[event.errorCode, event.errorMessage].filter(Boolean).join(' ') || 'the provider gave no reason'}`
        : null;
    await this.store.transaction(async (r) => {
      // One after another: a transaction has one connection (pg refuses overlapping queries on it).
      const followup = await r.queue.findByProviderId(locationId, event.providerMessageId);
      const attempt = await r.attempts.findByProviderId(locationId, event.providerMessageId);
      const message = await r.messages.findByProviderId(locationId, event.providerMessageId);
      // The attempt that sent it moves forward, and so does its step (one attempt per step until failover tries others).
      if (attempt) await r.attempts.applyDelivery(attempt, event.status, event.errorCode ?? null, reason, now);
      const why = reason ? { code: 'delivery_failed' as const, text: reason } : null;
      if (followup) await r.queue.applyDelivery(followup, event.status, event.errorCode ?? null, why, now);
      if (message) await r.messages.applyDelivery(message, event.status, event.errorCode ?? null, reason);
      if (!followup && !message)
        this.log.debug(`status ${event.status} for unknown message ${event.providerMessageId} on connection ${connection.id}`);
      if (!event.address) return;
      const contactId =
        followup?.contactId ?? (message ? (await r.conversations.findById(locationId, message.conversationId))?.contactId : null);
      const contact = contactId
        ? await r.contacts.findById(locationId, contactId)
        : await r.contacts.findByAddress(locationId, { phone: event.address.phone, email: event.address.email });
      if (!contact) return;
      const detail =
        event.address.state === 'opted_out'
          ? `the carrier reports the contact opted out (${event.errorCode ?? 'no code'})`
          : (reason ?? event.errorCode ?? 'the address failed');
      await closeContactAddress(r, contact, event.address, detail, now);
    });
  }
}
