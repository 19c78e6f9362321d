import { UnprocessableEntityException, NotFoundException } from '@nestjs/common';
import { ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import { ChannelConnectionEntity, Store } from '@followup/persistence';
import { ENGINES, openTestStore } from '@followup/persistence/testing';
import { ManualClock } from '@followup/util';
import { ChannelConnectionsService } from './channel-connections.service';

describe.each(ENGINES)('channel connections on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  let service: ChannelConnectionsService;

  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    const registry = new ChannelRegistry();
    registry.register(webhookChannelProvider);
    service = new ChannelConnectionsService(store, new ManualClock(), registry);
  });
  afterAll(() => close());

  it('generates a secret, shows it once, and masks it afterwards', async () => {
    const created = await service.create('loc', { type: 'sms', provider: 'webhook', settings: { url: 'https://example.com/out' } });
    expect(created.settings['secret']).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(created.name).toBe('sms via webhook');
    const read = await service.get('loc', created.id);
    expect(read.settings).toEqual({ url: 'https://example.com/out', secret: expect.stringMatching(/^whsec_\*\*\*\*.{4}$/) });
    expect((await service.list('loc')).map((c) => c.id)).toEqual([created.id]);
  });

  it('refuses unknown providers, types a provider does not serve, and bad settings, naming them', async () => {
    await expect(service.create('loc', { type: 'sms', provider: 'carrier-pigeon', settings: {} })).rejects.toThrow(
      UnprocessableEntityException,
    );
    const bad = service.create('loc', { type: 'sms', provider: 'webhook', settings: { url: 'ftp://x', extra: 1 } });
    await expect(bad).rejects.toMatchObject({
      response: { message: ['settings.url must be an http(s) URL', 'settings.extra is not a webhook setting (url, secret)'] },
    });
    await expect(
      service.create('loc', { type: 'sms', provider: 'webhook', settings: { url: 'https://x.io' }, default_agent_id: 'nobody' }),
    ).rejects.toThrow(UnprocessableEntityException);
  });

  it('merges settings on update, keeping a secret left out, and keeps locations apart', async () => {
    const created = await service.create('loc', { type: 'email', provider: 'webhook', settings: { url: 'https://a.io' } });
    const secret = created.settings['secret'];
    const updated = await service.update('loc', created.id, { settings: { url: 'https://b.io' }, name: 'Mail relay' });
    expect(updated).toMatchObject({ name: 'Mail relay', settings: { url: 'https://b.io' } });
    const stored = await store.run((r) => r.channelConnections.findById('loc', created.id));
    expect(stored?.settings['secret']).toBe(secret);
    await expect(service.get('other', created.id)).rejects.toThrow(NotFoundException);
    await expect(service.delete('other', created.id)).rejects.toThrow(NotFoundException);
    await service.delete('loc', created.id);
    await expect(service.get('loc', created.id)).rejects.toThrow(NotFoundException);
  });

  it('stores secrets encrypted, reads them in clear, and keeps one sent back masked', async () => {
    const created = await service.create('loc', { type: 'sms', provider: 'webhook', settings: { url: 'https://a.io' } });
    const secret = created.settings['secret'] as string;
    const stored = ((await store.run((r) => r.channelConnections.listStored())).find((c) => c.id === created.id)?.settings ?? {}) as Record<
      string,
      string
    >;
    expect(stored.secret).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(6));
    expect(stored.url).toBe('https://a.io');
    expect((await store.run((r) => r.channelConnections.findById('loc', created.id)))?.settings['secret']).toBe(secret);
    const masked = (await service.get('loc', created.id)).settings['secret'];
    await service.update('loc', created.id, { settings: { secret: masked, url: 'https://c.io' } });
    expect((await store.run((r) => r.channelConnections.findById('loc', created.id)))?.settings['secret']).toBe(secret);
  });

  it('encrypts secrets that were written in clear, once', async () => {
    const now = new Date();
    await store.run((r) =>
      r.channelConnections.insert(
        Object.assign(new ChannelConnectionEntity(), {
          id: 'legacy',
          locationId: 'loc',
          type: 'sms',
          provider: 'webhook',
          name: 'old',
          settings: { url: 'https://old.io', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' },
          defaultAgentId: null,
          createdAt: now,
          updatedAt: now,
        }),
        [],
      ),
    );
    expect(await service.sealSecretsWrittenInClear()).toBe(1);
    expect(await service.sealSecretsWrittenInClear()).toBe(0);
    const legacy = (await store.run((r) => r.channelConnections.listStored())).find((c) => c.id === 'legacy');
    expect(String(legacy?.settings['secret'])).toMatch(/^enc:v1:/);
    expect((await service.get('loc', 'legacy')).settings['url']).toBe('https://old.io');
    expect((await store.run((r) => r.channelConnections.findById('loc', 'legacy')))?.settings['secret']).toBe(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    );
  });

  it("finds a connection for a webhook only under its provider's namespace", async () => {
    const created = await service.create('loc', { type: 'sms', provider: 'webhook', settings: { url: 'https://a.io' } });
    expect(await service.forWebhook('twilio', created.id)).toBeNull();
    expect(await service.forWebhook('nope', 'x')).toBeNull();
  });
});
