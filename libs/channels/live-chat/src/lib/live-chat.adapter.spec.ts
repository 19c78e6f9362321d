import { SendContext, SendError } from '@followup/channels-core';
import { LiveChatAdapter, LiveChatLine, VisitorAddress } from './live-chat.adapter';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const context = (over: Partial<SendContext> = {}): SendContext => ({
  locationId: 'loc',
  conversationId: 'conv',
  channelContactId: 'user-42',
  connection: { id: 'conn', settings: { allowed_origins: ['https://acme.test'] } },
  idempotencyKey: 'fu_1',
  ...over,
});

describe('the live chat adapter', () => {
  const adapter = new LiveChatAdapter(() => NOW);
  const delivered: { visitor: VisitorAddress; line: LiveChatLine }[] = [];
  beforeAll(() => adapter.attach({ deliver: (visitor, line) => void delivered.push({ visitor, line }) }));

  it('keeps the session open while the visitor is seen, and for the idle timeout after', () => {
    const view = (seen: Date | null, settings?: Record<string, unknown>) => ({
      channel: 'live_chat' as const,
      lastInboundAt: minutesAgo(120),
      contactSeenAt: seen,
      connectionSettings: settings,
    });
    expect(adapter.sessionState(view(minutesAgo(0.5)), NOW)).toBe('open');
    expect(adapter.sessionState(view(minutesAgo(29)), NOW)).toBe('open');
    expect(adapter.sessionState(view(minutesAgo(31)), NOW)).toBe('inactive');
    expect(adapter.sessionState(view(null), NOW)).toBe('inactive');
    expect(adapter.sessionState(view(minutesAgo(8), { idle_timeout_minutes: 5 }), NOW)).toBe('inactive');
    expect(adapter.sessionState(view(minutesAgo(8), { idle_timeout_minutes: 10 }), NOW)).toBe('open');
    // A message counts as a sign of life too.
    expect(adapter.sessionState({ channel: 'live_chat', lastInboundAt: minutesAgo(3), contactSeenAt: null }, NOW)).toBe('open');
  });

  it("delivers to the visitor's sockets with an id made of the idempotency key (the widget shows an id once)", async () => {
    const result = await adapter.send({ to: {}, body: 'Still there?' }, context());
    expect(result).toEqual({ providerMessageId: 'lc_fu_1', acceptedAt: NOW, status: 'sent' });
    expect(delivered.at(-1)).toEqual({
      visitor: { connectionId: 'conn', visitorId: 'user-42' },
      line: { id: 'lc_fu_1', body: 'Still there?', direction: 'outbound', at: NOW.toISOString() },
    });
    expect(adapter.capabilities).toMatchObject({ idempotentSend: true, templates: false, maxLength: 4096 });
  });

  it('refuses definitely what cannot reach a visitor', async () => {
    const refused = (c: SendContext, body = 'hi') => adapter.send({ to: {}, body }, c).catch((e: SendError) => [e.code, e.definite]);
    expect(await refused(context({ channelContactId: null }))).toEqual(['no_visitor', true]);
    expect(await refused(context(), '  ')).toEqual(['empty_body', true]);
    expect(await refused(context(), 'x'.repeat(4097))).toEqual(['body_too_long', true]);
    const detached = new LiveChatAdapter();
    expect(await detached.send({ to: {}, body: 'hi' }, context()).catch((e: SendError) => e.code)).toBe('no_socket_server');
  });
});
