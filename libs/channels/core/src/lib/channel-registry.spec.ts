import { ChannelAdapter } from './channel-adapter';
import { ChannelRegistry } from './channel-registry';

const adapter = (channel: ChannelAdapter['channel']): ChannelAdapter => ({
  channel,
  capabilities: { templates: false },
  canReach: () => true,
  sessionState: () => 'open',
  send: async () => ({ providerMessageId: 'p1', acceptedAt: new Date(0), status: 'queued' }),
});

describe('ChannelRegistry', () => {
  it('finds adapters by channel and refuses a second one for the same channel', () => {
    const registry = new ChannelRegistry();
    const sms = adapter('sms');
    registry.register(sms);
    registry.register(adapter('email'));
    expect(registry.get('sms')).toBe(sms);
    expect(registry.get('voice')).toBeUndefined();
    expect(registry.all().map((a) => a.channel)).toEqual(['sms', 'email']);
    expect(() => registry.register(adapter('sms'))).toThrow('a sms adapter is already registered');
  });
});
