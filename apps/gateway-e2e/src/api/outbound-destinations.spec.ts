import { WebhookReceiver } from '@followup/testing';
import { useGateway } from '../support/fixtures';

/**
 * A gateway started without ALLOW_PRIVATE_NETWORK_URLS (an empty value: unset, the default) refuses
 * outbound URLs that point at loopback, private or link-local addresses written out: the webhook
 * channel's url, a provider's api_base_url and a workflow's url answer 422 with the reason, and
 * nothing reaches the receiver. (A name that resolves to such an address is refused when
 * connecting: libs/util's network-policy.spec.ts and the channel libraries' specs.)
 */
describe('outbound destinations on a gateway without ALLOW_PRIVATE_NETWORK_URLS', () => {
  const gw = useGateway('sqlite', { ALLOW_PRIVATE_NETWORK_URLS: '' });
  const receiver = new WebhookReceiver();
  let url: string;
  beforeAll(async () => {
    url = await receiver.start();
  });
  afterAll(() => receiver.stop());

  it('refuses a webhook channel connection to 127.0.0.1 with 422 naming the address and the switch', async () => {
    const res = await gw.api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: `${url}/outbound` } });
    expect(res.status).toBe(422);
    expect(res.body.message).toEqual(['settings.url: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow']);
    for (const other of ['http://localhost:9/x', 'http://[::ffff:7f00:1]/x', 'http://169.254.169.254/latest', 'http://10.0.0.5/x']) {
      const refused = await gw.api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: other } });
      expect(refused.status).toBe(422);
      expect(refused.body.message[0]).toMatch(/^settings\.url: \S+ is an? [a-z-]+ address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow$/);
    }
    expect((await gw.api.get('/channels')).body.data ?? []).toEqual([]);
    expect(receiver.requests).toHaveLength(0);
    // A public name is taken (it is checked again, after DNS, when something is sent).
    const taken = await gw.api.post('/channels', { type: 'sms', provider: 'webhook', settings: { url: 'https://hooks.example.com/in' } });
    expect(taken.status).toBe(201);
  });

  it("refuses a provider's api_base_url and a workflow url on such addresses too", async () => {
    const twilio = await gw.api.post('/channels', {
      type: 'sms',
      provider: 'twilio',
      settings: {
        account_sid: `AC${'a'.repeat(32)}`,
        auth_token: 'b'.repeat(32),
        from: '+15005550006',
        api_base_url: 'http://169.254.169.254',
      },
    });
    expect(twilio.status).toBe(422);
    expect(twilio.body.message).toContain(
      'settings.api_base_url: 169.254.169.254 is a link-local address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow',
    );
    const workflow = await gw.api.post('/workflows', { id: 'crm-note', url: `${url}/workflows/crm-note` });
    expect(workflow.status).toBe(422);
    expect(workflow.body.message).toEqual(['url: 127.0.0.1 is a loopback address; set ALLOW_PRIVATE_NETWORK_URLS=true to allow']);
    expect(receiver.requests).toHaveLength(0);
  });
});
