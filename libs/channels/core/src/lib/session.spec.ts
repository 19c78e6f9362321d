import type { ChannelCapabilities } from './channel-adapter';
import { SESSION_RULES, sessionStateFor } from './session';

const HOUR = 3_600_000;
const NOW = new Date('2026-06-16T12:00:00.000Z');
const ago = (hours: number) => new Date(NOW.getTime() - hours * HOUR);
const whatsapp: ChannelCapabilities = { templates: true, idempotentSend: false, session: SESSION_RULES.whatsapp };

describe('sessionStateFor (WhatsApp: 24 hours, then templates only)', () => {
  it.each([
    ['the contact wrote an hour ago', { lastInboundAt: ago(1) }, 'open'],
    ['the contact wrote exactly 24 hours ago', { lastInboundAt: ago(24) }, 'open'],
    ['the contact wrote 25 hours ago', { lastInboundAt: ago(25) }, 'template_only'],
    ['the contact never wrote', {}, 'template_only'],
    ['Meta said it closed (131047) after their last message', { lastInboundAt: ago(3), sessionClosedAt: ago(1) }, 'template_only'],
    ['Meta said it closed at the moment of their last message', { lastInboundAt: ago(3), sessionClosedAt: ago(3) }, 'template_only'],
    ['they wrote again after Meta said it closed', { lastInboundAt: ago(1), sessionClosedAt: ago(3) }, 'open'],
    ['a closing with no message at all', { sessionClosedAt: ago(1) }, 'template_only'],
  ])('%s: %s', (_, times, expected) => {
    expect(sessionStateFor(whatsapp, { channel: 'whatsapp', ...times }, NOW)).toBe(expected);
  });

  it('is always open on a channel without sessions, whatever the provider said', () => {
    const sms: ChannelCapabilities = { templates: false, idempotentSend: true };
    expect(sessionStateFor(sms, { channel: 'sms', sessionClosedAt: ago(1) }, NOW)).toBe('open');
  });
});
