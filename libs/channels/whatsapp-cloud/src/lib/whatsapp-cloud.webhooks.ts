import {
  ChannelEvent,
  ChannelWebhooks,
  ConnectionView,
  WebhookRejected,
  WebhookReply,
  WebhookRequest,
  WebhookVerification,
} from '@followup/channels-core';
import { checkHubSignature, sameSecret } from './hub-signature.verifier';
import { parseWebhookPayload } from './webhook-payload.parser';

/**
 * Meta calls one URL per connection, `/webhooks/whatsapp/<connection id>/events`:
 * - `GET` once, when the URL is saved in the app's WhatsApp configuration: `hub.mode=subscribe`,
 *   `hub.verify_token` (the connection's `verify_token`) and `hub.challenge`, echoed as text/plain.
 * - `POST` for every inbound message and status of the subscribed `messages` field, signed with
 *   `X-Hub-Signature-256` (HMAC-SHA256 of the raw body keyed by the app secret), checked first.
 * Meta expects a 200 quickly and retries anything else, for up to 7 days.
 */
export const whatsappCloudWebhooks = {
  namespace: 'whatsapp',
  hooks: ['events'],
  // Meta's JSON; a batched delivery of many messages and statuses can reach a few MiB.
  bodies: { contentTypes: ['application/json'], maxBytes: 3 * 1024 * 1024 },

  receive(request: WebhookRequest, connection: ConnectionView): ChannelEvent[] {
    checkHubSignature(request.headers, request.rawBody, connection.settings['app_secret']);
    return parseWebhookPayload(request.rawBody, String(connection.settings['phone_number_id'] ?? ''));
  },

  verify(request: WebhookVerification, connection: ConnectionView): WebhookReply {
    const { query } = request;
    if (query['hub.mode'] !== 'subscribe')
      throw new WebhookRejected(403, 'hub.mode must be subscribe: this is where Meta verifies the webhook');
    const expected = connection.settings['verify_token'];
    const given = query['hub.verify_token'];
    if (typeof expected !== 'string' || !given || !sameSecret(given, expected))
      throw new WebhookRejected(403, "hub.verify_token does not match this connection's verify_token");
    const challenge = query['hub.challenge'];
    if (!challenge || !/^[\x21-\x7e]{1,256}$/.test(challenge))
      throw new WebhookRejected(400, 'hub.challenge must be the printable text Meta sends to be echoed');
    return { status: 200, contentType: 'text/plain; charset=utf-8', body: challenge };
  },
} satisfies ChannelWebhooks;
