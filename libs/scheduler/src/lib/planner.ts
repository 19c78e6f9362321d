import { Injectable } from '@nestjs/common';
import { AdvancedFollowupDetailsDto, Reason, ScenarioId, reason } from '@followup/contracts';
import {
  AgentActionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupEntity,
  MessageEntity,
  Repositories,
} from '@followup/persistence';
import { scenarioForIntent } from '@followup/detection';
import { Clock, newId } from '@followup/util';
import { SettingsSpec, StepSpec, firstDue, stepDelayMs } from '@followup/timing';
import { NO_OPEN_HOURS, Requested, placeStep, sequencesHeld } from './placement';
import { SchedulerSignals } from '@followup/util';

/** What the engine reads of an advancedFollowup action. */
export interface ScenarioConfig {
  enabled: boolean;
  steps: StepSpec[];
  settings?: SettingsSpec;
}

export function scenarioConfig(action: Readonly<AgentActionEntity>): ScenarioConfig {
  const details = action.details as unknown as AdvancedFollowupDetailsDto;
  return { enabled: details.enabled === true, steps: details.followupSequence ?? [], settings: details.followupSettings };
}

/** Seed 004 type of a follow-up sent on a channel. */
export function followupType(channel: string): string {
  return channel === 'voice' ? 'call' : channel;
}

/** What the seed actions an inbound message triggered decided: how pending follow-ups end, and whether a sequence may start. */
export interface Reaction {
  /** Why pending follow-ups are cancelled (default `contact_replied`). */
  cancel?: Reason;
  /** No sequence starts, and why (the conversation was handed over, the bot stopped, ...). */
  hold?: string;
}

/**
 * Turns conversation events into follow-ups (seed 001 scenarios), inside the caller's unit of work:
 * - an inbound message cancels every pending follow-up of the conversation (contact_replied), then
 *   starts contactIsBusy or contactRequested when the message says so;
 * - an outbound message that is not itself a follow-up starts (or restarts) contactStoppedReplying,
 *   unless a busy/requested sequence is pending (the contact asked for later: that takes precedence).
 */
@Injectable()
export class FollowupPlanner {
  constructor(
    private readonly clock: Clock,
    private readonly signals: SchedulerSignals,
  ) {}

  /**
   * Reacts to a recorded message (and records it on the conversation). The conversation's version
   * moves when pending follow-ups are cancelled, so a dispatch that raced the message sees it.
   * Answers, for an inbound message whose intent scheduled nothing, why (else null). `contact`:
   * the conversation's contact when the caller has it already (else it is read when needed);
   * `reaction`: what the actions the message triggered decided (reply-actions in conversations).
   */
  async onMessage(
    r: Repositories,
    conversation: ConversationEntity,
    message: MessageEntity,
    contact?: ContactEntity | null,
    reaction: Reaction = {},
  ): Promise<string | null> {
    const now = this.clock.now();
    const direction = message.direction === 'inbound' ? 'inbound' : 'outbound';
    if (direction === 'inbound') {
      await r.conversations.touch(conversation, direction, message.occurredAt, now, true);
      await r.queue.cancelPending(conversation.id, reaction.cancel ?? reason('contact_replied'), now);
      const scenario = scenarioForIntent(message.intent);
      if (!scenario) return reaction.hold ?? null;
      const held = reaction.hold ?? sequencesHeld(conversation, now);
      if (held) return `${held}: nothing was scheduled`;
      const requested = message.requestedAt ? { at: message.requestedAt, exact: message.requestedExact !== false } : undefined;
      const started = await this.plan(r, conversation, scenario, message.occurredAt, requested, contact);
      return typeof started === 'string' ? started : null;
    }
    const pending = await r.queue.listPendingScenarios(conversation.id);
    const waitingForContact = pending.some((f) => f.scenario === 'contactIsBusy' || f.scenario === 'contactRequested');
    await r.conversations.touch(conversation, direction, message.occurredAt, now, !waitingForContact);
    if (waitingForContact || sequencesHeld(conversation, now)) return null;
    await r.queue.cancelPending(conversation.id, reason('restarted', 'the agent sent a new message'), now, ['contactStoppedReplying']);
    await this.plan(r, conversation, 'contactStoppedReplying', message.occurredAt, undefined, contact);
    return null;
  }

  /** Schedules step 1 of the scenario, if the conversation's agent has it enabled. */
  async start(
    r: Repositories,
    conversation: ConversationEntity,
    scenario: ScenarioId,
    startedAt: Date,
    requestedAt?: Date | null,
  ): Promise<FollowupEntity | null> {
    const started = await this.plan(r, conversation, scenario, startedAt, requestedAt ? { at: requestedAt, exact: true } : undefined);
    return typeof started === 'string' ? null : started;
  }

  /** start(), answering why nothing was scheduled (a sentence ending "nothing was scheduled") instead of null. */
  private async plan(
    r: Repositories,
    conversation: ConversationEntity,
    scenario: ScenarioId,
    startedAt: Date,
    requested?: Requested,
    known?: ContactEntity | null,
  ): Promise<FollowupEntity | string> {
    const none = 'nothing was scheduled';
    if (!conversation.agentId) return `the conversation has no agent: ${none}`;
    const agent = await r.catalog.agent(conversation.locationId, conversation.agentId);
    if (!agent) return `agent ${conversation.agentId} no longer exists: ${none}`;
    const action = await r.catalog.scenarioAction(conversation.locationId, agent.id, scenario);
    const config = action ? scenarioConfig(action) : null;
    if (!action || !config?.enabled) return `no enabled ${scenario} action on agent ${agent.id}: ${none}`;
    const step = config.steps[0];
    if (!step) return `the ${scenario} action ${action.id} has no steps: ${none}`;
    const contact = known !== undefined ? known : await r.contacts.findById(conversation.locationId, conversation.contactId);
    const asked = scenario === 'contactRequested' ? requested : undefined;
    const due = firstDue(scenario, step, startedAt, asked?.at);
    const row = this.row(conversation, agent, action, contact, config, 1, due, asked);
    await r.queue.insert([row]);
    // Woken once the row is committed and visible to the dispatcher's claim (never from inside the transaction).
    const dueAt = row.status === 'scheduled' ? row.scheduledAt : null;
    if (dueAt) r.afterCommit(() => this.signals.scheduled(dueAt));
    return row;
  }

  /** The next step of a sequence, due its delay after the previous step was sent; null after the last. */
  next(
    previous: FollowupEntity,
    conversation: ConversationEntity,
    agent: ConversationAgentEntity,
    action: AgentActionEntity,
    contact: ContactEntity | null,
    sentAt: Date,
  ): FollowupEntity | null {
    const config = scenarioConfig(action);
    const index = previous.step ?? 0;
    const step = config.steps[index];
    if (!step) return null;
    const row = this.row(conversation, agent, action, contact, config, index + 1, new Date(sentAt.getTime() + stepDelayMs(step)));
    row.conversationVersion = previous.conversationVersion;
    return row;
  }

  private row(
    conversation: ConversationEntity,
    agent: Readonly<ConversationAgentEntity>,
    action: Readonly<AgentActionEntity>,
    contact: ContactEntity | null,
    config: ScenarioConfig,
    step: number,
    due: Date,
    asked?: Requested,
  ): FollowupEntity {
    const now = this.clock.now();
    const placed = placeStep(due, config.settings, contact?.timezone, agent.timezone, asked);
    const why = placed.status === 'on_hold' ? { code: 'no_working_hours' as const, text: NO_OPEN_HOURS } : placed.reason;
    return Object.assign(new FollowupEntity(), {
      id: newId(),
      locationId: conversation.locationId,
      debtId: null,
      contactId: conversation.contactId,
      conversationId: conversation.id,
      status: placed.status,
      type: followupType(conversation.channel),
      callDate: null,
      scheduledAt: placed.scheduledAt,
      summary: null,
      notes: null,
      callId: null,
      audioUrl: null,
      durationMs: null,
      disconnectionReason: null,
      direction: 'outbound',
      phoneNumberUsed: null,
      isRetry: false,
      processedAt: null,
      agentId: agent.id,
      actionId: action.id,
      scenario: action.scenarioId,
      step,
      channel: conversation.channel,
      attempt: 0,
      leaseOwner: null,
      leaseExpiresAt: null,
      sendStartedAt: null,
      conversationVersion: conversation.version,
      statusReason: why?.text ?? null,
      reasonCode: why?.code ?? null,
      providerMessageId: null,
      sentAt: null,
      originalDueAt: due,
      timezone: placed.zone,
      movedByWorkingHours: placed.moved,
      timingRule: placed.timingRule,
      body: null,
      errorCode: null,
      createdAt: now,
      updatedAt: now,
    });
  }
}
