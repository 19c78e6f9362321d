import type { RunningGateway } from '@followup/testing';

/** What leads text back: busy, asking for later (so detection and scheduling run), and plain replies. */
export const INGEST_TEXTS = [
  'busy right now, text me later',
  'Can you call me tomorrow at 3?',
  'ok thanks',
  'estoy ocupado, llámame mañana a las 10',
  'sounds good, what are the prices?',
  'tô no trabalho agora',
  'in a meeting',
  'call me next week',
  'yes please',
  'who is this?',
];

async function api(gateway: RunningGateway, method: string, path: string, body?: unknown): Promise<{ id: string }> {
  const res = await fetch(`${gateway.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${gateway.token}`, version: '2021-04-15', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await res.json()) as { id: string };
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

const step = (id: number, unit: string, time: number, text: string) => ({
  id,
  followupTimeUnit: unit,
  followupTime: time,
  aiEnabledMessage: false,
  customMessage: text,
});

/**
 * A location as a business runs it: an agent with the busy and requested-follow-up scenarios on,
 * working hours, and a Twilio number whose inbound texts reach that agent. Answers their ids.
 */
export async function setUpIngestLocation(
  gateway: RunningGateway,
  twilio: { authToken: string; accountSid: string; from: string },
): Promise<{ agentId: string; connectionId: string }> {
  const agent = await api(gateway, 'POST', '/conversation-ai/agents', {
    name: 'Front desk',
    businessName: 'Acme Dental',
    personality: 'friendly',
    goal: 'book visits',
    instructions: 'be brief',
    timezone: 'America/New_York',
  });
  const workingHours = [1, 2, 3, 4, 5].map((day) => ({
    dayOfTheWeek: day,
    intervals: [{ startHour: 9, startMinute: 0, endHour: 18, endMinute: 0 }],
  }));
  const settings = { dynamicChannelSwitching: false, followUpHours: true, workingHours, timezoneToUse: 'contact' };
  for (const scenarioId of ['contactIsBusy', 'contactRequested']) {
    await api(gateway, 'POST', `/conversation-ai/agents/${agent.id}/actions`, {
      type: 'advancedFollowup',
      name: scenarioId,
      details: {
        enabled: true,
        scenarioId,
        followupSequence: [step(1, 'hours', 2, 'Hi {{contact.first_name}}, is now better?'), step(2, 'days', 1, 'Still there?')],
        followupSettings: settings,
      },
    });
  }
  const connection = await api(gateway, 'POST', '/channels', {
    type: 'sms',
    provider: 'twilio',
    name: 'Main number',
    default_agent_id: agent.id,
    settings: { account_sid: twilio.accountSid, auth_token: twilio.authToken, from: twilio.from, api_base_url: 'http://127.0.0.1:9' },
  });
  return { agentId: agent.id, connectionId: connection.id };
}
