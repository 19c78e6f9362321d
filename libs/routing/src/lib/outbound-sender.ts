import { Injectable, Optional } from '@nestjs/common';
import { GatewayMetrics } from '@followup/metrics';
import {
  ChannelAdapter,
  ChannelLinks,
  ChannelRegistry,
  ChannelType,
  OutboundMessage,
  OutboundTemplate,
  SendContext,
  SendError,
  SendResult,
} from '@followup/channels-core';
import type { ChannelConnectionEntity, ContactEntity, ConversationEntity, Repositories } from '@followup/persistence';
import { throwIfProblems } from '@followup/util';
import { Reason, reason } from '@followup/contracts';
import { ChannelVerdict, evaluateChannel } from './router';

/** Everything one send needs, decided before the provider is called. */
export interface SendPlan {
  kind: 'send';
  channel: ChannelType;
  adapter: ChannelAdapter;
  connection: ChannelConnectionEntity;
  contact: ContactEntity;
  context: Omit<SendContext, 'idempotencyKey'>;
}

/** A send the gateway refuses before calling the provider (the contact opted out, say). */
export interface SendRefusal {
  kind: 'refused';
  channel: ChannelType;
  connectionId: string | null;
  reason: Reason;
}

/**
 * Sends a message of a conversation through its channel's connection: the path a bot or an agent
 * replying through the gateway takes (`POST /conversations/:id/messages` with `send: true`).
 * Follow-ups go through the same adapters from the dispatcher.
 */
@Injectable()
export class OutboundSender {
  constructor(
    private readonly registry: ChannelRegistry,
    private readonly links: ChannelLinks,
    @Optional() private readonly metrics?: GatewayMetrics,
  ) {}

  /**
   * Chooses connection and adapter through the router's rule (evaluateChannel, without the session
   * check: a person replying may write on any channel they can reach); refuses (opted out,
   * undeliverable) or throws 422 (no connection, no address).
   */
  async plan(
    r: Repositories,
    conversation: ConversationEntity,
    channel: ChannelType,
    session: { now: Date; hasTemplate: boolean },
  ): Promise<SendPlan | SendRefusal> {
    const contact = await r.contacts.findById(conversation.locationId, conversation.contactId);
    if (!contact) throwIfProblems([`the conversation's contact ${conversation.contactId} no longer exists`]);
    const c = contact as ContactEntity;
    const connections = await r.channelConnections.list(conversation.locationId);
    // A reply goes only while the channel's session takes it: free text inside it, a template where it takes only those.
    const verdict = evaluateChannel(
      this.registry,
      channel,
      { conversation, contact: c, connections, hasTemplate: session.hasTemplate, ownTemplateOnly: true },
      session.now,
    );
    if (!verdict.usable) {
      const refused = (why: Reason): SendRefusal => ({
        kind: 'refused',
        channel,
        connectionId: verdict.connection?.id ?? null,
        reason: why,
      });
      if (verdict.block === 'opted_out') return refused(reason('opted_out', `the contact opted out of ${channel}`));
      if (verdict.block === 'undeliverable') return refused(reason('undeliverable', `the contact's ${channel} address failed before`));
      if (verdict.block === 'session_closed') {
        const why = `the ${channel} session is closed (the contact last wrote more than its window ago): only a template can go; send one with "template"`;
        return refused(reason('session_closed', why));
      }
      if (verdict.block === 'session_inactive')
        return refused(reason('no_channel', `the ${channel} session is inactive (the contact has left)`));
      if (verdict.block === 'no_connection')
        throwIfProblems([`channel: this location has no ${channel} connection to send on (add one with POST /channels)`]);
      throwIfProblems([`channel: contact ${c.id} has no ${channel} address`]);
    }
    const { adapter, connection } = verdict as Extract<ChannelVerdict, { usable: true }>;
    const thread = adapter.capabilities.threaded ? (await r.messages.threads([conversation.id], channel)).get(conversation.id) : undefined;
    return { kind: 'send', channel, adapter, connection, contact: c, context: this.context(conversation, c, connection, channel, thread) };
  }

  send(
    plan: SendPlan,
    body: string,
    subject: string | undefined,
    idempotencyKey: string,
    template?: OutboundTemplate,
  ): Promise<SendResult> {
    const to = { name: plan.contact.name, phone: plan.contact.phone, email: plan.contact.email, whatsapp: plan.contact.whatsapp };
    const message = { to, body, subject, ...(template ? { template } : {}) };
    return this.deliver(plan.adapter, plan.connection, message, { ...plan.context, idempotencyKey });
  }

  /**
   * The one way a message reaches an adapter (replies and follow-ups alike): a connection whose
   * secrets this gateway cannot decrypt is a definite failure, without calling the provider.
   */
  async deliver(
    adapter: ChannelAdapter,
    connection: ChannelConnectionEntity,
    message: OutboundMessage,
    context: SendContext,
  ): Promise<SendResult> {
    const unreadable = Object.entries(connection.unreadableSecrets ?? {});
    if (unreadable.length) {
      const why = unreadable.map(([key, reason]) => `settings.${key}: ${reason}`).join('; ');
      throw new SendError(`connection ${connection.id} has secrets this gateway cannot decrypt (${why})`, 'secrets_unreadable', true);
    }
    const labels = { channel: adapter.channel, provider: adapter.provider };
    const timer = this.metrics?.providerSeconds.startTimer(labels);
    try {
      const result = await adapter.send(message, context);
      this.metrics?.sends.inc({ ...labels, result: 'sent' });
      return result;
    } catch (error) {
      const definite = !(error instanceof SendError) || error.definite;
      this.metrics?.sends.inc({ ...labels, result: definite ? 'failed' : 'unknown' });
      throw error;
    } finally {
      timer?.();
    }
  }

  /** The context a send on this connection gets (also used by the dispatcher's follow-ups). */
  context(
    conversation: ConversationEntity,
    contact: ContactEntity,
    connection: ChannelConnectionEntity,
    channel: ChannelType,
    thread?: { subject: string | null; providerMessageIds: string[] },
  ): Omit<SendContext, 'idempotencyKey'> {
    const namespace = this.registry.provider(connection.provider)?.webhooks?.namespace;
    return {
      locationId: conversation.locationId,
      conversationId: conversation.id,
      channelContactId: conversation.channelContactId,
      assignedUserId: conversation.assignedUserId,
      connection: { id: connection.id, locationId: connection.locationId, settings: connection.settings },
      webhookBaseUrl: namespace ? this.links.webhookBase(namespace, connection.id) : undefined,
      unsubscribeUrl: this.links.unsubscribeUrl({ locationId: conversation.locationId, contactId: contact.id, channel }),
      thread,
    };
  }
}
