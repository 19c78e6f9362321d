import { ENGINES, openTestStore } from '../testing';
import { newId } from '@followup/util';
import { DataSource } from 'typeorm';
import { AgentActionEntity, ConversationAgentEntity, FollowupEntity, LocationEntity } from './entities';
import { DuplicateKeyError } from './repositories';
import { Store } from './store';
import { dataSourceOptions, openDataSource } from './data-source';
import { StoreConfigError } from './store-config';
import { MIGRATIONS } from './migrations';
import { ConversationState1764300000000 } from './migrations/1764300000000-conversation-state';

const at = (iso: string) => new Date(iso);

function agent(locationId: string, name: string, createdAt: Date): ConversationAgentEntity {
  return Object.assign(new ConversationAgentEntity(), {
    id: newId(),
    locationId,
    name,
    businessName: null,
    mode: 'off',
    channels: ['SMS'],
    isPrimary: false,
    waitTime: 2,
    waitTimeUnit: 'seconds',
    sleepEnabled: false,
    sleepTime: 2,
    sleepTimeUnit: 'hours',
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
    createdAt,
    updatedAt: createdAt,
  });
}

describe.each(ENGINES)('store on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  const loc = newId();
  const other = newId();

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    for (const id of [loc, other]) {
      await store.run((r) =>
        r.locations.insert(Object.assign(new LocationEntity(), { id, name: id, timezone: 'UTC', createdAt: at('2026-01-01T00:00:00Z') })),
      );
    }
  });
  afterAll(() => close());

  it('has exactly the schema the entities describe after migrating (nothing left to synchronise)', async () => {
    const pending = await store.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    expect(await store.dataSource.showMigrations()).toBe(false);
  });

  it('keeps instants to the millisecond and JSON documents intact', async () => {
    const a = agent(loc, 'Ms', at('2026-03-08T07:59:59.123Z'));
    a.knowledgeBaseIds = ['kb1', 'kb "2"'];
    await store.run((r) => r.conversationAgents.insert(a));
    const back = await store.run((r) => r.conversationAgents.findById(loc, a.id));
    expect(back?.createdAt.toISOString()).toBe('2026-03-08T07:59:59.123Z');
    expect(back?.knowledgeBaseIds).toEqual(['kb1', 'kb "2"']);
    expect(back?.active).toBe(true);
  });

  it('finds rows by a list of ids of any length: duplicates and unknown ids ignored, past one statement too', async () => {
    const made = Array.from({ length: 1_100 }, (_, i) => agent(loc, `Batch ${i}`, at('2026-01-03T00:00:00Z')));
    await store.transaction(async (r) => {
      for (const a of made) await r.conversationAgents.insert(a);
    });
    const ids = (list: ConversationAgentEntity[]) => list.map((a) => a.id).sort();
    for (const n of [0, 1, 2, 3, 5, 17, 1_100]) {
      const wanted = made.slice(0, n).map((a) => a.id);
      const found = await store.run((r) => r.conversationAgents.findByIds([...wanted, ...wanted.slice(0, 2), newId()]));
      expect(ids(found)).toEqual([...wanted].sort());
    }
    const [one] = await store.run((r) => r.conversationAgents.findByIds([made[0]?.id as string]));
    expect(one?.createdAt.toISOString()).toBe('2026-01-03T00:00:00.000Z');
    expect(one?.channels).toEqual(['SMS']);
  });

  it('scopes every lookup to the location', async () => {
    const a = agent(loc, 'Scoped', at('2026-01-02T00:00:00Z'));
    await store.run((r) => r.conversationAgents.insert(a));
    expect(await store.run((r) => r.conversationAgents.findById(other, a.id))).toBeNull();
    expect(await store.run((r) => r.conversationAgents.delete(other, a.id))).toBe(false);
    expect(await store.run((r) => r.conversationAgents.findById(loc, a.id))).not.toBeNull();
  });

  it('searches names case-insensitively, treating % and _ literally, and pages after an agent', async () => {
    const l = newId();
    await store.run((r) =>
      r.locations.insert(Object.assign(new LocationEntity(), { id: l, name: 'l', timezone: 'UTC', createdAt: new Date() })),
    );
    const names = ['Booking Bot', 'booking_helper', '100% Sales', 'Support'];
    const agents = names.map((n, i) => agent(l, n, at(`2026-02-0${i + 1}T00:00:00Z`)));
    for (const a of agents) await store.run((r) => r.conversationAgents.insert(a));
    const search = (query?: string, after?: ConversationAgentEntity, limit = 10) =>
      store.run((r) => r.conversationAgents.search(l, { query, after, limit })).then((x) => x.map((a) => a.name));
    expect(await search('BOOKING')).toEqual(['Booking Bot', 'booking_helper']);
    expect(await search('g_h')).toEqual(['booking_helper']);
    expect(await search('0%')).toEqual(['100% Sales']);
    expect(await search(undefined, agents[1], 10)).toEqual(['100% Sales', 'Support']);
    expect(await search(undefined, undefined, 2)).toEqual(['Booking Bot', 'booking_helper']);
  });

  it('refuses a second advancedFollowup action for the same scenario with DuplicateKeyError', async () => {
    const a = agent(loc, 'Dup', new Date());
    await store.run((r) => r.conversationAgents.insert(a));
    const action = (scenarioId: string | null) =>
      Object.assign(new AgentActionEntity(), {
        id: newId(),
        locationId: loc,
        agentId: a.id,
        type: 'advancedFollowup',
        name: 'f',
        details: { enabled: true },
        scenarioId,
        createdAt: new Date(),
        updatedAt: new Date(),
      });
    await store.run((r) => r.agentActions.insert(action('contactIsBusy')));
    await expect(store.run((r) => r.agentActions.insert(action('contactIsBusy')))).rejects.toBeInstanceOf(DuplicateKeyError);
    await store.run((r) => r.agentActions.insert(action(null)));
    await store.run((r) => r.agentActions.insert(action(null)));
    expect(await store.run((r) => r.agentActions.listByAgent(loc, a.id))).toHaveLength(3);
    expect(await store.run((r) => r.conversationAgents.delete(loc, a.id))).toBe(true);
    expect(await store.run((r) => r.agentActions.listByAgent(loc, a.id))).toHaveLength(0);
  });

  it('rolls a failed transaction back without touching work that ran beside it', async () => {
    const kept = agent(loc, 'Kept', new Date());
    const doomed = agent(loc, 'Doomed', new Date());
    const failing = store.transaction(async (r) => {
      await r.conversationAgents.insert(doomed);
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error('boom');
    });
    const beside = store.run((r) => r.conversationAgents.insert(kept));
    await expect(failing).rejects.toThrow('boom');
    await beside;
    expect(await store.run((r) => r.conversationAgents.findById(loc, doomed.id))).toBeNull();
    expect(await store.run((r) => r.conversationAgents.findById(loc, kept.id))).not.toBeNull();
  });

  it("commits units of many lanes together, each seeing its own lane's writes, and isolates the one that fails", async () => {
    // Each lane writes an agent, reads it back and renames it: interleaved on PostgreSQL's one
    // connection per group (their statements pipelined), one after another on SQLite.
    const lanes = Array.from({ length: 24 }, (_, i) => `test:lane${i}`);
    const taken = agent(loc, 'Taken', new Date());
    await store.run((r) => r.conversationAgents.insert(taken));
    const steps: string[] = [];
    const results = await Promise.allSettled(
      lanes.map((lane, i) =>
        store.transaction(
          async (r) => {
            const mine = i === 7 ? Object.assign(agent(loc, lane, new Date()), { id: taken.id }) : agent(loc, lane, new Date());
            await r.conversationAgents.insert(mine); // lane7 reuses an id: a unique violation
            steps.push(`${lane} wrote`);
            const read = await r.conversationAgents.findById(loc, mine.id);
            await r.conversationAgents.save(Object.assign(read as ConversationAgentEntity, { name: `${lane} renamed` }));
            steps.push(`${lane} renamed`);
            return mine.id;
          },
          { lane },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[7]?.status === 'rejected' && results[7].reason).toBeInstanceOf(DuplicateKeyError);
    const ids = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value as string] : []));
    const stored = await store.run((r) => Promise.all(ids.map((id) => r.conversationAgents.findById(loc, id))));
    expect(stored.map((a) => a?.name)).toEqual(lanes.filter((_, i) => i !== 7).map((lane) => `${lane} renamed`));
    expect((await store.run((r) => r.conversationAgents.findById(loc, taken.id)))?.name).toBe('Taken');
    // Interleaved on PostgreSQL: the second lane had written before the first went on.
    expect(steps.indexOf('test:lane1 wrote') < steps.indexOf('test:lane0 renamed')).toBe(engine === 'postgres');
  });

  it('lists follow-ups newest first with a cursor and filters', async () => {
    const rows = Array.from({ length: 5 }, (_, i) =>
      Object.assign(new FollowupEntity(), {
        id: newId(),
        locationId: loc,
        debtId: null,
        contactId: i % 2 ? 'c1' : 'c2',
        conversationId: null,
        status: i < 3 ? 'scheduled' : 'sent',
        type: 'sms',
        callDate: null,
        scheduledAt: at(`2026-04-0${i + 1}T10:00:00Z`),
        summary: null,
        notes: null,
        callId: null,
        audioUrl: null,
        durationMs: null,
        disconnectionReason: null,
        direction: null,
        phoneNumberUsed: null,
        isRetry: false,
        processedAt: null,
        createdAt: at(`2026-04-0${i + 1}T00:00:00Z`),
        updatedAt: new Date(),
      }),
    );
    for (const f of rows) await store.run((r) => r.followups.insert(f));
    const page1 = await store.run((r) => r.followups.list(loc, {}, 2));
    expect(page1.map((f) => f.id)).toEqual([rows[4]?.id, rows[3]?.id]);
    const last = page1[1] as FollowupEntity;
    const page2 = await store.run((r) => r.followups.list(loc, {}, 2, { createdAt: last.createdAt.getTime(), id: last.id }));
    expect(page2.map((f) => f.id)).toEqual([rows[2]?.id, rows[1]?.id]);
    const filtered = await store.run((r) =>
      r.followups.list(loc, { status: 'scheduled', contactId: 'c1', scheduledFrom: at('2026-04-02T00:00:00Z') }, 10),
    );
    expect(filtered.map((f) => f.id)).toEqual([rows[1]?.id]);
  });
});

describe('opening a store', () => {
  it('names DATABASE_URL in one line when PostgreSQL cannot be reached', async () => {
    await expect(openDataSource({ databaseUrl: 'postgres://nobody@127.0.0.1:1/nothing', sqlitePath: '' })).rejects.toThrow(
      /^DATABASE_URL: cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nothing \(ECONNREFUSED\)$/,
    );
  });

  it('refuses a URL of another kind', () => {
    expect(() => dataSourceOptions({ databaseUrl: 'mysql://x/y', sqlitePath: '' })).toThrow(StoreConfigError);
    expect(() => dataSourceOptions({ databaseUrl: 'not a url', sqlitePath: '' })).toThrow('DATABASE_URL: is not a valid URL');
  });

  it('applies migrations once even when two processes start together on PostgreSQL', async () => {
    const { testStoreConfig } = await import('../testing');
    const { config, dispose } = testStoreConfig('postgres');
    const opened: DataSource[] = await Promise.all([openDataSource(config), openDataSource(config)]);
    try {
      const rows: unknown[] = await (opened[0] as DataSource).query(`SELECT name FROM "${config.databaseSchema}".migrations`);
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await Promise.all(opened.map((d) => d.destroy()));
      await dispose();
    }
  });

  it.each(ENGINES)('upgrades a %s store of an earlier version without losing its rows', async (engine) => {
    const { testStoreConfig } = await import('../testing');
    const { config, dispose } = testStoreConfig(engine);
    const old = new DataSource({ ...dataSourceOptions(config), migrations: [MIGRATIONS[0] as (typeof MIGRATIONS)[number]] } as never);
    await old.initialize();
    try {
      if (engine === 'postgres') await old.query(`CREATE SCHEMA IF NOT EXISTS "${config.databaseSchema}"`);
      await old.runMigrations();
      const table = engine === 'postgres' ? `"${config.databaseSchema}".followups` : 'followups';
      await old.query(
        `INSERT INTO ${table} (id, location_id, status, type, is_retry, created_at, updated_at) VALUES ('f1', 'l1', 'on_hold', 'call', ${engine === 'postgres' ? 'false' : '0'}, 1, 1)`,
      );
    } finally {
      await old.destroy();
    }
    const upgraded = new Store(await openDataSource(config));
    try {
      const row = await upgraded.run((r) => r.followups.findById('l1', 'f1'));
      expect(row).toMatchObject({ status: 'on_hold', type: 'call', attempt: 0, movedByWorkingHours: false, scenario: null });
    } finally {
      await upgraded.close();
      await dispose();
    }
  });

  it.each(ENGINES)('gives existing %s conversations an active bot and existing contacts no tags', async (engine) => {
    const { testStoreConfig } = await import('../testing');
    const { config, dispose } = testStoreConfig(engine);
    const earlier = MIGRATIONS.filter((m) => m !== ConversationState1764300000000);
    const old = new DataSource({ ...dataSourceOptions(config), migrations: earlier } as never);
    await old.initialize();
    try {
      if (engine === 'postgres') await old.query(`CREATE SCHEMA IF NOT EXISTS "${config.databaseSchema}"`);
      await old.runMigrations();
      const table = (name: string) => (engine === 'postgres' ? `"${config.databaseSchema}".${name}` : name);
      await old.query(
        `INSERT INTO ${table('contacts')} (id, location_id, opted_out, created_at, updated_at) VALUES ('c1', 'l1', '[]', 1, 1)`,
      );
      await old.query(
        `INSERT INTO ${table('conversations')} (id, location_id, contact_id, channel, version, created_at, updated_at) VALUES ('v1', 'l1', 'c1', 'sms', 0, 1, 1)`,
      );
    } finally {
      await old.destroy();
    }
    const upgraded = new Store(await openDataSource(config));
    try {
      expect(await upgraded.run((r) => r.contacts.findById('l1', 'c1'))).toMatchObject({ tags: [] });
      expect(await upgraded.run((r) => r.conversations.findById('l1', 'v1'))).toMatchObject({
        botStatus: 'active',
        botSleepUntil: null,
        assignedUserId: null,
        statusId: null,
      });
    } finally {
      await upgraded.close();
      await dispose();
    }
  });
});
