import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, Page, chromium } from 'playwright-core';
import { ROOT, WebhookReceiver } from '@followup/testing';
import { useGateway } from '../support/fixtures';
import { Api } from '../support/http';

/**
 * The dashboard in a real browser (Debian's Chromium through playwright-core), against the built
 * gateway on SQLite with a manual clock: one browser, one gateway, one scripted flow. Each page is
 * photographed into docs/screenshots (the README shows them).
 * Start: Monday 2026-06-15 09:00 in New York (13:00Z); the contact lives in Los Angeles.
 */
const START = '2026-06-15T13:00:00.000Z';
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'docs/screenshots');
const weekdays = [1, 2, 3, 4, 5].map((d) => ({
  dayOfTheWeek: d,
  intervals: [{ startHour: 9, startMinute: 0, endHour: 17, endMinute: 0 }],
}));

describe('the dashboard in a browser', () => {
  const gw = useGateway('sqlite', { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  let api: Api;
  const ids: Record<string, string> = {};
  const receiver = new WebhookReceiver();
  const url = (path: string) => `${gw.gateway.url}/ui${path}`;
  const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    api = gw.api;
    profile = mkdtempSync(join(tmpdir(), 'fgw-chromium-'));
    // A fresh profile (user data dir) each run.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 860 },
      timezoneId: 'Europe/London',
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    const agent = await api.post('/conversation-ai/agents', {
      name: 'Front desk',
      businessName: 'Acme Dental',
      personality: 'p',
      goal: 'g',
      instructions: 'i',
      timezone: 'America/New_York',
    });
    ids['agent'] = agent.body.id;
    const action = await api.post(`/conversation-ai/agents/${ids['agent']}/actions`, {
      type: 'advancedFollowup',
      name: 'Stopped replying',
      details: {
        enabled: true,
        scenarioId: 'contactStoppedReplying',
        followupSequence: [
          {
            id: 1,
            followupTimeUnit: 'hours',
            followupTime: 2,
            aiEnabledMessage: false,
            customMessage: 'Hi {{contact.first_name}}, still interested?',
          },
          { id: 2, followupTimeUnit: 'days', followupTime: 1, aiEnabledMessage: false, customMessage: 'Just checking in.' },
        ],
      },
    });
    ids['action'] = action.body.data.id;
    await api.patch(`/conversation-ai/agents/${ids['agent']}/followup-settings`, {
      actionIds: [ids['action']],
      followupSettings: { dynamicChannelSwitching: false, followUpHours: true, timezoneToUse: 'contact', workingHours: weekdays },
    });
    await api.post('/channels', { type: 'sms', provider: 'webhook', name: 'Front desk SMS', settings: { url: await receiver.start() } });
    for (const [key, name, phone] of [
      ['ada', 'Ada Lovelace', '+14155550123'],
      ['bo', 'Bo Diddley', '+14155550124'],
    ]) {
      const contact = await api.post('/contacts', { name, first_name: name.split(' ')[0], phone, timezone: 'America/Los_Angeles' });
      ids[key] = (await api.post('/conversations', { contact_id: contact.body.id, agent_id: ids['agent'], channel: 'sms' })).body.id;
    }
    // Ada: the agent speaks at 09:00 New York (06:00 Los Angeles); step 1 (2 h later) moves into her hours, 09:00 her time.
    await api.post(`/conversations/${ids['ada']}/messages`, { direction: 'outbound', body: 'Would you like to book a cleaning?' });
    // Bo: a follow-up goes out, then Bo replies: the reply rate's flow.
    await api.post(`/conversations/${ids['bo']}/messages`, { direction: 'outbound', body: 'Your check-up is due.' });
  });
  afterAll(async () => {
    await browser?.close();
    await receiver.stop();
    rmSync(profile, { recursive: true, force: true });
  });

  it('signs in, finds a conversation, cancels its pending follow-up, edits hours, and draws the reply rate', async () => {
    await page.goto(url('/'));
    await page.getByLabel('API token').fill('fgw_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not valid/);
    await shot('sign-in');
    await page.getByLabel('API token').fill(gw.gateway.token as string);
    await page.getByRole('button', { name: 'Sign in' }).click();
    for (const name of ['Conversations', 'Agents', 'Analytics', 'Channels']) await page.getByRole('link', { name, exact: true }).waitFor();

    // Find Ada: her pending step 1, due 08:00 her time (Los Angeles), moved into her hours: 09:00, 16:00Z.
    await page.getByRole('row', { name: /Bo Diddley/ }).waitFor();
    await page.getByLabel('Search').fill('ada');
    await page.getByRole('row', { name: /Bo Diddley/ }).waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /Ada Lovelace/ });
    await expect(page.getByRole('row').count()).resolves.toBe(2);
    await expect(row.textContent()).resolves.toMatch(/Mon, 15 Jun 2026, 09:00 \(America\/Los_Angeles\)/);
    await page.getByLabel('Search').fill('');
    await page.getByRole('row', { name: /Bo Diddley/ }).waitFor();
    await shot('conversations');
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    const pending = page.getByRole('article', { name: /step 1, scheduled/ });
    await expect(pending.locator('.local-time').textContent()).resolves.toBe('Mon, 15 Jun 2026, 09:00');
    await expect(pending.textContent()).resolves.toMatch(/15 Jun 2026, 16:00 UTC/);
    await page.getByRole('article', { name: /step 2, planned/ }).waitFor();
    await shot('conversation');
    await pending.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel follow-up' }).click();
    await page.getByRole('article', { name: /step 1, cancelled/ }).waitFor();
    const followups = (await api.get(`/followups?conversation_id=${ids['ada']}`)).body.data;
    expect(followups.map((f: { status: string; reason_code: string }) => [f.status, f.reason_code])).toEqual([
      ['cancelled', 'cancelled_by_user'],
    ]);

    // Agents: close Tuesday and watch the preview move (a Tuesday 08:00 start: step 1 from Tuesday 10:00 to Wednesday 09:00).
    await page.getByRole('link', { name: 'Agents', exact: true }).click();
    await page.getByLabel('Start time').fill('2026-06-16T08:00');
    await page.getByRole('textbox', { name: "Contact's time zone" }).fill('America/New_York');
    const step1 = page.locator('.preview-steps li[data-step="1"] .preview-local');
    await page.locator('.preview-steps li[data-step="1"]', { hasText: 'Tue, 16 Jun 2026, 10:00' }).waitFor();
    await page.getByRole('group', { name: 'Tuesday' }).getByRole('checkbox').uncheck();
    await page.locator('.preview-steps li[data-step="1"]', { hasText: 'Wed, 17 Jun 2026, 09:00' }).waitFor();
    await expect(step1.textContent()).resolves.toBe('Wed, 17 Jun 2026, 09:00');
    await page.getByLabel('Wednesday interval 1 end').fill('08:00');
    await expect(page.getByRole('group', { name: 'Wednesday' }).getByRole('alert').textContent()).resolves.toMatch(
      /interval 1 must start before it ends/,
    );
    await page.getByLabel('Wednesday interval 1 end').fill('17:00');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const saved = (await api.get(`/conversation-ai/agents/${ids['agent']}/actions/${ids['action']}`)).body.data.details.followupSettings;
    expect(saved.workingHours.map((d: { dayOfTheWeek: number }) => d.dayOfTheWeek)).toEqual([1, 3, 4, 5]);
    await shot('agents');

    // Bo's step 1 goes out (2 h later, 11:00 New York = 08:00 Los Angeles: moved to 09:00 LA, 16:00Z), then Bo replies.
    await gw.moveClock(4 * 3_600_000);
    await api.post(`/conversations/${ids['bo']}/messages`, { direction: 'inbound', body: 'Yes, Thursday works', intent: 'none' });
    const figures = (await api.get('/analytics/followups')).body;
    expect(figures.by_step).toEqual([{ scenario: 'contactStoppedReplying', step: 1, sent: 1, delivered: 0, replied: 1, reply_rate: 1 }]);
    await page.getByRole('link', { name: 'Analytics', exact: true }).click();
    await page.getByRole('heading', { name: 'Reply rate' }).waitFor();
    const chart = page.getByRole('img', { name: /Reply rate per step/ });
    await expect(chart.getAttribute('aria-label')).resolves.toBe('Reply rate per step. Stopped replying · 1: 100%');
    await expect(page.getByRole('img', { name: /Reply rate per channel/ }).getAttribute('aria-label')).resolves.toBe(
      'Reply rate per channel. SMS: 100%',
    );
    await expect(page.getByRole('row', { name: /step 1/ }).textContent()).resolves.toMatch(/100%/);
    await shot('analytics');

    await page.getByRole('link', { name: 'Channels', exact: true }).click();
    await page.getByRole('heading', { name: 'Front desk SMS' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Front desk');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.locator('.secret').textContent();
    expect(secret).toMatch(/^fgw_/);
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/whsec_[A-Za-z0-9]{8}/);
    await shot('channels');
    await expect(api.withToken(secret as string).get('/conversations?limit=1')).resolves.toMatchObject({ status: 200 });

    // A phone: the same pages fit a narrow screen; a deep link opens the conversation directly.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(url(`/conversations/${ids['bo']}`));
    await page.getByRole('heading', { name: 'Bo Diddley' }).waitFor();
    await shot('conversation-phone');
  });

  it('serves the app with its own content security policy and cache headers', async () => {
    const index = await fetch(url('/conversations/deep-link'));
    expect(index.status).toBe(200);
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const script = /src="(\/ui\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    const asset = await fetch(`${gw.gateway.url}${script}`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(url('/assets/nope.js'))).status).toBe(404);
  });
});
