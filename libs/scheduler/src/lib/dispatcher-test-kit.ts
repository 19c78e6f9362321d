import { ChannelAdapter, ChannelProvider } from '@followup/channels-core';
import {
  AgentActionEntity,
  ChannelConnectionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupEntity,
  LocationEntity,
  Store,
} from '@followup/persistence';
import { Clock, DispatcherOptions, newId } from '@followup/util';
import { FollowupPlanner } from './planner';

/**
 * The shared set-up of the dispatcher's integration specs (dispatcher*.integration-spec.ts): one
 * location with a stopped-replying sequence of two steps, a contact, and an SMS connection to a
 * webhook receiver. Test-only; nothing in the library imports it.
 */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const LOC = 'loc-1';
export const options = (owner: string): DispatcherOptions => ({
  enabled: true,
  owner,
  batchSize: 50,
  concurrency: 200,
  leaseMs: 60_000,
  idleMaxMs: 50,
});

/** A channel without idempotency (like an SMS API): a send of unknown outcome must never repeat. */
export const countingProvider = (sent: string[]): ChannelProvider => ({
  name: 'plain',
  channels: ['sms'] as const,
  secretSettings: [],
  validateSettings: () => [],
  adapter: (): ChannelAdapter => ({
    channel: 'sms',
    provider: 'plain',
    capabilities: { templates: false, idempotentSend: false },
    canReach: () => true,
    sessionState: () => 'open',
    send: async (_message, context) => {
      sent.push(context.idempotencyKey);
      return { providerMessageId: `p-${sent.length}`, acceptedAt: new Date(), status: 'sent' };
    },
  }),
});

/** Location `loc-1`, agent `agent-1` with action `action-1` (steps One after 10 min, Two after 1 h), `contact-1`, connection `k-sms` to `${url}/sms`. */
export async function seedDispatchLocation(store: Store, now: Date, url: string): Promise<void> {
  await store.transaction(async (r) => {
    await r.locations.insert(Object.assign(new LocationEntity(), { id: LOC, name: 'L', timezone: 'UTC', createdAt: now }));
    await r.conversationAgents.insert(
      Object.assign(new ConversationAgentEntity(), {
        id: 'agent-1',
        locationId: LOC,
        name: 'Bot',
        businessName: 'Acme',
        mode: 'off',
        channels: [],
        isPrimary: true,
        waitTime: 2,
        waitTimeUnit: 'seconds',
        sleepEnabled: false,
        sleepTime: null,
        sleepTimeUnit: null,
        personality: 'p',
        goal: 'g',
        instructions: 'i',
        autoPilotMaxMessages: 25,
        knowledgeBaseIds: [],
        respondToImages: false,
        respondToAudio: false,
        sleepOnManualMessage: false,
        sleepOnWorkflowMessage: false,
        timezone: 'UTC',
        active: true,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await r.agentActions.insert(
      Object.assign(new AgentActionEntity(), {
        id: 'action-1',
        locationId: LOC,
        agentId: 'agent-1',
        type: 'advancedFollowup',
        name: 'quiet',
        scenarioId: 'contactStoppedReplying',
        createdAt: now,
        updatedAt: now,
        details: {
          enabled: true,
          scenarioId: 'contactStoppedReplying',
          followupSequence: [
            { id: 1, followupTimeUnit: 'minutes', followupTime: 10, aiEnabledMessage: false, customMessage: 'One' },
            { id: 2, followupTimeUnit: 'hours', followupTime: 1, aiEnabledMessage: false, customMessage: 'Two' },
          ],
        },
      }),
    );
    await r.contacts.insert(
      Object.assign(new ContactEntity(), {
        id: 'contact-1',
        locationId: LOC,
        name: 'Ada',
        firstName: 'Ada',
        phone: '+14155550123',
        email: null,
        whatsapp: null,
        timezone: null,
        optedOut: [],
        createdAt: now,
        updatedAt: now,
      }),
    );
    await r.channelConnections.insert(
      Object.assign(new ChannelConnectionEntity(), {
        id: 'k-sms',
        locationId: LOC,
        type: 'sms',
        provider: 'webhook',
        name: 'sms',
        settings: { url: `${url}/sms`, secret: SECRET },
        defaultAgentId: null,
        createdAt: now,
        updatedAt: now,
      }),
      [],
    );
  });
}

/** A conversation with step 1 of the stopped-replying sequence scheduled 10 minutes from now. */
export function scheduledFollowup(store: Store, clock: Clock, planner: FollowupPlanner): Promise<FollowupEntity> {
  const now = clock.now();
  return store.transaction(async (r) => {
    const conversation = Object.assign(new ConversationEntity(), {
      id: newId(),
      locationId: LOC,
      contactId: 'contact-1',
      agentId: 'agent-1',
      channel: 'sms',
      version: 1,
      lastInboundAt: null,
      lastOutboundAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await r.conversations.insert(conversation);
    return (await planner.start(r, conversation, 'contactStoppedReplying', now)) as FollowupEntity;
  });
}

/** The follow-up as stored now. */
export const followupRow = (store: Store, id: string) => store.run((r) => r.followups.findById(LOC, id)) as Promise<FollowupEntity>;
