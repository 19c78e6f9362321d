import {
  AgentActionEntity,
  ChannelConnectionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupEntity,
} from '../lib/entities';
import { openDataSource } from '../lib/data-source';
import { Store } from '../lib/store';
import { StoreConfig, StoreEngine } from '../lib/store-config';
import { testFollowup } from './rows';
import { testStoreConfig } from './test-store';
import { newId } from '@followup/util';

export const SEED_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

export interface StoreEnv {
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** Environment naming a fresh, empty store of the given engine (its own SQLite folder or PG schema). */
export function freshStoreEnv(engine: StoreEngine): StoreEnv {
  const { config, dispose } = testStoreConfig(engine);
  const env: Record<string, string> =
    engine === 'sqlite'
      ? { DATA_DIR: config.sqlitePath.replace(/\/store\.sqlite$/, '') }
      : { DATABASE_URL: config.databaseUrl as string, DATABASE_SCHEMA: config.databaseSchema as string };
  return { env, dispose };
}

/** The store of a gateway started with these environment variables (see freshStoreEnv). */
export function storeConfigOf(env: Record<string, string>): StoreConfig {
  return env['DATABASE_URL']
    ? { databaseUrl: env['DATABASE_URL'], databaseSchema: env['DATABASE_SCHEMA'], sqlitePath: '' }
    : { sqlitePath: `${env['DATA_DIR']}/followup.sqlite` };
}

/**
 * Writes `count` follow-ups that are already due, each in its own conversation, sending over a
 * webhook connection to `url`: the set-up of the load and crash tests (writing them through the API
 * would measure the API, not the dispatch).
 */
export async function seedDueFollowups(
  env: Record<string, string>,
  locationId: string,
  url: string,
  count: number,
  dueAt?: (i: number) => Date,
): Promise<string[]> {
  const store = new Store(await openDataSource(storeConfigOf(env)));
  try {
    return await seedDueFollowupsIn(store, locationId, url, count, dueAt);
  } finally {
    await store.close();
  }
}

/** The same, written through a store the caller keeps open (as a gateway's own planner writes its rows). */
export async function seedDueFollowupsIn(
  store: Store,
  locationId: string,
  url: string,
  count: number,
  dueAt: (i: number) => Date = () => new Date(Date.now() - 1_000),
): Promise<string[]> {
  const now = new Date();
  const ids: string[] = [];
  await store.transaction(async (r) => {
    const agentId = newId();
    const actionId = newId();
    const contactId = newId();
    await r.conversationAgents.insert(
      Object.assign(new ConversationAgentEntity(), {
        id: agentId,
        locationId,
        name: 'Load',
        businessName: 'Load Co',
        mode: 'off',
        channels: [],
        isPrimary: false,
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
        timezone: null,
        active: true,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await r.agentActions.insert(
      Object.assign(new AgentActionEntity(), {
        id: actionId,
        locationId,
        agentId,
        type: 'advancedFollowup',
        name: 'load',
        scenarioId: 'contactStoppedReplying',
        createdAt: now,
        updatedAt: now,
        details: {
          enabled: true,
          scenarioId: 'contactStoppedReplying',
          followupSequence: [
            { id: 1, followupTimeUnit: 'minutes', followupTime: 1, aiEnabledMessage: false, customMessage: 'Hi {{contact.first_name}}' },
          ],
        },
      }),
    );
    await r.contacts.insert(
      Object.assign(new ContactEntity(), {
        id: contactId,
        locationId,
        name: 'Load Test',
        firstName: 'Load',
        phone: `+1415${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
        email: null,
        whatsapp: null,
        timezone: null,
        optedOut: [],
        undeliverable: null,
        tags: [],
        createdAt: now,
        updatedAt: now,
      }),
    );
    await r.channelConnections.insert(
      Object.assign(new ChannelConnectionEntity(), {
        id: newId(),
        locationId,
        type: 'sms',
        provider: 'webhook',
        name: 'load',
        settings: { url, secret: SEED_SECRET },
        defaultAgentId: null,
        createdAt: now,
        updatedAt: now,
      }),
      [],
    );
    for (let offset = 0; offset < count; offset += 500) {
      const conversations: ConversationEntity[] = [];
      const followups: FollowupEntity[] = [];
      for (let i = offset; i < Math.min(count, offset + 500); i++) {
        const conversation = Object.assign(new ConversationEntity(), {
          id: newId(),
          locationId,
          contactId,
          agentId,
          channel: 'sms',
          version: 1,
          lastInboundAt: null,
          lastOutboundAt: now,
          connectionId: null,
          botStatus: 'active',
          botSleepUntil: null,
          assignedUserId: null,
          statusId: null,
          createdAt: now,
          updatedAt: now,
        });
        conversations.push(conversation);
        const id = newId();
        const due = dueAt(i);
        ids.push(id);
        followups.push(
          testFollowup(due, {
            id,
            locationId,
            contactId,
            conversationId: conversation.id,
            direction: 'outbound',
            agentId,
            actionId,
            createdAt: now,
            updatedAt: now,
          }),
        );
      }
      await r.conversations.insertMany(conversations);
      await r.queue.insert(followups);
    }
  });
  return ids;
}

/** Follow-up counts by status in that store. */
export async function statusCounts(env: Record<string, string>): Promise<Record<string, number>> {
  const store = new Store(await openDataSource(storeConfigOf(env), { migrate: false }));
  try {
    const counts: Record<string, number> = {};
    for (const status of ['scheduled', 'in_progress', 'sent', 'failed', 'cancelled', 'on_hold']) {
      counts[status] = await store.run((r) => r.queue.countByStatus([status]));
    }
    return counts;
  } finally {
    await store.close();
  }
}
