import { Injectable } from '@nestjs/common';
import { AdvancedFollowupDetailsDto, DEFAULT_TEMPLATE_LANGUAGE, isoDurationMs } from '@followup/contracts';
import {
  AgentActionEntity,
  ConfigStepSpec,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupConfigEntity,
  FollowupEntity,
  Repositories,
} from '@followup/persistence';
import type { SettingsSpec } from '@followup/timing';
import { Clock, SchedulerSignals, newId } from '@followup/util';
import { NO_OPEN_HOURS, placeStep, sequencesHeld } from './placement';
import { followupType } from './planner';

/** The scenario name of a seed 003 configuration's steps. */
export const CONFIG_SCENARIO = 'followupConfig';

type StepDoc = Record<string, unknown>;

/** One sequence of a configuration: its `steps` on the conversation's channel, or an official channel's on its connection. */
interface Sequence {
  channel: string;
  connectionId?: string;
  steps: StepDoc[];
}

/**
 * Seed 003 configurations, executed: when a conversation enters a status in the `trigger_status_ids`
 * of its agent's active configuration (`PATCH /conversations/:id {status_id}`), every step of it is
 * scheduled at once, each `interval` after the previous one (the first after the status change),
 * inside the working hours of the agent's follow-up settings. Each row carries what it sends
 * (followups.step_spec), so it goes out as scheduled even if the configuration is changed, made
 * inactive or deleted (seed 003: deleting does not cancel what was scheduled); a reply cancels them.
 */
@Injectable()
export class ConfigPlanner {
  constructor(
    private readonly clock: Clock,
    private readonly signals: SchedulerSignals,
  ) {}

  /** Answers what it scheduled, or why nothing (null: no configuration triggers on this status). */
  async onStatus(
    r: Repositories,
    conversation: ConversationEntity,
    statusId: string,
  ): Promise<{ scheduled: number; note?: string } | null> {
    if (!conversation.agentId) return null;
    const config = await r.followupConfigs.findByAssistant(conversation.locationId, conversation.agentId);
    if (!config?.isActive || !config.triggerStatusIds.includes(statusId)) return null;
    const now = this.clock.now();
    const held = sequencesHeld(conversation, now);
    if (held) return { scheduled: 0, note: `${held}: nothing was scheduled` };
    const agent = await r.catalog.agent(conversation.locationId, conversation.agentId);
    if (!agent) return { scheduled: 0, note: `agent ${conversation.agentId} no longer exists: nothing was scheduled` };
    const settings = settingsOf(await r.catalog.actionsOf(conversation.locationId, agent.id));
    const contact = await r.contacts.findById(conversation.locationId, conversation.contactId);
    const sequences = await this.sequences(r, conversation, config);
    const rows = sequences.flatMap((sequence) => this.rows(conversation, agent, contact, config, sequence, settings, now));
    await r.queue.insert(rows);
    const first = rows.find((row) => row.status === 'scheduled')?.scheduledAt;
    if (first) r.afterCommit(() => this.signals.scheduled(first));
    return { scheduled: rows.length };
  }

  /** The configuration's sequences whose channel this location has (an official channel is a connection id). */
  private async sequences(r: Repositories, conversation: ConversationEntity, config: FollowupConfigEntity): Promise<Sequence[]> {
    const out: Sequence[] = [];
    if (config.steps.length) out.push({ channel: conversation.channel, steps: config.steps });
    for (const official of config.officialSteps) {
      const connectionId = String(official['channel_id'] ?? '');
      const connection = connectionId ? await r.channelConnections.findById(conversation.locationId, connectionId) : null;
      if (connection) out.push({ channel: connection.type, connectionId, steps: (official['steps'] as StepDoc[]) ?? [] });
    }
    return out;
  }

  private rows(
    conversation: ConversationEntity,
    agent: Readonly<ConversationAgentEntity>,
    contact: ContactEntity | null,
    config: FollowupConfigEntity,
    sequence: Sequence,
    settings: SettingsSpec | undefined,
    now: Date,
  ): FollowupEntity[] {
    let previous = now;
    return sequence.steps.map((doc, i) => {
      const due = new Date(previous.getTime() + (isoDurationMs(doc['interval']) ?? 0));
      const placed = placeStep(due, settings, contact?.timezone, agent.timezone);
      previous = placed.scheduledAt;
      const why = placed.status === 'on_hold' ? { code: 'no_working_hours', text: NO_OPEN_HOURS } : placed.reason;
      return Object.assign(new FollowupEntity(), {
        id: newId(),
        locationId: conversation.locationId,
        contactId: conversation.contactId,
        conversationId: conversation.id,
        status: placed.status,
        type: followupType(sequence.channel),
        scheduledAt: placed.scheduledAt,
        direction: 'outbound',
        isRetry: false,
        agentId: agent.id,
        actionId: config.id,
        scenario: CONFIG_SCENARIO,
        step: i + 1,
        channel: sequence.channel,
        attempt: 0,
        conversationVersion: conversation.version,
        statusReason: why?.text ?? null,
        reasonCode: why?.code ?? null,
        originalDueAt: due,
        timezone: placed.zone,
        movedByWorkingHours: placed.moved,
        stepSpec: specOf(doc, sequence.connectionId, settings),
        createdAt: now,
        updatedAt: now,
      });
    });
  }
}

function specOf(doc: StepDoc, connectionId: string | undefined, settings: SettingsSpec | undefined): ConfigStepSpec {
  const name = typeof doc['template_name'] === 'string' ? doc['template_name'] : undefined;
  const params = Array.isArray(doc['template_params']) ? doc['template_params'].map(String) : [];
  const language = typeof doc['template_language'] === 'string' ? doc['template_language'] : DEFAULT_TEMPLATE_LANGUAGE;
  return {
    ...(typeof doc['prompt'] === 'string' ? { prompt: doc['prompt'] } : {}),
    ...(name ? { template: { name, language, params } } : {}),
    ...(connectionId ? { connectionId } : {}),
    ...(settings ? { settings: settings as Record<string, unknown> } : {}),
  };
}

/** The working hours a configuration's steps keep to: the agent's follow-up settings (its stopped-replying action's first). */
function settingsOf(actions: readonly Readonly<AgentActionEntity>[]): SettingsSpec | undefined {
  const followups = actions.filter((a) => a.type === 'advancedFollowup');
  const ordered = [...followups.filter((a) => a.scenarioId === 'contactStoppedReplying'), ...followups];
  for (const action of ordered) {
    const settings = (action.details as unknown as AdvancedFollowupDetailsDto).followupSettings;
    if (settings) return settings;
  }
  return undefined;
}
