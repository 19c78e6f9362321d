import { ChannelAdapter, ChannelProvider, ChannelType } from './channel-adapter';
import { ChannelRegistry } from './channel-registry';

const provider = (name: string, channels: ChannelType[]): ChannelProvider => ({
  name,
  channels,
  secretSettings: [],
  validateSettings: () => [],
  adapter: (channel): ChannelAdapter => ({
    channel,
    provider: name,
    capabilities: { templates: false, idempotentSend: false },
    canReach: () => true,
    sessionState: () => 'open',
    send: async () => ({ providerMessageId: 'p1', acceptedAt: new Date(0), status: 'queued' }),
  }),
});

describe('ChannelRegistry', () => {
  it('finds adapters by provider and channel, and refuses a provider registered twice', () => {
    const registry = new ChannelRegistry();
    registry.register(provider('twilio', ['sms', 'voice']));
    registry.register(provider('smtp', ['email']));
    expect(registry.adapter('twilio', 'sms')?.channel).toBe('sms');
    expect(registry.adapter('twilio', 'email')).toBeUndefined();
    expect(registry.adapter('smtp', 'email')?.provider).toBe('smtp');
    expect(registry.allProviders().map((p) => p.name)).toEqual(['twilio', 'smtp']);
    expect(() => registry.register(provider('smtp', ['email']))).toThrow('channel provider smtp is already registered');
  });

  it('finds providers by webhook namespace and refuses bad names and a namespace taken twice', () => {
    const registry = new ChannelRegistry();
    const hooks = (namespace: string) => ({
      namespace,
      hooks: ['inbound'],
      bodies: { contentTypes: ['application/json'], maxBytes: 1024 },
      receive: () => [],
    });
    registry.register({ ...provider('smtp', ['email']), webhooks: hooks('email') });
    expect(registry.byWebhookNamespace('email')?.name).toBe('smtp');
    expect(registry.byWebhookNamespace('smtp')).toBeUndefined();
    expect(() => registry.register({ ...provider('other', ['email']), webhooks: hooks('email') })).toThrow(
      'webhook namespace email of other is already used by smtp',
    );
    expect(() => registry.register(provider('Bad Name', ['sms']))).toThrow(/must be lower-case/);
  });
});
