import { signWebhook } from '@followup/util';
import { WebhookReceiver } from './webhook-receiver';

describe('WebhookReceiver', () => {
  it('verifies signatures, dedupes on webhook-id and answers what it is told', async () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const receiver = new WebhookReceiver(secret);
    const url = await receiver.start();
    const post = (id: string, body: string, key = secret) =>
      fetch(`${url}/in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signWebhook(key, id, new Date(), body) },
        body,
      });
    try {
      expect((await post('msg_1', '{"a":1}')).status).toBe(200);
      await post('msg_1', '{"a":1}');
      await post('msg_2', '{"a":2}', 'whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      receiver.behaviour = { status: 503 };
      expect((await post('msg_3', '{}')).status).toBe(503);
      expect(receiver.requests.map((r) => [r.id, r.signatureValid])).toEqual([
        ['msg_1', true],
        ['msg_1', true],
        ['msg_2', false],
        ['msg_3', true],
      ]);
      expect([...receiver.accepted.keys()]).toEqual(['msg_1', 'msg_2']);
      await receiver.waitFor(2);
    } finally {
      await receiver.stop();
    }
  });
});
