import { reason } from '@followup/contracts';
import { Injectable, Logger, Optional } from '@nestjs/common';
import type {
  CallEvent,
  ChannelEvent,
  ChannelType,
  DeliveryStatus,
  EventAddress,
  InboundMessage,
  WebhookOutcome,
} from '@followup/channels-core';
import { recordCall } from '@followup/followups';
import {
  ChannelConnectionEntity,
  ContactEntity,
  ConversationEntity,
  FollowupEntity,
  MessageEntity,
  Repositories,
  Store,
  retryOnceOnDuplicate,
} from '@followup/persistence';
import { Clock, SchedulerSignals, newId } from '@followup/util';
import { stepSettings } from '@followup/scheduler';
import { changeContactChannels, closeContactAddress } from '@followup/routing';
import { INITIAL_STATE } from './conversation-state.service';
import { MessageRecorder } from './message-recorder';
import { callDelivery, callLinks } from './call-events';

/**
 * What an inbound message's unit of work touches, for running it beside other senders' in one group
 * (Store.transaction's lane): its sender's contact and conversations, named by the address (phone
 * and WhatsApp numbers by their digits, so one person on both is one lane) or the visitor's id.
 */
export function senderLane(connection: Readonly<ChannelConnectionEntity>, event: InboundMessage): string {
  const from = event.from;
  const sender = event.channelContactId
    ? `visitor:${connection.id}:${event.channelContactId}`
    : from.phone || from.whatsapp
      ? `number:${(from.phone || from.whatsapp || '').replace(/\D/g, '')}`
      : `email:${(from.email ?? '').toLowerCase()}`;
  return `sender:${connection.locationId}|${sender}`;
}

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
    private readonly recorder: MessageRecorder,
    @Optional() private readonly signals?: SchedulerSignals,
  ) {}

  async handle(connection: Readonly<ChannelConnectionEntity>, events: ChannelEvent[]): Promise<WebhookOutcome> {
    const outcome: WebhookOutcome = {};
    for (const event of events) {
      if (event.kind === 'inbound') Object.assign(outcome, await this.inbound(connection, event));
      else if (event.kind === 'call') await this.call(connection, event);
      else await this.status(connection, event);
    }
    return outcome;
  }

  /**
   * An inbound message as one unit of work: is it a redelivery, whose conversation it continues (or a
   * new one), an opt-out keyword's change, and the recording (detection, reset, scenario). Committed
   * with the other webhooks' units (group commit), so the provider hears 200 once it is durable.
   */
  private async inbound(connection: Readonly<ChannelConnectionEntity>, event: InboundMessage): Promise<WebhookOutcome> {
    const locationId = connection.locationId;
    const help = event.keyword === 'help' ? { replyText: String(connection.settings['help_text'] ?? DEFAULT_HELP) } : {};
    const dto = {
      direction: 'inbound' as const,
      channel: event.channel,
      body: event.body,
      provider_message_id: event.providerMessageId,
      occurred_at: (event.occurredAt ?? this.clock.now()).toISOString(),
      // A keyword is an instruction to the gateway, not a sentence to read for "busy" or a time.
      ...(event.keyword ? { intent: 'none' as const } : {}),
    };
    const reading = await this.recorder.readAhead(dto);
    // Two deliveries racing, or the same new contact writing twice at once: the second run finds the winner's rows.
    await retryOnceOnDuplicate(() =>
      this.store.transaction(
        async (r) => {
          if (await r.messages.findByProviderId(locationId, event.providerMessageId)) return; // a redelivery: recorded once, answered the same way
          const found = await this.conversationFor(r, connection, event);
          const contact = found.contact !== undefined ? found.contact : await r.contacts.findById(locationId, found.conversation.contactId);
          if (contact && (event.keyword === 'opt_out' || event.keyword === 'opt_in')) {
            // First, so the follow-ups it stops say why (recording the message then cancels nothing more).
            const word = event.body
              .trim()
              .replace(/[\p{P}\s]+/gu, '')
              .toUpperCase();
            const change =
              event.keyword === 'opt_out'
                ? { optOut: event.keywordChannels ?? [event.channel] }
                : { optIn: event.keywordChannels ?? [event.channel] };
            await changeContactChannels(r, contact, change, reason('opted_out', `the contact replied ${word}`), this.clock.now());
          }
          const extras = {
            connectionId: connection.id,
            status: 'received',
            subject: event.subject,
            reading,
            ...(event.keyword ? { intentSource: 'channel' } : {}),
          };
          await this.recorder.record(r, found.conversation, dto, extras, contact);
        },
        { lane: senderLane(connection, event) },
      ),
    );
    return help;
  }

  /**
   * The conversation an inbound message continues: the one its reply address names, else the one
   * it answers (In-Reply-To, References), else the contact's latest on the channel, else a new one.
   * Answers the contact too when it read it (undefined when it did not).
   */
  private async conversationFor(
    r: Repositories,
    connection: Readonly<ChannelConnectionEntity>,
    event: InboundMessage,
  ): Promise<{ conversation: ConversationEntity; contact?: ContactEntity }> {
    const locationId = connection.locationId;
    if (event.channelContactId) return this.conversationOfChannelContact(r, connection, event.channelContactId, event.from);
    const tagged = event.conversationId ? await r.conversations.findById(locationId, event.conversationId) : null;
    if (tagged && tagged.channel === event.channel) return { conversation: tagged };
    for (const id of event.inReplyTo ?? []) {
      const answered = (await r.messages.findByProviderId(locationId, id)) ?? (await r.queue.findByProviderId(locationId, id));
      const conversation = answered?.conversationId ? await r.conversations.findById(locationId, answered.conversationId) : null;
      if (conversation) return { conversation };
    }
    const contact = await this.contactFor(r, connection, event.from);
    const latest = await r.conversations.latestForContact(locationId, contact.id, event.channel);
    if (latest) return { conversation: latest, contact };
    return { conversation: await this.newConversation(r, connection, contact, event.channel, {}), contact };
  }

  /**
   * The conversation of a contact's own id on a connection (live chat: a visitor). A new one gets
   * the contact its address names (the details the visitor gave) or a new contact, and counts as
   * seen now (the contact is there). Inside the caller's unit of work (a racing twin fails on
   * UQ_conversations_channel_contact; run it under retryOnceOnDuplicate).
   */
  async conversationOfChannelContact(
    r: Repositories,
    connection: Readonly<ChannelConnectionEntity>,
    channelContactId: string,
    from: EventAddress,
  ): Promise<{ conversation: ConversationEntity; contact?: ContactEntity }> {
    const found = await r.conversations.findByChannelContact(connection.locationId, connection.id, channelContactId);
    if (found) return { conversation: found };
    const contact = await this.contactFor(r, connection, from);
    const extra = { channelContactId, contactSeenAt: this.clock.now() };
    const conversation = await this.newConversation(r, connection, contact, connection.type as ChannelType, extra);
    return { conversation, contact };
  }

  private async newConversation(
    r: Repositories,
    connection: Readonly<ChannelConnectionEntity>,
    contact: ContactEntity,
    channel: ChannelType,
    extra: Partial<Pick<ConversationEntity, 'channelContactId' | 'contactSeenAt'>>,
  ): Promise<ConversationEntity> {
    const now = this.clock.now();
    const conversation = Object.assign(new ConversationEntity(), {
      id: newId(),
      locationId: connection.locationId,
      contactId: contact.id,
      agentId: connection.defaultAgentId,
      channel,
      connectionId: connection.id,
      version: 0,
      lastInboundAt: null,
      lastOutboundAt: null,
      ...INITIAL_STATE,
      ...extra,
      createdAt: now,
      updatedAt: now,
    });
    await r.conversations.insert(conversation);
    return conversation;
  }

  private async contactFor(r: Repositories, connection: Readonly<ChannelConnectionEntity>, from: EventAddress): Promise<ContactEntity> {
    const found = await r.contacts.findByAddress(connection.locationId, from);
    if (found) return found;
    const now = this.clock.now();
    const name = from.name?.trim() || null;
    const contact = Object.assign(new ContactEntity(), {
      id: newId(),
      locationId: connection.locationId,
      name,
      firstName: name ? (name.split(/\s+/)[0] ?? null) : null,
      phone: from.phone ?? null,
      email: from.email?.toLowerCase() ?? null,
      whatsapp: from.whatsapp ?? null,
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

  /** Whether a sent engine step fails over when its channel fails: dynamic channel switching is on for it. */
  private async failsOver(r: Repositories, followup: FollowupEntity): Promise<boolean> {
    if (followup.status !== 'sent' || !followup.actionId) return false;
    const [action] = followup.stepSpec ? [] : await r.agentActions.findByIds([followup.actionId]);
    return stepSettings(followup, action)?.dynamicChannelSwitching ?? false;
  }

  private async status(connection: Readonly<ChannelConnectionEntity>, event: DeliveryStatus): Promise<void> {
    await this.store.transaction((r) => this.applyStatus(r, connection, event));
  }

  /**
   * A call as one unit of work: how far the send it was got (as a delivery status: busy and
   * no-answer fail the attempt), then the call's seed 004 record (call-events.ts).
   */
  private async call(connection: Readonly<ChannelConnectionEntity>, event: CallEvent): Promise<void> {
    await this.store.transaction(async (r) => {
      const delivery = callDelivery(event);
      if (delivery) await this.applyStatus(r, connection, delivery);
      await recordCall(r, connection.locationId, event, this.clock.now(), () => callLinks(r, connection.locationId, event));
    });
  }

  private async applyStatus(r: Repositories, connection: Readonly<ChannelConnectionEntity>, event: DeliveryStatus): Promise<void> {
    const locationId = connection.locationId;
    const now = this.clock.now();
    const reason =
      event.status === 'failed' || event.status === 'undelivered'
        ? `${event.status}: ${[event.errorCode, event.errorMessage].filter(Boolean).join(' ') || 'the provider gave no reason'}`
        : null;
    // One after another: a transaction has one connection (pg refuses overlapping queries on it).
    const followup = await r.queue.findByProviderId(locationId, event.providerMessageId);
    const attempt = await r.attempts.findByProviderId(locationId, event.providerMessageId);
    const message = await r.messages.findByProviderId(locationId, event.providerMessageId);
    if (!followup && !message)
      this.log.debug(`status ${event.status} for unknown message ${event.providerMessageId} on connection ${connection.id}`);
    // The attempt that sent it moves forward; only its first failure can fail the step over (a duplicate or late callback moves nothing).
    const movedOn = attempt ? await r.attempts.applyDelivery(attempt, event.status, event.errorCode ?? null, reason, now) : false;
    if (message) await r.messages.applyDelivery(message, event.status, event.errorCode ?? null, reason);
    // The provider says the session window had closed (WhatsApp 131047): templates only, whatever our count said.
    const conversationId = followup?.conversationId ?? message?.conversationId;
    if (event.sessionClosed && conversationId) await r.conversations.closeSession(locationId, conversationId, event.occurredAt ?? now);
    // The address failed for good: closed before the step moves, so closing it cancels pending steps, not one failing over.
    if (event.address) await this.closeAddress(r, locationId, event, followup, message, reason, now);
    if (!followup) return;
    if (reason && movedOn && (await this.failsOver(r, followup))) {
      // Failover: this attempt's channel failed for good; the step goes again at once, past every channel it failed on.
      const text = `${followup.channel} reported it ${reason}; trying the next usable channel`;
      if (await r.queue.requeueForFailover(followup, { code: 'failed_over', text }, event.errorCode ?? null, now))
        r.afterCommit(() => this.signals?.scheduled(now));
      return;
    }
    const why = reason ? { code: 'delivery_failed' as const, text: reason } : null;
    await r.queue.applyDelivery(followup, event.status, event.errorCode ?? null, why, now);
  }

  private async closeAddress(
    r: Repositories,
    locationId: string,
    event: DeliveryStatus,
    followup: FollowupEntity | null,
    message: MessageEntity | null,
    reason: string | null,
    now: Date,
  ): Promise<void> {
    const address = event.address as NonNullable<DeliveryStatus['address']>;
    const contactId =
      followup?.contactId ?? (message ? (await r.conversations.findById(locationId, message.conversationId))?.contactId : null);
    const contact = contactId
      ? await r.contacts.findById(locationId, contactId)
      : await r.contacts.findByAddress(locationId, { phone: address.phone, email: address.email });
    if (!contact) return;
    const detail =
      address.state === 'opted_out'
        ? `the carrier reports the contact opted out (${event.errorCode ?? 'no code'})`
        : (reason ?? event.errorCode ?? 'the address failed');
    await closeContactAddress(r, contact, address, detail, now);
  }
}
