import { ChannelRegistry, ChannelType } from '@followup/channels-core';
import { MessageComposer } from '@followup/composer';
import { Reason } from '@followup/contracts';
import type { FollowupEntity, FollowupOutcome, OutcomeStatus } from '@followup/persistence';
import { selectChannel } from '@followup/routing';
import { newId } from '@followup/util';
import type { BatchContext } from './batch-context';
import { composeStep } from './compose-step';
import { GuardInput, routeStopStatus, runGuards, stepSettings } from './guards';
import { scenarioConfig } from './planner';
import type { SendDecision } from './step-send';

/** What becomes of a claimed row: an outcome without a send, or a send. */
export type Decision = { kind: 'outcome'; outcome: FollowupOutcome } | SendDecision;

export const get = <T>(map: Map<string, T>, id: string | null) => (id ? map.get(id) : undefined);

/**
 * One claimed row: the router answers where it could go, the guards (guards.ts) whether it goes
 * now, then the composer writes it. A text longer than the chosen channel takes is routed again
 * knowing its length.
 */
export async function decide(
  registry: ChannelRegistry,
  composer: MessageComposer,
  row: FollowupEntity,
  ctx: BatchContext,
  now: Date,
): Promise<Decision> {
  const input: GuardInput = {
    row,
    now,
    conversation: get(ctx.conversations, row.conversationId),
    agent: get(ctx.agents, row.agentId),
    action: get(ctx.actions, row.actionId),
    contact: get(ctx.contacts, row.contactId),
  };
  const config = input.action ? scenarioConfig(input.action) : undefined;
  const { conversation: c, contact: k } = input;
  // A configuration's step goes on its own channel and connection (an official channel's), with its own template.
  const own = row.stepSpec && row.channel ? { channel: row.channel as ChannelType, connectionId: row.stepSpec.connectionId } : undefined;
  const switching = stepSettings(row, input.action)?.dynamicChannelSwitching ?? false;
  const route = (textLength?: number) =>
    c && k
      ? selectChannel(registry, {
          conversation: c,
          contact: k,
          connections: ctx.connections.filter((x) => x.locationId === row.locationId),
          dynamicChannelSwitching: switching,
          failedChannels: ctx.failedChannels.get(row.id),
          history: row.contactId ? ctx.channelHistory.get(row.contactId) : undefined,
          now,
          textLength,
          own,
          hasTemplate: Boolean(row.stepSpec?.template),
        })
      : undefined;
  input.route = route();
  const stop = runGuards(input);
  const { id } = row;
  if (stop) return { kind: 'outcome', outcome: { id, ...stop, statusReason: stop.reason.text, reasonCode: stop.reason.code } };
  const { conversation, contact, agent } = input as Required<GuardInput>;
  let choice = input.route;
  if (!choice || !('channel' in choice)) throw new Error(`guards let follow-up ${id} through without a channel`);
  const step = config?.steps[(row.step ?? 1) - 1];
  const composed = await composeStep({ composer, row, choice, conversation, contact, agent, step, stepCount: config?.steps.length, ctx });
  const stopWith = (status: OutcomeStatus, why: Reason): Decision => ({
    kind: 'outcome',
    outcome: { id, status, statusReason: why.text, reasonCode: why.code },
  });
  if ('unavailable' in composed) return stopWith('on_hold', composed.unavailable);
  const max = choice.adapter.capabilities.maxLength;
  if (!composed.template && max !== undefined && composed.text.length > max) {
    // Longer than the chosen channel takes: the router picks again knowing the length.
    choice = route(composed.text.length) as NonNullable<GuardInput['route']>;
    if ('reason' in choice) return stopWith(routeStopStatus(choice.reason), choice.reason);
  }
  const { text, template, fallback } = composed;
  return { kind: 'send', choice, text, template, contact, conversation, attemptId: newId(), fallback, failover: switching };
}
