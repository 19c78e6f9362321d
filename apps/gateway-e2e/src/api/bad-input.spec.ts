import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { ENGINES, useGateway } from '../support/fixtures';
import { Api, Json } from '../support/http';

/**
 * Property: whatever a client sends to a write route, the answer is 2xx or 4xx (never 5xx), and a
 * refused request leaves every stored resource exactly as it was.
 */

type Body = Record<string, unknown>;

/** Fixed by default so CI is repeatable; FUZZ_SEED=random (or a number) explores further. */
function fuzzSeed(): number {
  const given = process.env['FUZZ_SEED'];
  if (given === 'random') return Date.now() % 2 ** 31;
  return given ? Number(given) : 20261123;
}

interface Route {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  valid: Body;
}

const followupAction = (scenarioId: string): Body => ({
  type: 'advancedFollowup',
  name: 'Follow-up',
  details: {
    enabled: true,
    scenarioId,
    followupSequence: [{ id: 1, followupTimeUnit: 'hours', followupTime: 2, aiEnabledMessage: false, customMessage: 'Hi' }],
    followupSettings: {
      dynamicChannelSwitching: true,
      followUpHours: true,
      workingHours: [{ dayOfTheWeek: 1, intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }] }],
    },
  },
});

/** JSON values of every shape, strings including NUL, lone surrogates and other odd code units. */
const jsonish: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 300 }),
    fc.integer(),
    fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 53, -(2 ** 63), 1e308, -0),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('', ' ', 'PT30M', 'P1D', '2026-13-45T99:00:00Z', 'America/New_York', '+14155550123', 'x'.repeat(5000)),
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ maxLength: 12 }), tie('value'), { maxKeys: 6 }),
  ),
})).value;

/** Paths inside a body, e.g. ['details', 'followupSequence', 0, 'followupTime']. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  }
  return [];
}

function mutate(body: Body, path: (string | number)[], op: 'set' | 'delete' | 'add', value: unknown, key: string): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Json;
  if (path.length === 0) return op === 'add' ? { ...copy, [key]: value } : value;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step];
  const last = path[path.length - 1] as string | number;
  if (op === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (op === 'add' && parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) {
    parent[last][key] = value;
  } else {
    parent[last] = value;
  }
  return copy;
}

/** A request body: a valid one mutated at one point, or anything at all, or bytes that are not JSON. */
const bodyFor = (valid: Body) =>
  fc
    .oneof(
      {
        arbitrary: fc.record({
          kind: fc.constant('mutated' as const),
          at: fc.nat(),
          op: fc.constantFrom('set', 'delete', 'add') as fc.Arbitrary<'set' | 'delete' | 'add'>,
          value: jsonish,
          key: fc.string({ maxLength: 10 }),
        }),
        weight: 6,
      },
      { arbitrary: fc.record({ kind: fc.constant('any' as const), value: jsonish }), weight: 2 },
      { arbitrary: fc.record({ kind: fc.constant('raw' as const), text: fc.string({ unit: 'binary', maxLength: 60 }) }), weight: 1 },
    )
    .map((g) => {
      if (g.kind === 'raw') return { raw: g.text };
      if (g.kind === 'any') return { raw: JSON.stringify(g.value) ?? 'null' };
      const all = [[], ...paths(valid)];
      const path = all[g.at % all.length] as (string | number)[];
      return { raw: JSON.stringify(mutate(valid, path, g.op, g.value, g.key)) ?? 'null' };
    });

describe.each(ENGINES)('bad input on every write route (%s)', (engine) => {
  const gw = useGateway(engine);
  let routes: Route[];
  let snapshotOf: () => Promise<unknown>;

  beforeAll(async () => {
    const api = gw.api;
    const agent = (await api.post('/conversation-ai/agents', { name: 'Fuzz', personality: 'p', goal: 'g', instructions: 'i' })).body;
    const action = (await api.post(`/conversation-ai/agents/${agent.id}/actions`, followupAction('contactIsBusy'))).body.data;
    const voice = (await api.post('/voice-ai/agents', { locationId: gw.locationId })).body;
    const config = (
      await api.post('/backend/followup/configs', {
        assistant_id: randomUUID(),
        trigger_status_ids: [randomUUID()],
        steps: [{ interval: 'PT1H', prompt: 'p' }],
      })
    ).body;
    const followup = (await api.post('/followups', { type: 'sms', debt_id: 'd1', scheduled_at: '2026-12-01T10:00:00Z' })).body.data;
    routes = [
      {
        method: 'POST',
        path: '/conversation-ai/agents',
        valid: {
          name: 'A',
          personality: 'p',
          goal: 'g',
          instructions: 'i',
          waitTime: 3,
          waitTimeUnit: 'minutes',
          timezone: 'Europe/London',
          channels: ['SMS'],
        },
      },
      {
        method: 'PUT',
        path: `/conversation-ai/agents/${agent.id}`,
        valid: { name: 'B', autoPilotMaxMessages: 10, sleepEnabled: true, sleepTime: 3, sleepTimeUnit: 'hours' },
      },
      { method: 'POST', path: `/conversation-ai/agents/${agent.id}/actions`, valid: followupAction('contactRequested') },
      { method: 'PUT', path: `/conversation-ai/agents/${agent.id}/actions/${action.id}`, valid: followupAction('contactIsBusy') },
      {
        method: 'PATCH',
        path: `/conversation-ai/agents/${agent.id}/followup-settings`,
        valid: { actionIds: [action.id], followupSettings: { dynamicChannelSwitching: false, timezoneToUse: 'contact' } },
      },
      {
        method: 'POST',
        path: '/voice-ai/agents',
        valid: {
          locationId: gw.locationId,
          agentName: 'V',
          language: 'es',
          translation: { enabled: true, language: 'es' },
          agentWorkingHours: [{ dayOfTheWeek: 7, intervals: [{ startHour: 8, startMinute: 0, endHour: 9, endMinute: 0 }] }],
        },
      },
      {
        method: 'PATCH',
        path: `/voice-ai/agents/${voice.id}`,
        valid: { maxCallDuration: 200, timezone: 'Asia/Tokyo', inboundNumber: '+14155550123' },
      },
      {
        method: 'POST',
        path: '/backend/followup/configs',
        valid: {
          assistant_id: randomUUID(),
          trigger_status_ids: [randomUUID()],
          steps: [{ interval: 'P1D', template_name: 't' }],
          official_steps: [{ channel_id: 'c', app_id: 'a', steps: [{ interval: 'PT2H', prompt: 'p' }] }],
        },
      },
      {
        method: 'PUT',
        path: `/backend/followup/configs/${config.id}`,
        valid: { is_active: false, steps: [{ interval: 'PT30M', prompt: 'q' }] },
      },
      {
        method: 'POST',
        path: '/followups',
        valid: { type: 'manual_call', debt_id: 'x', scheduled_at: '2026-12-01T10:00:00Z', duration_ms: 10 },
      },
      {
        method: 'PUT',
        path: `/followups/${followup.id}`,
        valid: { status: 'delivered', notes: 'n', debt_id: 'd1', call_date: '2026-12-01T11:00:00+02:00' },
      },
    ];
    snapshotOf = async () => {
      const reads = [
        '/conversation-ai/agents/search?limit=100',
        `/conversation-ai/agents/${agent.id}`,
        `/conversation-ai/agents/${agent.id}/actions/list`,
        '/voice-ai/agents?pageSize=50',
        `/voice-ai/agents/${voice.id}`,
        `/backend/followup/configs/tenant/${gw.locationId}`,
        '/followups?limit=100',
        `/followups/${followup.id}`,
      ];
      return Promise.all(reads.map(async (path) => (await api.get(path)).body));
    };
  });

  it('never answers 5xx and never changes stored data when it refuses', async () => {
    const api: Api = gw.api;
    let before = await snapshotOf();
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat().chain((i) => {
          const route = routes[i % routes.length] as Route;
          return bodyFor(route.valid).map((body) => ({ route, body }));
        }),
        async ({ route, body }) => {
          const res = await api.request(route.method, route.path, body);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500)
            throw new Error(`${route.method} ${route.path} answered ${res.status} to ${body.raw}: ${JSON.stringify(res.body)}`);
          const after = await snapshotOf();
          if (res.status >= 400) expect(after).toEqual(before);
          before = after;
        },
      ),
      { numRuns: 300, seed: fuzzSeed() },
    );
    // The generator must reach both sides: accepted and refused requests.
    const accepted = [...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
    const refused = [...statuses].filter(([s]) => s >= 400).reduce((n, [, c]) => n + c, 0);
    expect(accepted).toBeGreaterThan(10);
    expect(refused).toBeGreaterThan(100);
  });

  it('answers 4xx, not 5xx, to odd ids and queries on read and delete routes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }), async (raw) => {
        const id = encodeURIComponent(raw);
        for (const path of [
          `/conversation-ai/agents/${id}`,
          `/voice-ai/agents/${id}`,
          `/backend/followup/configs/${id}`,
          `/followups/${id}`,
          `/followups?cursor=${id}&limit=${id}`,
          `/conversation-ai/agents/search?startAfter=${id}&query=${id}`,
        ]) {
          for (const method of ['GET', 'DELETE']) {
            if (method === 'DELETE' && path.includes('?')) continue;
            const res = await gw.api.request(method, path);
            if (res.status >= 500 || res.status < 400) throw new Error(`${method} ${path} answered ${res.status}`);
          }
        }
      }),
      { numRuns: 60, seed: fuzzSeed() },
    );
  });
});
