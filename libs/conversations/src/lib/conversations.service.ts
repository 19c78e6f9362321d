import { BadGatewayException, ConflictException, Injectable, Logger } from '@nestjs/common';
import { ChannelType, SendError } from '@followup/channels-core';
import {
  ConversationDto,
  ConversationListDto,
  CreateConversationDto,
  ListConversationsQuery,
  MessageTemplateDto,
  MessageDto,
  RecordMessageDto,
  TimelineDto,
} from '@followup/contracts';
import { ContactEntity, ConversationEntity, Repositories, Store, retryOnceOnDuplicate } from '@followup/persistence';
import { composeTemplate } from '@followup/composer';
import { OutboundSender, closeContactAddress } from '@followup/routing';
import { Clock, newId, notFound, throwIfProblems } from '@followup/util';
import { ActionMessage, ActionMessages } from './action-messages';
import { MessageRecorder, RecordExtras } from './message-recorder';
import { pageQuery } from './contacts.service';
import { INITIAL_STATE } from './conversation-state.service';
import { toConversationDto, toMessageDto } from './mappers';
import { timelineOf } from './timeline';
import { conversationFilter, summarise } from './conversation-list';

/** Conversations, their messages (the engine's input) and their timeline (its visible output). */
@Injectable()
export class ConversationsService {
  private readonly log = new Logger('Conversations');

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly recorder: MessageRecorder,
    private readonly sender: OutboundSender,
    actionMessages: ActionMessages,
  ) {
    actionMessages.listen((m) => this.sendActionMessage(m));
  }

  async create(locationId: string, dto: CreateConversationDto): Promise<ConversationDto> {
    return this.store.transaction(
      async (r) => {
        const problems: string[] = [];
        if (!(await r.contacts.findById(locationId, dto.contact_id)))
          problems.push(`contact_id ${dto.contact_id} is not a contact of this location`);
        // The agent through the catalog (cached, as every inbound message reads it): one statement fewer per conversation.
        if (!(await r.catalog.agent(locationId, dto.agent_id)))
          problems.push(`agent_id ${dto.agent_id} is not a Conversation AI agent of this location`);
        if (dto.connection_id) {
          const connection = await r.channelConnections.findById(locationId, dto.connection_id);
          if (!connection) problems.push(`connection_id ${dto.connection_id} is not a channel connection of this location`);
          else if (connection.type !== dto.channel)
            problems.push(`connection_id ${dto.connection_id} is a ${connection.type} connection, not ${dto.channel}`);
        }
        throwIfProblems(problems);
        const now = this.clock.now();
        const conversation = Object.assign(new ConversationEntity(), {
          id: newId(),
          locationId,
          contactId: dto.contact_id,
          agentId: dto.agent_id,
          channel: dto.channel,
          connectionId: dto.connection_id ?? null,
          version: 0,
          lastInboundAt: null,
          lastOutboundAt: null,
          ...INITIAL_STATE,
          createdAt: now,
          updatedAt: now,
        });
        await r.conversations.insert(conversation);
        return toConversationDto(conversation);
      },
      { lane: `api:contact:${locationId}:${dto.contact_id}` },
    );
  }

  async get(locationId: string, id: string): Promise<ConversationDto> {
    return toConversationDto(await this.store.run((r) => this.find(r, locationId, id)));
  }

  async list(locationId: string, q: ListConversationsQuery): Promise<ConversationListDto> {
    const { rows, next_cursor } = await pageQuery(q, (page) =>
      this.store.run((r) => r.conversations.list(locationId, conversationFilter(q), page)),
    );
    return { data: await this.store.run((r) => summarise(r, locationId, rows)), next_cursor };
  }

  /**
   * Records a message and lets the engine react (reset on reply, scenarios). Idempotent on
   * `provider_message_id`: the same id again answers the message first recorded with it. With
   * `send: true` (outbound) the text is sent on the conversation's channel first.
   */
  async record(locationId: string, conversationId: string, dto: RecordMessageDto, extra: RecordExtras = {}): Promise<MessageDto> {
    if (dto.send) return this.sendAndRecord(locationId, conversationId, dto);
    const providerId = dto.provider_message_id;
    const reading = await this.recorder.readAhead(dto);
    // One unit of work; two deliveries of the same provider message racing: the loser answers the winner's message.
    const message = await retryOnceOnDuplicate(() =>
      this.store.transaction(
        async (r) => {
          const existing = providerId ? await r.messages.findByProviderId(locationId, providerId) : null;
          return existing ?? this.recorder.record(r, await this.find(r, locationId, conversationId), dto, { ...extra, reading });
        },
        { lane: `api:conversation:${locationId}:${conversationId}` },
      ),
    );
    return toMessageDto(message);
  }

  /**
   * Sends through the channel, then records: with the provider's id when it took the message (and
   * the stopped-replying sequence starts), as `refused` (409) when the contact opted out, as
   * `failed` (502) when the provider refused it. The provider is never called twice for one request.
   */
  private async sendAndRecord(locationId: string, conversationId: string, dto: RecordMessageDto): Promise<MessageDto> {
    const conversation = await this.store.run((r) => this.find(r, locationId, conversationId));
    const channel = (dto.channel ?? conversation.channel) as ChannelType;
    const session = { now: this.clock.now(), hasTemplate: dto.template !== undefined };
    const plan = await this.store.run((r) => this.sender.plan(r, conversation, channel, session));
    const template = plan.kind === 'send' && dto.template ? await this.template(conversation, plan.contact, dto.template) : undefined;
    // A template's record shows its rendering (the parameters as they went out).
    const base = {
      ...dto,
      body: template?.body ?? dto.body,
      template: undefined,
      send: undefined,
      channel,
      provider_message_id: undefined,
    };
    if (plan.kind === 'refused') {
      const refused = await this.record(locationId, conversationId, base, {
        connectionId: plan.connectionId,
        status: 'refused',
        statusReason: plan.reason.text,
        subject: dto.subject,
        react: false,
      });
      throw new ConflictException(`${plan.reason.text}: the message was not sent (recorded as message ${refused.id} with status refused)`);
    }
    const messageId = newId();
    try {
      const outbound = template ? { name: template.name, language: template.language, params: template.params } : undefined;
      const result = await this.sender.send(plan, base.body, dto.subject, `msg_${messageId}`, outbound);
      return await this.record(
        locationId,
        conversationId,
        { ...base, provider_message_id: result.providerMessageId },
        {
          id: messageId,
          connectionId: plan.connection.id,
          status: result.status,
          subject: dto.subject ?? plan.context.thread?.subject ?? undefined,
        },
      );
    } catch (error) {
      if (!(error instanceof SendError)) throw error;
      const reason = `${error.definite ? 'send_failed' : 'outcome_unknown'}: ${error.message}`;
      const address = error.address;
      if (address) {
        // The provider says the address is gone (Twilio 21610: the number opted out): stop using it.
        await this.store.transaction((r) =>
          closeContactAddress(r, plan.contact, address, `the provider refused the address (${error.code})`, this.clock.now()),
        );
      }
      if (error.hints.sessionClosed) {
        // The provider counts the window as closed (WhatsApp 131047): so do we, until the contact writes again.
        await this.store.transaction((r) => r.conversations.closeSession(locationId, conversationId, this.clock.now()));
      }
      const failed = await this.record(locationId, conversationId, base, {
        id: messageId,
        connectionId: plan.connection.id,
        status: 'failed',
        statusReason: reason,
        errorCode: error.code,
        subject: dto.subject,
        react: false,
      });
      if (error.hints.sessionClosed)
        throw new ConflictException(
          `the ${channel} session is closed (the provider says so: ${error.message}): only a template can go; send one with "template" (recorded as message ${failed.id} with status failed)`,
        );
      throw new BadGatewayException(
        `the ${channel} provider did not take the message: ${error.message} (recorded as message ${failed.id} with status failed)`,
      );
    }
  }

  /**
   * Sends an action's final message (a handover's, a stop's) on the conversation's channel and
   * records it like any message sent through the gateway; a refusal or a provider failure is recorded
   * on the message (refused, failed) and logged, since nobody waits for the answer.
   */
  private async sendActionMessage(m: ActionMessage): Promise<void> {
    try {
      await this.record(m.locationId, m.conversationId, {
        direction: 'outbound',
        body: m.text,
        send: true,
        ...(m.channel ? { channel: m.channel } : {}),
      });
    } catch (error) {
      this.log.warn(
        `the final message of an action on conversation ${m.conversationId} was not sent: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** A template to send by hand, its parameters filled with the contact's variables. */
  private async template(conversation: ConversationEntity, contact: ContactEntity, spec: MessageTemplateDto) {
    const agent = conversation.agentId ? await this.store.catalog.agent(conversation.locationId, conversation.agentId) : null;
    return composeTemplate({ name: spec.name, language: spec.language, params: spec.params ?? [] }, contact, agent);
  }

  /** Messages and follow-ups in order, with the steps not stored yet (timeline.ts). */
  timeline(locationId: string, id: string): Promise<TimelineDto> {
    return this.store.run(async (r) => timelineOf(r, await this.find(r, locationId, id)));
  }

  private async find(r: Repositories, locationId: string, id: string): Promise<ConversationEntity> {
    const conversation = await r.conversations.findById(locationId, id);
    if (!conversation) throw notFound('Conversation', id);
    return conversation;
  }
}
