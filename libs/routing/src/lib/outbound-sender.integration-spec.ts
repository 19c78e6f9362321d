import { UnprocessableEntityException } from '@nestjs/common';
import { ChannelLinks, ChannelRegistry, ChannelType, SendError } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import {
  ChannelConnectionEntity,
  ContactEntity,
  ConversationEntity,
  LocationEntity,
  Store,
  StoreConfig,
  openDataSource,
} from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { WebhookReceiver } from '@followup/testing';
import { ManualClock, SecretBox, newId } from '@followup/util';
import { OutboundSender, SendPlan } from './outbound-sender';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const LOC = 'loc';

describe.each(ENGINES)('OutboundSender on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  let config: StoreConfig;
  let receiver: WebhookReceiver;
  let url: string;
  const clock = new ManualClock('2026-06-15T13:00:00Z');
  const registry = new ChannelRegistry();
  registry.register(webhookChannelProvider);
  const sender = new OutboundSender(registry, new ChannelLinks(Buffer.alloc(32, 1), 'http://127.0.0.1:9'));

  const contact = (id: string, fields: Partial<ContactEntity>) =>
    Object.assign(new ContactEntity(), {
      id,
      locationId: LOC,
      name: id,
      firstName: id,
      phone: null,
      email: null,
      whatsapp: null,
      timezone: null,
      optedOut: [],
      undeliverable: null,
      tags: [],
      createdAt: clock.now(),
      updatedAt: clock.now(),
      ...fields,
    });
  const connection = (id: string, type: string, path: string, createdAt: Date) =>
    Object.assign(new ChannelConnectionEntity(), {
      id,
      locationId: LOC,
      type,
      provider: 'webhook',
      name: id,
      settings: { url: `${url}${path}`, secret: SECRET },
      defaultAgentId: null,
      createdAt,
      updatedAt: createdAt,
    });

  beforeAll(async () => {
    ({ store, close, config } = await openTestStore(engine));
    receiver = new WebhookReceiver(SECRET);
    url = await receiver.start();
    const now = clock.now();
    await store.transaction(async (r) => {
      await r.locations.insert(Object.assign(new LocationEntity(), { id: LOC, name: 'L', timezone: 'UTC', createdAt: now }));
      await r.contacts.insert(contact('ada', { phone: '+14155550100' }));
      await r.contacts.insert(contact('stopped', { phone: '+14155550101', optedOut: ['sms'] }));
      await r.contacts.insert(contact('bounced', { phone: '+14155550102', undeliverable: ['sms'] }));
      await r.channelConnections.insert(connection('k-sms-1', 'sms', '/one', now), ['secret']);
      await r.channelConnections.insert(connection('k-sms-2', 'sms', '/two', new Date(now.getTime() + 1_000)), ['secret']);
      await r.channelConnections.insert(connection('k-email', 'email', '/mail', now), ['secret']);
    });
  });
  afterAll(async () => {
    await receiver.stop();
    await close();
  });

  function conversation(contactId: string, channel: ChannelType, connectionId: string | null = null): ConversationEntity {
    return Object.assign(new ConversationEntity(), {
      id: newId(),
      locationId: LOC,
      contactId,
      agentId: null,
      channel,
      connectionId,
      version: 0,
      lastInboundAt: null,
      lastOutboundAt: null,
      botStatus: 'active',
      botSleepUntil: null,
      assignedUserId: null,
      statusId: null,
      createdAt: clock.now(),
      updatedAt: clock.now(),
    });
  }
  const plan = (c: ConversationEntity, channel: ChannelType, on: Store = store) =>
    on.run((r) => sender.plan(r, c, channel, { now: new Date('2026-06-15T12:00:00Z'), hasTemplate: false }));

  it("picks the conversation's own connection, else the location's first of the channel", async () => {
    expect(await plan(conversation('ada', 'sms', 'k-sms-2'), 'sms')).toMatchObject({ kind: 'send', connection: { id: 'k-sms-2' } });
    expect(await plan(conversation('ada', 'sms'), 'sms')).toMatchObject({ kind: 'send', connection: { id: 'k-sms-1' } });
    // The own connection is of the conversation's channel: a reply on another channel takes that channel's first.
    expect(await plan(conversation('ada', 'email', 'k-email'), 'sms')).toMatchObject({ kind: 'send', connection: { id: 'k-sms-1' } });
    const own = await plan(conversation('ada', 'sms', 'k-sms-2'), 'sms');
    expect(own).toMatchObject({ channel: 'sms', contact: { id: 'ada' }, context: { locationId: LOC } });
    expect((own as SendPlan).context.connection.settings).toEqual({ url: `${url}/two`, secret: SECRET });
  });

  it('refuses an opted-out or undeliverable contact, naming the connection it would have used', async () => {
    expect(await plan(conversation('stopped', 'sms', 'k-sms-2'), 'sms')).toEqual({
      kind: 'refused',
      channel: 'sms',
      connectionId: 'k-sms-2',
      reason: { code: 'opted_out', text: 'opted_out: the contact opted out of sms' },
    });
    expect(await plan(conversation('bounced', 'sms'), 'sms')).toMatchObject({
      kind: 'refused',
      channel: 'sms',
      connectionId: 'k-sms-1',
      reason: { code: 'undeliverable' },
    });
  });

  it('throws 422 naming the channel when the location has no connection for it or the contact no address', async () => {
    const noConnection = plan(conversation('ada', 'whatsapp'), 'whatsapp');
    await expect(noConnection).rejects.toThrow(UnprocessableEntityException);
    await expect(noConnection).rejects.toMatchObject({
      response: { message: ['channel: this location has no whatsapp connection to send on (add one with POST /channels)'] },
    });
    const noAddress = plan(conversation('ada', 'email'), 'email');
    await expect(noAddress).rejects.toThrow(UnprocessableEntityException);
    await expect(noAddress).rejects.toMatchObject({ response: { message: ['channel: contact ada has no email address'] } });
  });

  it('sends to the webhook peer with the idempotency key as webhook-id', async () => {
    const c = conversation('ada', 'sms', 'k-sms-2');
    const p = (await plan(c, 'sms')) as SendPlan;
    const result = await sender.send(p, 'Hello Ada', undefined, 'msg_key-1');
    const hit = receiver.accepted.get('msg_key-1');
    expect(hit).toMatchObject({ path: '/two', signatureValid: true });
    expect(hit?.body).toMatchObject({
      type: 'message.outbound',
      channel: 'sms',
      location_id: LOC,
      conversation_id: c.id,
      body: 'Hello Ada',
      to: { phone: '+14155550100' },
    });
    expect(result).toMatchObject({ providerMessageId: expect.stringMatching(/^recv_/), status: 'sent' });
  });

  it('fails definitely without calling the provider when the connection has secrets it cannot decrypt', async () => {
    // The same database read by a gateway holding another key: the sealed secret does not open.
    const other = new Store(await openDataSource(config), new SecretBox(SecretBox.generateKey()));
    try {
      const p = (await plan(conversation('ada', 'sms', 'k-sms-1'), 'sms', other)) as SendPlan;
      expect(p.connection.unreadableSecrets).toEqual({ secret: expect.any(String) });
      const before = receiver.requests.length;
      const sending = sender.deliver(
        p.adapter,
        p.connection,
        { to: { phone: '+14155550100' }, body: 'x' },
        { ...p.context, idempotencyKey: 'k' },
      );
      await expect(sending).rejects.toThrow(SendError);
      await expect(sending).rejects.toMatchObject({ code: 'secrets_unreadable', definite: true });
      await expect(sender.send(p, 'x', undefined, 'k2')).rejects.toMatchObject({ code: 'secrets_unreadable' });
      expect(receiver.requests.length).toBe(before);
    } finally {
      await other.close();
    }
  });
});
