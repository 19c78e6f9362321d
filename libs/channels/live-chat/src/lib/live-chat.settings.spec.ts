import { completeLiveChatSettings, isOrigin, liveChatSettings, validateLiveChatSettings } from './live-chat.settings';

const valid = { allowed_origins: ['https://www.acme.test', 'http://localhost:8080'], identity_secret: 'a'.repeat(64) };

describe('live chat settings', () => {
  it('take origins as browsers send them', () => {
    expect(validateLiveChatSettings(valid)).toEqual([]);
    for (const origin of ['https://www.acme.test', 'http://127.0.0.1:5173']) expect(isOrigin(origin)).toBe(true);
    for (const bad of ['https://www.acme.test/', 'https://acme.test/chat', 'ftp://acme.test', '*', 'acme.test', 42])
      expect(isOrigin(bad)).toBe(false);
  });

  it('generate the identity secret once, and keep one given', () => {
    const completed = completeLiveChatSettings({ allowed_origins: valid.allowed_origins });
    expect(completed['identity_secret']).toMatch(/^[0-9a-f]{64}$/);
    expect(completeLiveChatSettings(valid)).toBe(valid);
  });

  it('name each bad field on its own line', () => {
    const problems = validateLiveChatSettings({
      allowed_origins: ['https://acme.test/'],
      identity_secret: 'short',
      idle_timeout_minutes: 1,
      title: '',
      color: 'blue',
      greeting: 'x'.repeat(501),
      ask_for: ['name', 'name'],
      max_message_length: 5000,
      messages_per_minute: 0,
      colour: '#fff',
    });
    expect(problems.map((p) => p.split(' ')[0])).toEqual([
      'settings.allowed_origins',
      'settings.identity_secret',
      'settings.idle_timeout_minutes',
      'settings.title',
      'settings.color',
      'settings.greeting',
      'settings.ask_for',
      'settings.max_message_length',
      'settings.messages_per_minute',
      'settings.colour',
    ]);
  });

  it('fill in the defaults when read', () => {
    expect(liveChatSettings(valid)).toMatchObject({
      idle_timeout_minutes: 30,
      title: 'Chat with us',
      ask_for: [],
      max_message_length: 2000,
    });
    expect(liveChatSettings({ ...valid, idle_timeout_minutes: 5 }).idle_timeout_minutes).toBe(5);
  });
});
