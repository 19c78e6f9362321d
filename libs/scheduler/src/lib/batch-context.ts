import type {
  AgentActionEntity,
  ChannelUse,
  ChannelConnectionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupEntity,
  Repositories,
  Store,
} from '@followup/persistence';
import type { ChannelType } from '@followup/channels-core';
import type { ConversationTurn } from '@followup/composer';
import { awaitedWithoutStatus, failedChannels } from '@followup/routing';
import { stepSettings } from './guards';
import { scenarioConfig } from './planner';
import { FAILING_OVER, SendDecision, Thread } from './step-send';

/** Everything one batch of claimed follow-ups needs, loaded in a few queries. */
export interface BatchContext {
  conversations: Map<string, ConversationEntity>;
  contacts: Map<string, ContactEntity>;
  agents: Map<string, ConversationAgentEntity>;
  actions: Map<string, AgentActionEntity>;
  connections: ChannelConnectionEntity[];
  /** Where each contact answers, per channel (for rows whose settings switch channels), by contact id. */
  channelHistory: Map<string, ChannelUse[]>;
  /** The channels each row failing over already failed on (failover.ts), by follow-up id. */
  failedChannels: Map<string, ChannelType[]>;
  /** Attempts of unknown outcome whose wait for a status ran out: recorded as failed (`no_status`) with the batch. */
  noStatus: { id: string; channel: string }[];
  /** The recent messages of conversations whose step asks for an AI-written text (loadHistory). */
  history: Map<string, ConversationTurn[]>;
}

/** How many of a conversation's last messages an AI-written step sees. */
export const HISTORY_MESSAGES = 20;

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** Everything a claimed batch needs, in five reads issued together (on PostgreSQL on pooled connections at once). */
export function loadBatch(store: Store, rows: FollowupEntity[]): Promise<BatchContext> {
  const ids = (pick: (f: FollowupEntity) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => Boolean(v)))];
  return store.run(async (r) => {
    const [conversations, contacts, agents, actions, connections] = await Promise.all([
      r.conversations.findByIds(ids((f) => f.conversationId)),
      r.contacts.findByIds(ids((f) => f.contactId)),
      r.conversationAgents.findByIds(ids((f) => f.agentId)),
      r.agentActions.findByIds(ids((f) => f.actionId)),
      r.channelConnections.listForLocations(ids((f) => f.locationId)),
    ]);
    const context = {
      conversations: byId(conversations),
      contacts: byId(contacts),
      agents: byId(agents),
      actions: byId(actions),
      connections,
    };
    return {
      ...context,
      channelHistory: await loadChannelHistory(r, rows, context.actions),
      ...(await loadFailed(r, rows)),
      history: await loadHistory(r, rows, context.actions),
    };
  });
}

/** The contacts' history per channel, for the rows whose follow-up settings switch channels (the router ranks by it). */
async function loadChannelHistory(
  r: Repositories,
  rows: FollowupEntity[],
  actions: Map<string, AgentActionEntity>,
): Promise<Map<string, ChannelUse[]>> {
  const out = new Map<string, ChannelUse[]>();
  const switching = rows.filter((f) => stepSettings(f, f.actionId ? actions.get(f.actionId) : undefined)?.dynamicChannelSwitching);
  const byLocation = new Map<string, string[]>();
  for (const f of switching) if (f.contactId) byLocation.set(f.locationId, [...(byLocation.get(f.locationId) ?? []), f.contactId]);
  for (const [locationId, contactIds] of byLocation)
    for (const [id, uses] of await r.channelHistory.forContacts(locationId, [...new Set(contactIds)])) out.set(id, uses);
  return out;
}

/**
 * The channels rows failing over (`failed_over`, or `awaiting_status` once its wait ran out) already
 * failed on, and the attempts that waited in vain for a status; other rows read nothing.
 */
async function loadFailed(r: Repositories, rows: FollowupEntity[]): Promise<Pick<BatchContext, 'failedChannels' | 'noStatus'>> {
  const failing = rows.filter((f) => FAILING_OVER.has(f.reasonCode ?? '')).map((f) => f.id);
  const out = { failedChannels: new Map<string, ChannelType[]>(), noStatus: [] as BatchContext['noStatus'] };
  if (!failing.length) return out;
  const attempts = await r.attempts.listForFollowups(failing);
  for (const id of failing) out.failedChannels.set(id, failedChannels(attempts.filter((a) => a.followupId === id)));
  out.noStatus = attempts.filter(awaitedWithoutStatus).map((a) => ({ id: a.id, channel: a.channel }));
  return out;
}

/** The conversations' recent messages, for the rows whose step will be written by the AI composer now. */
async function loadHistory(
  r: Repositories,
  rows: FollowupEntity[],
  actions: Map<string, AgentActionEntity>,
): Promise<Map<string, ConversationTurn[]>> {
  const history = new Map<string, ConversationTurn[]>();
  for (const row of rows) {
    const action = row.actionId ? actions.get(row.actionId) : undefined;
    const step = action ? scenarioConfig(action).steps[(row.step ?? 1) - 1] : undefined;
    const written = row.stepSpec ? Boolean(row.stepSpec.prompt) : Boolean(step) && step?.aiEnabledMessage !== false;
    if (!row.conversationId || row.body || !written || history.has(row.conversationId)) continue;
    const recent = await r.messages.recent(row.conversationId, HISTORY_MESSAGES);
    history.set(
      row.conversationId,
      recent.map((m) => ({ direction: m.direction === 'inbound' ? 'inbound' : 'outbound', body: m.body, at: m.occurredAt })),
    );
  }
  return history;
}

/** The earlier messages of the conversations a batch sends to on threaded channels (email), one query per channel. */
export async function loadThreads(store: Store, sends: SendDecision[]): Promise<Map<string, Map<string, Thread>>> {
  const byChannel = new Map<string, Set<string>>();
  for (const d of sends) {
    if (!d.choice.adapter.capabilities.threaded) continue;
    const ids = byChannel.get(d.choice.channel) ?? new Set<string>();
    byChannel.set(d.choice.channel, ids.add(d.conversation.id));
  }
  const out = new Map<string, Map<string, Thread>>();
  if (!byChannel.size) return out;
  await store.run(async (r) => {
    for (const [channel, ids] of byChannel) out.set(channel, await r.messages.threads([...ids], channel));
  });
  return out;
}
