import { Injectable } from '@nestjs/common';
import { Reason, reason } from '@followup/contracts';
import type { Detection } from '@followup/detection';
import { AgentActionEntity, ContactEntity, ConversationEntity, FollowupEntity, MessageEntity, Repositories } from '@followup/persistence';
import type { Reaction } from '@followup/scheduler';
import { Clock, newId } from '@followup/util';

/** What an inbound message's actions did: how the planner reacts, and the message to send once committed. */
export interface ReplyOutcome {
  reaction: Reaction;
  /** The action's finalMessage, sent on the conversation's channel after the unit of work commits. */
  finalMessage?: string;
  /** A handover's call (the location's voice connection offers one): what the call says, placed after the unit of work commits. */
  callMessage?: string;
  /** Said on the message when nothing was scheduled because of it. */
  note?: string;
}

type Details = Record<string, unknown>;
const UNIT_MS: Record<string, number> = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 };
const DAY = 86_400_000;
const HANDOVER_CALL_TEXT = 'Hello, you asked to talk to someone.';
const HANDOVER_CALL_NOTICE = 'We will call you now.';

const details = (action: Readonly<AgentActionEntity>) => (action.details ?? {}) as Details;
const strings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
const quoted = (text: string) => `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;

/**
 * Seed 000's actions, executed when a reply triggers them (inside the message's unit of work):
 * - humanHandOver (its examples, or `wants_human` when its handoverType is contactRequest): tags,
 *   the assignee (unless skipAssignToUser), a task for a person (createTask: a manual call due in
 *   24 hours), pending follow-ups cancelled (`human_handover`), the bot handed over (woken after
 *   sleepTime with reactivateEnabled), and its finalMessage;
 * - stopBot (Goodbye type: `goodbye`; Custom: its examples): tags, pending cancelled (`bot_stopped`),
 *   the bot stopped (or sleeping until reactivation), its finalMessage;
 * - transferBot (its examples): the conversation's agent becomes transferToBot;
 * - `not_interested`: pending cancelled (`not_interested`) and no sequence until the contact writes again.
 */
@Injectable()
export class ReplyActions {
  constructor(private readonly clock: Clock) {}

  async apply(
    r: Repositories,
    conversation: ConversationEntity,
    contact: ContactEntity | null,
    message: MessageEntity,
    detection: Pick<Detection, 'intent' | 'action'>,
    actions: readonly Readonly<AgentActionEntity>[],
  ): Promise<ReplyOutcome> {
    const enabled = (type: string) => actions.find((a) => a.type === type && details(a)['enabled'] === true);
    const handover = enabled('humanHandOver');
    if (
      handover &&
      (detection.action === 'humanHandOver' ||
        (detection.intent === 'wants_human' && details(handover)['handoverType'] === 'contactRequest'))
    ) {
      return this.handOver(r, conversation, contact, message, handover);
    }
    const stop = enabled('stopBot');
    if (
      stop &&
      (detection.action === 'stopBot' || (detection.intent === 'goodbye' && details(stop)['stopBotDetectionType'] === 'Goodbye'))
    ) {
      return this.stopBot(r, conversation, contact, stop);
    }
    const transfer = enabled('transferBot');
    if (transfer && detection.action === 'transferBot') return this.transfer(r, conversation, transfer);
    if (detection.intent === 'not_interested') return this.notInterested(r, conversation);
    if (conversation.followupsPaused) await this.save(r, conversation, { followupsPaused: null }); // they wrote again
    if (detection.intent === 'wants_human' && !handover)
      return { reaction: {}, note: 'the contact asked for a person, and the agent has no enabled humanHandOver action' };
    return { reaction: {} };
  }

  private async handOver(
    r: Repositories,
    conversation: ConversationEntity,
    contact: ContactEntity | null,
    message: MessageEntity,
    action: Readonly<AgentActionEntity>,
  ): Promise<ReplyOutcome> {
    const d = details(action);
    const now = this.clock.now();
    await this.tag(r, contact, d['tags']);
    const assignee = d['skipAssignToUser'] === true || typeof d['assignToUserId'] !== 'string' ? undefined : d['assignToUserId'];
    if (d['createTask'] === true) await r.followups.insert(this.task(conversation, message, assignee ?? conversation.assignedUserId, now));
    await this.save(r, conversation, {
      botStatus: 'handed_over',
      botSleepUntil: this.wakeUp(d, now),
      ...(assignee !== undefined ? { assignedUserId: assignee } : {}),
    });
    const why = reason('human_handover', `the contact asked for a person (action ${action.id})`);
    const call = await this.handoverCall(r, conversation, contact);
    const finalMessage = [this.text(d['finalMessage']), call?.notice].filter(Boolean).join(' ') || undefined;
    return {
      reaction: { cancel: why, hold: 'the conversation was handed over to a person' },
      finalMessage,
      ...(call ? { callMessage: call.text } : {}),
    };
  }

  /**
   * A handover may be a call: when a voice connection of the location offers one (`handover_call`,
   * off by default) and the contact can be called, the final message says so and the call (which
   * offers to press 1 for a person) goes out on voice. Not on a voice conversation: its final message is a call already.
   */
  private async handoverCall(
    r: Repositories,
    conversation: ConversationEntity,
    contact: ContactEntity | null,
  ): Promise<{ text: string; notice: string } | undefined> {
    if (conversation.channel === 'voice' || !contact?.phone || contact.optedOut.includes('voice')) return undefined;
    if (contact.undeliverable?.includes('voice')) return undefined;
    const voice = (await r.channelConnections.list(conversation.locationId)).find(
      (c) => c.type === 'voice' && c.settings['handover_call'] === true,
    );
    if (!voice) return undefined;
    return {
      text: this.text(voice.settings['handover_call_text']) ?? HANDOVER_CALL_TEXT,
      notice: this.text(voice.settings['handover_call_notice']) ?? HANDOVER_CALL_NOTICE,
    };
  }

  private async stopBot(
    r: Repositories,
    conversation: ConversationEntity,
    contact: ContactEntity | null,
    action: Readonly<AgentActionEntity>,
  ): Promise<ReplyOutcome> {
    const d = details(action);
    const now = this.clock.now();
    await this.tag(r, contact, d['tags']);
    const wake = this.wakeUp(d, now);
    await this.save(r, conversation, { botStatus: wake ? 'sleeping' : 'stopped', botSleepUntil: wake });
    const why: Reason = reason('bot_stopped', `the contact ended the conversation (action ${action.id})`);
    return {
      reaction: { cancel: why, hold: wake ? `the bot sleeps until ${wake.toISOString()}` : 'the bot is stopped' },
      finalMessage: this.text(d['finalMessage']),
    };
  }

  private async transfer(r: Repositories, conversation: ConversationEntity, action: Readonly<AgentActionEntity>): Promise<ReplyOutcome> {
    const target = details(action)['transferToBot'];
    const agent = typeof target === 'string' ? await r.catalog.agent(conversation.locationId, target) : null;
    if (!agent) return { reaction: {}, note: `the transfer's agent ${String(target)} is not an agent of this location` };
    await this.save(r, conversation, { agentId: agent.id });
    return { reaction: {} };
  }

  private async notInterested(r: Repositories, conversation: ConversationEntity): Promise<ReplyOutcome> {
    await this.save(r, conversation, { followupsPaused: 'not_interested' });
    return { reaction: { cancel: reason('not_interested', null), hold: 'the contact said they are not interested' } };
  }

  /** The tags an action applies, added to the contact's (no duplicates). */
  private async tag(r: Repositories, contact: ContactEntity | null, tags: unknown): Promise<void> {
    const add = strings(tags).filter((t) => !contact?.tags.includes(t));
    if (!contact || !add.length) return;
    contact.tags = [...contact.tags, ...add];
    contact.updatedAt = this.clock.now();
    await r.contacts.save(contact);
  }

  private async save(r: Repositories, conversation: ConversationEntity, changes: Partial<ConversationEntity>): Promise<void> {
    Object.assign(conversation, changes, { updatedAt: this.clock.now() });
    await r.conversations.saveState(conversation);
  }

  /** With reactivateEnabled: when the bot wakes up (sleepTime in sleepTimeUnit from now). */
  private wakeUp(d: Details, now: Date): Date | null {
    const unit = UNIT_MS[String(d['sleepTimeUnit'])];
    const time = Number(d['sleepTime']);
    return d['reactivateEnabled'] === true && unit && time > 0 ? new Date(now.getTime() + time * unit) : null;
  }

  private text(value: unknown): string | undefined {
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }

  /** The seed 004 task a handover leaves for a person: a manual call in 24 hours, never sent by the engine. */
  private task(conversation: ConversationEntity, message: MessageEntity, assignee: string | null | undefined, now: Date): FollowupEntity {
    return Object.assign(new FollowupEntity(), {
      id: newId(),
      locationId: conversation.locationId,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      status: 'scheduled',
      type: 'manual_call',
      scheduledAt: new Date(now.getTime() + DAY),
      summary: 'Handover: call the contact back',
      notes: `The contact asked for a person: ${quoted(message.body)}${assignee ? ` (assigned to ${assignee})` : ''}`,
      direction: 'outbound',
      isRetry: false,
      attempt: 0,
      movedByWorkingHours: false,
      conversationVersion: 0,
      createdAt: now,
      updatedAt: now,
    });
  }
}
