import { ChannelAdapter, ChannelRegistry, ChannelType, sessionStateFor } from '@followup/channels-core';
import type { ChannelConnectionEntity, ContactEntity, ConversationEntity } from '@followup/persistence';
import { selectChannel } from './router';

/** Session rules as channel plugins state them: live chat 30 min, WhatsApp 24 h (templates after). */
const window: Partial<Record<ChannelType, number>> = { live_chat: 1_800_000, whatsapp: 86_400_000 };
const at0 = new Date(0);
const registry = new ChannelRegistry();
registry.register({
  name: 'test',
  channels: ['sms', 'email', 'whatsapp', 'live_chat'],
  secretSettings: [],
  validateSettings: () => [],
  adapter: (channel): ChannelAdapter => ({
    channel,
    provider: 'test',
    capabilities: { templates: false, idempotentSend: true },
    canReach: (to) => (channel === 'email' ? Boolean(to.email) : channel === 'live_chat' ? true : Boolean(to.phone)),
    sessionState: (c, at) => {
      const idle = c.connectionSettings?.['idle_timeout_minutes'];
      const w = typeof idle === 'number' ? idle * 60_000 : window[channel];
      const session = { windowMs: w ?? 0, afterWindow: channel === 'whatsapp' ? ('template_only' as const) : ('inactive' as const) };
      return sessionStateFor({ templates: false, idempotentSend: true, session: w === undefined ? undefined : session }, c, at);
    },
    send: async () => ({ providerMessageId: 'x', acceptedAt: at0, status: 'sent' }),
  }),
});
const connection = (type: string) => ({ id: `k-${type}`, type, provider: 'test', settings: {} }) as unknown as ChannelConnectionEntity;
const now = new Date('2026-06-15T12:00:00Z');
const contact = (over: Partial<ContactEntity> = {}) =>
  ({ phone: '+14155550123', email: 'a@b.co', whatsapp: null, optedOut: [], ...over }) as ContactEntity;
const conversation = (channel: string, lastInboundAt: Date | null, contactSeenAt: Date | null = null) =>
  ({ channel, lastInboundAt, lastOutboundAt: null, contactSeenAt }) as unknown as ConversationEntity;
const pick = (r: ReturnType<typeof selectChannel>) => ('reason' in r ? r.reason.text : `${r.channel}${r.switched ? ' (switched)' : ''}`);

describe('selecting the channel of a follow-up', () => {
  const all = ['sms', 'whatsapp', 'email', 'live_chat'].map(connection);

  it("keeps the conversation's channel while its session is open", () => {
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('live_chat', new Date('2026-06-15T11:50:00Z')),
          contact: contact(),
          connections: all,
          dynamicChannelSwitching: true,
          now,
        }),
      ),
    ).toBe('live_chat');
  });

  it('switches an inactive live chat to SMS, and WhatsApp to SMS after 24 hours, when switching is on', () => {
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('live_chat', new Date('2026-06-15T09:00:00Z')),
          contact: contact(),
          connections: all,
          dynamicChannelSwitching: true,
          now,
        }),
      ),
    ).toBe('sms (switched)');
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('whatsapp', new Date('2026-06-14T11:00:00Z')),
          contact: contact(),
          connections: all,
          dynamicChannelSwitching: true,
          now,
        }),
      ),
    ).toBe('sms (switched)');
  });

  it('does not switch when switching is off: the follow-up waits for the contact to come back, and says why', () => {
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('live_chat', null),
          contact: contact(),
          connections: all,
          dynamicChannelSwitching: false,
          now,
        }),
      ),
    ).toBe('contact_away: live_chat: session inactive');
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('live_chat', null),
          contact: contact({ phone: null, email: null }),
          connections: all,
          dynamicChannelSwitching: true,
          now,
        }),
      ),
    ).toBe('contact_away: live_chat: session inactive; sms: no address; whatsapp: no address; email: no address');
  });

  it("reads the contact's presence and the connection's idle timeout, never the channel's name", () => {
    const input = (seenMinutesAgo: number, idle?: number) => ({
      conversation: conversation('live_chat', new Date('2026-06-15T08:00:00Z'), new Date(now.getTime() - seenMinutesAgo * 60_000)),
      contact: contact(),
      connections: all.map((c) => (c.type === 'live_chat' && idle ? ({ ...c, settings: { idle_timeout_minutes: idle } } as typeof c) : c)),
      dynamicChannelSwitching: true,
      now,
    });
    expect(pick(selectChannel(registry, input(1)))).toBe('live_chat');
    expect(pick(selectChannel(registry, input(31)))).toBe('sms (switched)');
    expect(selectChannel(registry, input(31))).toMatchObject({ passedOver: 'live_chat: session inactive' });
    expect(pick(selectChannel(registry, input(8, 10)))).toBe('live_chat');
    expect(pick(selectChannel(registry, input(8, 5)))).toBe('sms (switched)');
  });

  it('never picks a channel the contact opted out of', () => {
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('sms', null),
          contact: contact({ optedOut: ['sms'] }),
          connections: all,
          dynamicChannelSwitching: false,
          now,
        }),
      ),
    ).toBe('opted_out: sms: opted out');
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('sms', null),
          contact: contact({ optedOut: ['sms'] }),
          connections: all,
          dynamicChannelSwitching: true,
          now,
        }),
      ),
    ).toBe('email (switched)');
  });

  it('skips a channel whose address failed (bounced), and counts it with opt-outs', () => {
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('email', null),
          contact: contact({ undeliverable: ['email'] }),
          connections: all,
          dynamicChannelSwitching: false,
          now,
        }),
      ),
    ).toBe('opted_out: email: address undeliverable');
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('email', null),
          contact: contact({ undeliverable: ['email'] }),
          connections: all,
          dynamicChannelSwitching: true,
          now,
        }),
      ),
    ).toBe('sms (switched)');
  });

  it("uses the conversation's own connection on its channel, else the location's first", () => {
    const second = { ...connection('sms'), id: 'k-sms-2' } as ChannelConnectionEntity;
    const own = { ...conversation('sms', null), connectionId: 'k-sms-2' } as ConversationEntity;
    const chosen = selectChannel(registry, {
      conversation: own,
      contact: contact(),
      connections: [...all, second],
      dynamicChannelSwitching: false,
      now,
    });
    expect('reason' in chosen ? chosen.reason : chosen.connection.id).toBe('k-sms-2');
    const fallback = selectChannel(registry, {
      conversation: conversation('sms', null),
      contact: contact(),
      connections: [...all, second],
      dynamicChannelSwitching: false,
      now,
    });
    expect('reason' in fallback ? fallback.reason : fallback.connection.id).toBe('k-sms');
  });

  it('needs a connection and an address', () => {
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('email', null),
          contact: contact({ email: null }),
          connections: all,
          dynamicChannelSwitching: false,
          now,
        }),
      ),
    ).toBe('no_channel: email: no address');
    expect(
      pick(
        selectChannel(registry, {
          conversation: conversation('sms', null),
          contact: contact(),
          connections: [],
          dynamicChannelSwitching: false,
          now,
        }),
      ),
    ).toBe('no_channel: sms: no connection');
  });
});

describe('what the router reads from capabilities: templates and length', () => {
  const caps = new ChannelRegistry();
  caps.register({
    name: 'caps',
    channels: ['sms', 'whatsapp'],
    secretSettings: [],
    validateSettings: () => [],
    adapter: (channel): ChannelAdapter => {
      const capabilities =
        channel === 'whatsapp'
          ? { templates: true, idempotentSend: true, session: { windowMs: 86_400_000, afterWindow: 'template_only' as const } }
          : { templates: false, idempotentSend: false, maxLength: 10 };
      return {
        channel,
        provider: 'caps',
        capabilities,
        canReach: (to) => Boolean(to.phone),
        sessionState: (c, at) => sessionStateFor(capabilities, c, at),
        send: async () => ({ providerMessageId: 'x', acceptedAt: at0, status: 'sent' }),
      };
    },
  });
  const conns = ['sms', 'whatsapp'].map((t) => ({ ...connection(t), provider: 'caps' }) as ChannelConnectionEntity);
  const closedWhatsapp = conversation('whatsapp', new Date('2026-06-14T11:00:00Z'));
  const select = (over: Partial<Parameters<typeof selectChannel>[1]>) =>
    selectChannel(caps, {
      conversation: closedWhatsapp,
      contact: contact(),
      connections: conns,
      dynamicChannelSwitching: false,
      now,
      ...over,
    });

  it('sends a template on a closed WhatsApp window only when the message has one', () => {
    expect(pick(select({}))).toBe('no_channel: whatsapp: session closed (templates only)');
    const template = select({ hasTemplate: true });
    expect('reason' in template ? template.reason.text : [template.channel, template.asTemplate]).toEqual(['whatsapp', true]);
    const open = select({ conversation: conversation('whatsapp', new Date('2026-06-15T11:00:00Z')), hasTemplate: true });
    expect('reason' in open ? open.reason.text : open.asTemplate).toBe(false);
  });

  it("refuses a text longer than the channel's maxLength, and switches when it may", () => {
    const sms = conversation('sms', null);
    expect(pick(select({ conversation: sms, textLength: 10 }))).toBe('sms');
    expect(pick(select({ conversation: sms, textLength: 11 }))).toBe('no_channel: sms: message longer than the channel takes');
    expect(pick(select({ conversation: sms, textLength: 11, dynamicChannelSwitching: true }))).toBe(
      'no_channel: sms: message longer than the channel takes; whatsapp: session closed (templates only); email: no connection',
    );
  });
});
