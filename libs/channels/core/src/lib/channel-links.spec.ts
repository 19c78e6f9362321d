import { ChannelLinks } from './channel-links';

describe('ChannelLinks', () => {
  const key = Buffer.alloc(32, 3);

  it('builds webhook bases and signed unsubscribe links on the public base URL', () => {
    const links = new ChannelLinks(key, 'https://gw.example.com/');
    expect(links.webhookBase('twilio', 'c1')).toBe('https://gw.example.com/webhooks/twilio/c1');
    const url = links.unsubscribeUrl({ locationId: 'l1', contactId: 'k1', channel: 'email' });
    expect(url).toMatch(/^https:\/\/gw\.example\.com\/unsubscribe\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const token = url.split('/').pop() as string;
    expect(links.readUnsubscribeToken(token)).toEqual({ locationId: 'l1', contactId: 'k1', channel: 'email' });
    expect(new ChannelLinks(Buffer.alloc(32, 4), 'https://x').readUnsubscribeToken(token)).toBeNull();
  });

  it('falls back to the listening address, and never overrides a configured base', () => {
    const links = new ChannelLinks(key);
    expect(() => links.baseUrl()).toThrow(/not known yet/);
    links.useListeningAddress('http://127.0.0.1:3000');
    expect(links.baseUrl()).toBe('http://127.0.0.1:3000');
    const configured = new ChannelLinks(key, 'https://public.example');
    configured.useListeningAddress('http://127.0.0.1:3000');
    expect(configured.baseUrl()).toBe('https://public.example');
  });
});
