import { Injectable } from '@nestjs/common';
import { RecordMessageDto } from '@followup/contracts';
import { Detection, IntentDetector, TextReading, actionPhrases } from '@followup/detection';
import { AgentActionEntity, ContactEntity, ConversationEntity, MessageEntity, Repositories } from '@followup/persistence';
import { ActionMessages } from './action-messages';
import { ReplyActions } from './reply-actions';
import { FollowupPlanner } from '@followup/scheduler';
import { Clock, newId, throwIfProblems } from '@followup/util';

/** What the gateway itself knows about a message it records (channel webhooks, sends). */
export interface RecordExtras {
  id?: string;
  connectionId?: string | null;
  status?: string;
  statusReason?: string;
  errorCode?: string;
  subject?: string;
  /** Who decided a given intent (default `caller`; channel keywords say `channel`). */
  intentSource?: string;
  /** False: record only, no reset and no scenario (a message that was not sent). */
  react?: boolean;
  /** The body as read ahead (MessageRecorder.readAhead, before the unit of work), so detection here only finishes it. */
  reading?: TextReading;
}

/**
 * Records one message inside the caller's unit of work, the path every message takes (the API,
 * provider webhooks, sends): an inbound one is read by the detector with the agent's own phrases
 * (unless the caller says what it means), the seed actions it triggers run (reply-actions.ts), the
 * planner reacts (reset on reply, scenarios), and the message is stored with why its intent scheduled
 * nothing; an action's final message is sent once the unit commits. Reads only what it is not given:
 * the contact, and the agent and its actions through the catalog (cached).
 */
@Injectable()
export class MessageRecorder {
  constructor(
    private readonly clock: Clock,
    private readonly planner: FollowupPlanner,
    private readonly detector: IntentDetector,
    private readonly actions: ReplyActions,
    private readonly actionMessages: ActionMessages,
  ) {}

  /**
   * The message's text read ahead, off the main thread when the detector has reading threads, if
   * `record` will ask the detector about it (an inbound message whose caller gave no intent): call
   * it before the unit of work and pass the reading to `record` (RecordExtras.reading).
   */
  async readAhead(dto: Pick<RecordMessageDto, 'direction' | 'intent' | 'body'>): Promise<TextReading | undefined> {
    return detects(dto) ? this.detector.readAhead(dto.body) : undefined;
  }

  async record(
    r: Repositories,
    conversation: ConversationEntity,
    dto: RecordMessageDto,
    extra: RecordExtras = {},
    known?: ContactEntity | null,
  ): Promise<MessageEntity> {
    const contact = known !== undefined ? known : await r.contacts.findById(conversation.locationId, conversation.contactId);
    const agentId = conversation.agentId;
    const actions = agentId && dto.direction === 'inbound' ? await r.catalog.actionsOf(conversation.locationId, agentId) : [];
    const { message, detection } = await this.message(r, conversation, contact, dto, extra, actions);
    // A message the gateway could not send changes nothing the follow-ups depend on.
    if (extra.react !== false) {
      const outcome = detection ? await this.actions.apply(r, conversation, contact, message, detection, actions) : undefined;
      const note = await this.planner.onMessage(r, conversation, message, contact, outcome?.reaction);
      message.followupNote = outcome?.note ?? note;
      const text = outcome?.finalMessage;
      const call = outcome?.callMessage;
      const on = { locationId: conversation.locationId, conversationId: conversation.id };
      if (text) r.afterCommit(() => this.actionMessages.send({ ...on, text }));
      if (call) r.afterCommit(() => this.actionMessages.send({ ...on, text: call, channel: 'voice' }));
    }
    await r.messages.insert(message);
    return message;
  }

  /** The message to store; an inbound one with what it means (the caller's intent, else the detector's). */
  private async message(
    r: Repositories,
    conversation: ConversationEntity,
    contact: ContactEntity | null,
    dto: RecordMessageDto,
    extra: RecordExtras,
    actions: readonly Readonly<AgentActionEntity>[],
  ): Promise<{ message: MessageEntity; detection?: Pick<Detection, 'intent' | 'action'> }> {
    const now = this.clock.now();
    const occurredAt = dto.occurred_at ? new Date(dto.occurred_at) : now;
    let detection: Pick<Detection, 'intent' | 'action' | 'requestedAt' | 'timeGiven'> | undefined;
    let intentSource: string | null = null;
    if (detects(dto)) {
      const zone = await this.zoneOf(r, conversation, contact);
      detection = this.detector.detect({ text: dto.body, sentAt: occurredAt, zone, phrases: actionPhrases(actions) }, extra.reading);
      intentSource = 'detector';
    } else if (dto.direction === 'inbound' && dto.intent) {
      const requestedAt = dto.intent === 'requested_followup' && dto.requested_at ? new Date(dto.requested_at) : undefined;
      detection = { intent: dto.intent, requestedAt, timeGiven: true };
      intentSource = extra.intentSource ?? 'caller';
      throwIfProblems(
        requestedAt && requestedAt < occurredAt
          ? [
              `requested_at ${requestedAt.toISOString()} is before the message's time ${occurredAt.toISOString()}: a follow-up cannot be requested in the past`,
            ]
          : [],
      );
    }
    const message = Object.assign(new MessageEntity(), {
      id: extra.id ?? newId(),
      locationId: conversation.locationId,
      conversationId: conversation.id,
      direction: dto.direction,
      channel: dto.channel ?? conversation.channel,
      body: dto.body,
      providerMessageId: dto.provider_message_id ?? null,
      intent: detection?.intent ?? null,
      requestedAt: detection?.requestedAt ?? null,
      requestedExact: detection?.requestedAt ? detection.timeGiven !== false : null,
      intentSource,
      occurredAt,
      createdAt: now,
      connectionId: extra.connectionId ?? null,
      status: extra.status ?? (dto.direction === 'inbound' && extra.connectionId ? 'received' : null),
      statusReason: extra.statusReason ?? null,
      errorCode: extra.errorCode ?? null,
      subject: extra.subject ?? dto.subject ?? null,
      followupNote: null,
    });
    return { message, detection };
  }

  /** The zone times in a contact's message are read in: the contact's, else the agent's, else UTC. */
  private async zoneOf(r: Repositories, conversation: ConversationEntity, contact: ContactEntity | null): Promise<string> {
    if (contact?.timezone) return contact.timezone;
    const agent = conversation.agentId ? await r.catalog.agent(conversation.locationId, conversation.agentId) : null;
    return agent?.timezone ?? 'UTC';
  }
}

/** Whether recording asks the detector what the message means: inbound, and its caller gave no intent. */
function detects(dto: Pick<RecordMessageDto, 'direction' | 'intent'>): boolean {
  return dto.direction === 'inbound' && !dto.intent;
}
