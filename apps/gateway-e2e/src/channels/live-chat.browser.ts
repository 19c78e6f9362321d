import { TwilioApiDouble } from '@followup/testing';
import type { BrowserContext, Page } from 'playwright-core';
import { useGateway } from '../support/fixtures';
import { Json } from '../support/http';
import { eventually } from '../support/eventually';
import { chatAgent, chatConnection, launchChromium, startWebsite } from '../support/live-chat';

const START = '2026-06-15T13:00:00.000Z';
const HOUR = 3_600_000;

/**
 * The widget as a visitor meets it, once (on SQLite): Debian's Chromium loads a page of another
 * origin that embeds the widget with one script tag, the visitor gives their name and phone, writes,
 * sees the bot's reply, reloads (the history is there), and leaves; an hour later the follow-up goes
 * out by SMS. Then the hosted chat page under its own content security policy. With
 * LIVE_CHAT_SCREENSHOT=<file> it also saves the screenshot the README shows.
 */
export function describeLiveChatInBrowser(): void {
  describe('the live chat widget in Chromium (SQLite)', () => {
    const gw = useGateway('sqlite', { TEST_CLOCK: 'manual', TEST_CLOCK_START: START });
    const twilio = new TwilioApiDouble();
    let browser: { context: BrowserContext; close(): Promise<void> };
    let site: { origin: string; stop(): Promise<void> };
    let chatId: string;
    const problems: string[] = [];
    const watch = (page: Page) => {
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
    };

    beforeAll(async () => {
      const url = await twilio.start();
      await gw.api.post('/channels', { type: 'sms', provider: 'twilio', settings: twilio.connectionSettings(url) });
      // The page's origin is known once its server listens; the connection allows exactly it.
      let html = '';
      site = await startWebsite(() => html);
      const chat = await chatConnection(gw.api, await chatAgent(gw.api, true), {
        allowed_origins: [site.origin],
        title: 'Acme Dental',
        greeting: 'Hi! Ask us anything about your visit.',
        color: '#0f766e',
        ask_for: ['name', 'phone'],
      });
      chatId = chat.id;
      html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Dental</title></head>
<body style="font-family:sans-serif;margin:2rem"><h1>Acme Dental</h1><p>Gentle dentistry in the heart of town. Book your visit online.</p>
<script src="${gw.gateway.url}/widget/${chat.id}.js" async></script></body></html>`;
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await site?.stop();
      await twilio.stop();
    });

    it("talks with a visitor on another origin's page, and follows up by SMS after they left", async () => {
      const page = await browser.context.newPage();
      watch(page);
      await page.goto(site.origin);
      await page.getByRole('button', { name: 'Open chat: Acme Dental' }).click();
      await page.getByRole('dialog', { name: 'Acme Dental' }).getByText('Hi! Ask us anything about your visit.').waitFor();
      await page.getByLabel('Your name').fill('Grace Hopper');
      await page.getByLabel('Your phone (with country code)').fill('+1 415 555 0188');
      await page.getByRole('button', { name: 'Start chatting' }).click();
      const box = page.getByRole('textbox', { name: 'Message', exact: true });
      await box.fill('Can I come on Tuesday at 10?');
      await box.press('Enter');

      const conversation: Json = await eventually(async () => {
        const contacts = (await gw.api.get('/contacts?limit=100')).body.data;
        const grace = contacts.find((c: Json) => c.phone === '+14155550188');
        expect(grace).toMatchObject({ name: 'Grace Hopper' });
        const found = (await gw.api.get(`/conversations?contact_id=${grace.id}`)).body.data[0];
        const items = (await gw.api.get(`/conversations/${found.id}/timeline`)).body.items;
        expect(items.map((i: Json) => i.message?.body)).toContain('Can I come on Tuesday at 10?');
        return found;
      });
      await page.locator('.msg.inbound:not(.pending)', { hasText: 'Can I come on Tuesday at 10?' }).waitFor();
      const reply = await gw.api.post(`/conversations/${conversation.id}/messages`, {
        direction: 'outbound',
        body: 'Tuesday at 10 works. Shall I book it for you?',
        send: true,
      });
      expect(reply.status).toBe(201);
      await page.locator('.msg.outbound', { hasText: 'Tuesday at 10 works' }).waitFor();
      const shot = process.env['LIVE_CHAT_SCREENSHOT'];
      if (shot) await page.screenshot({ path: shot });

      // The visitor id is kept in the page's storage: after a reload the history is there, once.
      await page.reload();
      await page.getByRole('button', { name: 'Open chat: Acme Dental' }).click();
      await page.locator('.msg.outbound', { hasText: 'Tuesday at 10 works' }).waitFor();
      expect(await page.locator('.msg.inbound').count()).toBe(1);
      await page.close();

      await new Promise((r) => setTimeout(r, 300)); // the socket's close reaches the gateway
      await gw.moveClock(HOUR);
      await eventually(() => expect(twilio.messages.map((m) => [m.to, m.body])).toContainEqual(['+14155550188', 'Hi Grace, still there?']));
      const steps = (await gw.timeline(conversation.id)).filter((i) => i.kind === 'followup').map((i) => i.followup);
      expect(steps[0]).toMatchObject({ channel: 'sms', reason: 'switched from live_chat to sms (live_chat: session inactive)' });
      expect(problems).toEqual([]);
    });

    it('serves the hosted chat page under its own policy, and the widget works there', async () => {
      const page = await browser.context.newPage();
      watch(page);
      await page.goto(`${gw.gateway.url}/chat/${chatId}`);
      const dialog = page.getByRole('dialog', { name: 'Acme Dental' });
      await dialog.waitFor();
      await page.getByLabel('Your name').fill('Alan');
      await page.getByLabel('Your phone (with country code)').fill('+14155550199');
      await page.getByRole('button', { name: 'Start chatting' }).click();
      const box = page.getByRole('textbox', { name: 'Message', exact: true });
      await box.fill('Hello from the hosted page');
      await box.press('Enter');
      await page.locator('.msg.inbound:not(.pending)', { hasText: 'Hello from the hosted page' }).waitFor();
      expect(problems).toEqual([]);
      await page.close();
    });
  });
}
