import { TwilioApiDouble } from '@followup/testing';
import { ENGINES, useGateway } from '../support/fixtures';

/** Prometheus' scrape of GET /metrics: its own scope, and what the gateway did since it started. */
describe.each(ENGINES)('metrics on %s', (engine) => {
  const gw = useGateway(engine);
  const twilio = new TwilioApiDouble();
  let hook: string;

  const scrape = async (token: string | null) => {
    const res = await fetch(`${gw.gateway.url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  };
  /** A sample's value from the exposition text, e.g. value(text, 'followup_webhooks_total', {outcome: 'accepted'}). */
  const value = (text: string, name: string, labels: Record<string, string> = {}) => {
    const line = text
      .split('\n')
      .find((l) =>
        l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)) : false,
      );
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  };

  beforeAll(async () => {
    const url = await twilio.start();
    const connection = await gw.api.post('/channels', {
      type: 'sms',
      provider: 'twilio',
      name: 'n',
      settings: twilio.connectionSettings(url),
    });
    hook = `${gw.gateway.url}/webhooks/twilio/${connection.body.id}/messages`;
  });
  afterAll(() => twilio.stop());

  it('needs a token with the metrics scope, and a metrics-only token reads nothing else', async () => {
    expect((await scrape(null)).status).toBe(401);
    const readOnly = await gw.cli('token', '--location', gw.locationId, '--scopes', 'followups.readonly');
    expect((await scrape(/token:\s+(fgw_\S+)/.exec(readOnly.stdout)?.[1] ?? '')).status).toBe(401);
    const scraper =
      /token:\s+(fgw_\S+)/.exec((await gw.cli('token', '--location', gw.locationId, '--scopes', 'metrics')).stdout)?.[1] ?? '';
    const ok = await scrape(scraper);
    expect(ok.status).toBe(200);
    expect(ok.type).toContain('text/plain');
    expect(ok.text).toContain('# TYPE followup_webhooks_total counter');
    const other = await fetch(`${gw.gateway.url}/contacts`, { headers: { authorization: `Bearer ${scraper}` } });
    expect(other.status).toBe(401);
  });

  it('counts webhooks by outcome, times the ingest, and shows the queue', async () => {
    const token = gw.gateway.token as string;
    const before = (await scrape(token)).text;
    expect((await twilio.sendInbound(hook, { from: '+14155550123', to: '+15005550006', body: 'busy, text me later' })).status).toBe(200);
    expect((await twilio.post(hook, { MessageSid: 'SMforged', From: '+14155550123', Body: 'x' }, 'wrong-token')).status).toBe(403);
    const after = (await scrape(token)).text;
    const accepted = { provider: 'twilio', hook: 'messages', outcome: 'accepted' };
    expect((value(after, 'followup_webhooks_total', accepted) ?? 0) - (value(before, 'followup_webhooks_total', accepted) ?? 0)).toBe(1);
    expect(value(after, 'followup_webhooks_total', { ...accepted, outcome: 'rejected' })).toBe(1);
    expect(value(after, 'followup_webhook_duration_seconds_count', { provider: 'twilio', hook: 'messages' })).toBeGreaterThanOrEqual(1);
    for (const gauge of ['followup_queue_due', 'followup_queue_oldest_due_age_seconds']) expect(value(after, gauge)).toBe(0);
    for (const status of ['scheduled', 'on_hold', 'in_progress'])
      expect(value(after, 'followup_followups', { status })).toEqual(expect.any(Number));
    expect(after).toContain('followup_process_resident_memory_bytes');
  });
});
