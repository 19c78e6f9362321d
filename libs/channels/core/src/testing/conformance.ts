import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CHANNEL_TYPES } from '@followup/contracts';
import { ChannelProvider, ChannelType, ContactAddresses, SendContext, SendError } from '../lib/channel-adapter';
import { WebhookRejected, WebhookRequest, WebhookVerification } from '../lib/webhooks';

/**
 * The far side of a channel for the conformance suite: a double that speaks the provider's real
 * protocol (Twilio's REST API, an SMTP server, an HTTP receiver), and settings pointing at it.
 */
export interface ConformancePeer {
  /** Valid connection settings that send to this peer. */
  settings: Record<string, unknown>;
  /** A contact every channel of the provider can reach. */
  contact: ContactAddresses;
  /** Bodies of the messages the peer accepted so far, in order. */
  received(): Promise<string[]>;
  /** The peer refuses the next message (a definite failure: nothing was sent). */
  refuseNext(): void;
  /** A webhook request for `hook` that is signed or authenticated as the provider would do it. */
  authenticWebhook?(hook: string, connection: { id: string; settings: Record<string, unknown> }): WebhookRequest;
  /** For providers whose webhooks have `verify`: the handshake `GET` the provider would make. */
  authenticVerification?(hook: string, connection: { id: string; settings: Record<string, unknown> }): WebhookVerification;
  stop(): Promise<void>;
}

export interface ConformanceHarness {
  provider: ChannelProvider;
  start(): Promise<ConformancePeer>;
}

const NAME = /^[a-z][a-z0-9-]{0,31}$/;

/**
 * The checks every channel plugin passes (run it from the plugin's own spec):
 * its metadata, its settings validation, each adapter's capabilities, reachability and session
 * state, a real send to the peer and a refused one, and, when it has webhooks, that an
 * unauthenticated request is refused while an authentic one parses (and, when the webhooks answer
 * a verification `GET`, that one proving nothing is refused while the provider's is answered).
 */
export function describeChannelConformance(harness: ConformanceHarness): void {
  const { provider } = harness;
  describe(`channel conformance: ${provider.name}`, () => {
    let peer: ConformancePeer;
    beforeAll(async () => {
      peer = await harness.start();
    });
    afterAll(async () => {
      await provider.close?.();
      await peer?.stop();
    });

    it('names itself and the channels it serves', () => {
      expect(provider.name).toMatch(NAME);
      expect(provider.channels.length).toBeGreaterThan(0);
      for (const channel of provider.channels) expect(CHANNEL_TYPES).toContain(channel);
      expect(new Set(provider.channels).size).toBe(provider.channels.length);
      for (const key of provider.secretSettings) expect(typeof key).toBe('string');
    });

    it('accepts the peer settings and names each field of bad ones', () => {
      const settings = provider.completeSettings ? provider.completeSettings(peer.settings) : peer.settings;
      expect(provider.validateSettings(settings)).toEqual([]);
      const problems = provider.validateSettings({ unexpected_setting: 1 });
      expect(problems.length).toBeGreaterThan(0);
      for (const line of problems) expect(line).toMatch(/^settings\.[a-z_]+ /);
    });

    describe.each(provider.channels.map((c) => [c]))('the %s adapter', (channel: ChannelType) => {
      const adapter = () => provider.adapter(channel);

      it('declares what it is and what it can do', () => {
        const a = adapter();
        expect(a.channel).toBe(channel);
        expect(a.provider).toBe(provider.name);
        expect(typeof a.capabilities.templates).toBe('boolean');
        expect(typeof a.capabilities.idempotentSend).toBe('boolean');
        if (a.capabilities.maxLength !== undefined) expect(a.capabilities.maxLength).toBeGreaterThan(0);
        if (a.capabilities.session) expect(a.capabilities.session.windowMs).toBeGreaterThanOrEqual(0);
      });

      it('reaches the peer contact, and no one without an address', () => {
        expect(adapter().canReach(peer.contact)).toBe(true);
        if (channel !== 'live_chat') expect(adapter().canReach({})).toBe(false);
      });

      it('has an open session right after the contact wrote', () => {
        const now = new Date();
        expect(adapter().sessionState({ channel, lastInboundAt: new Date(now.getTime() - 1_000), lastOutboundAt: null }, now)).toBe('open');
        expect(['open', 'template_only', 'inactive']).toContain(
          adapter().sessionState({ channel, lastInboundAt: null, lastOutboundAt: null }, now),
        );
      });

      it('sends to the peer and answers the provider id and time', async () => {
        const before = (await peer.received()).length;
        const body = `conformance ${channel} ${Math.random().toString(36).slice(2, 10)}`;
        const result = await adapter().send({ to: peer.contact, body }, context(peer, provider, `conf_${channel}_ok`));
        expect(typeof result.providerMessageId).toBe('string');
        expect(result.providerMessageId.length).toBeGreaterThan(0);
        expect(result.acceptedAt).toBeInstanceOf(Date);
        expect(['queued', 'sent', 'delivered']).toContain(result.status);
        const received = await peer.received();
        expect(received.length).toBe(before + 1);
        expect(received[received.length - 1]).toContain(body);
      });

      it('reports a refused send as a definite SendError with a code', async () => {
        peer.refuseNext();
        const sending = adapter().send({ to: peer.contact, body: 'refused' }, context(peer, provider, `conf_${channel}_refused`));
        await expect(sending).rejects.toBeInstanceOf(SendError);
        const error = (await sending.catch((e: unknown) => e)) as SendError;
        expect(error.code).toMatch(/\S/);
        expect(error.definite).toBe(true);
      });
    });

    const webhooks = provider.webhooks;
    if (webhooks) {
      describe('webhooks', () => {
        // Completed once: a secret the provider generates (a verify token) stays the connection's.
        let completed: { id: string; settings: Record<string, unknown> } | undefined;
        const connection = () =>
          (completed ??= {
            id: 'conformance-connection',
            settings: provider.completeSettings ? provider.completeSettings(peer.settings) : peer.settings,
          });

        it('name their namespace and hooks', () => {
          expect(webhooks.namespace).toMatch(NAME);
          expect(webhooks.hooks.length).toBeGreaterThan(0);
          for (const hook of webhooks.hooks) expect(hook).toMatch(NAME);
        });

        it('declare the bodies they take (media types without parameters, a positive size limit)', () => {
          expect(webhooks.bodies.contentTypes.length).toBeGreaterThan(0);
          for (const type of webhooks.bodies.contentTypes) expect(type).toMatch(/^[a-z]+\/[a-z0-9.+-]+$/);
          expect(webhooks.bodies.maxBytes).toBeGreaterThan(0);
        });

        it.each(webhooks.hooks.map((h) => [h]))('refuse an unauthenticated %s request with 403', async (hook: string) => {
          const request: WebhookRequest = {
            hook,
            url: `http://127.0.0.1/webhooks/${webhooks.namespace}/x/${hook}`,
            headers: {},
            rawBody: Buffer.from('Body=hi&From=%2B14155550123'),
            now: new Date(),
          };
          const error = await Promise.resolve()
            .then(() => webhooks.receive(request, connection()))
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WebhookRejected);
          expect((error as WebhookRejected).status).toBe(403);
        });

        it.each(webhooks.hooks.map((h) => [h]))('parse an authentic %s request into normalised events', async (hook: string) => {
          if (!peer.authenticWebhook)
            throw new Error('the harness must build authentic webhook requests (ConformancePeer.authenticWebhook)');
          const events = await webhooks.receive(peer.authenticWebhook(hook, connection()), connection());
          expect(Array.isArray(events)).toBe(true);
          for (const event of events) {
            expect(['inbound', 'status', 'call']).toContain(event.kind);
            expect(provider.channels).toContain(event.channel);
            expect(event.providerMessageId).toMatch(/\S/);
          }
        });

        const verify = webhooks.verify?.bind(webhooks);
        if (verify) {
          it.each(webhooks.hooks.map((h) => [h]))('refuse a verification GET of %s that proves nothing with 403', async (hook: string) => {
            const request: WebhookVerification = {
              hook,
              url: `http://127.0.0.1/webhooks/${webhooks.namespace}/x/${hook}`,
              query: {},
              headers: {},
              now: new Date(),
            };
            const error = await Promise.resolve()
              .then(() => verify(request, connection()))
              .catch((e: unknown) => e);
            expect(error).toBeInstanceOf(WebhookRejected);
            expect((error as WebhookRejected).status).toBe(403);
          });

          it.each(webhooks.hooks.map((h) => [h]))("answer the provider's verification GET of %s", async (hook: string) => {
            if (!peer.authenticVerification)
              throw new Error('the harness must build verification requests (ConformancePeer.authenticVerification)');
            const answer = await verify(peer.authenticVerification(hook, connection()), connection());
            expect(answer.status).toBeGreaterThanOrEqual(200);
            expect(answer.status).toBeLessThan(300);
          });
        }
      });
    }
  });
}

function context(peer: ConformancePeer, provider: ChannelProvider, key: string): SendContext {
  const settings = provider.completeSettings ? provider.completeSettings(peer.settings) : peer.settings;
  return {
    locationId: 'conformance-location',
    conversationId: 'conformance-conversation',
    channelContactId: 'conformance-visitor',
    connection: { id: 'conformance-connection', settings },
    idempotencyKey: key,
    webhookBaseUrl: 'http://127.0.0.1:9/webhooks/conformance',
    unsubscribeUrl: 'http://127.0.0.1:9/unsubscribe/token',
  };
}
