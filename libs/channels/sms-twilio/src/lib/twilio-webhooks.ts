import {
  ChannelEvent,
  ChannelWebhooks,
  ConnectionView,
  DeliveryState,
  WebhookOutcome,
  WebhookRejected,
  WebhookRequest,
  smsKeyword,
} from '@followup/channels-core';
import { parse } from 'node:querystring';
import twilio from 'twilio';

/** Twilio's MessageStatus values, as the gateway's forward-only delivery states (inbound ones are not statuses of ours). */
const STATES: Record<string, DeliveryState | undefined> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'read',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/** Twilio's parameters: a form in the body (repeated keys keep their first value). */
function form(raw: Buffer): Record<string, string> {
  const parsed = parse(raw.toString('utf8'));
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]));
}

/**
 * Twilio calls the gateway at `/webhooks/twilio/<connection id>/messages` (a text to the
 * connection's number: set it as the number's "A message comes in" webhook) and `/status` (the
 * StatusCallback of each send). Every request carries `X-Twilio-Signature`, an HMAC-SHA1 over the
 * URL Twilio called and the form parameters, keyed by the auth token: checked with the SDK's own
 * `validateRequest` before anything is read.
 */
const EMPTY_TWIML = new twilio.twiml.MessagingResponse().toString();

export const twilioWebhooks: ChannelWebhooks = {
  namespace: 'twilio',
  hooks: ['messages', 'status'],
  // Twilio posts small forms (a 1,600-character SMS and its parameters are a few KiB).
  bodies: { contentTypes: ['application/x-www-form-urlencoded'], maxBytes: 64 * 1024 },

  receive(request: WebhookRequest, connection: ConnectionView): ChannelEvent[] {
    const signature = request.headers['x-twilio-signature'];
    if (!signature) throw new WebhookRejected(403, 'X-Twilio-Signature is missing: only Twilio may call this webhook');
    const params = form(request.rawBody);
    const token = String(connection.settings['auth_token'] ?? '');
    if (!twilio.validateRequest(token, signature, request.url, params)) {
      throw new WebhookRejected(
        403,
        `X-Twilio-Signature does not match ${request.url} and the connection's auth token (is PUBLIC_BASE_URL the address Twilio calls?)`,
      );
    }
    if (params['AccountSid'] && params['AccountSid'] !== connection.settings['account_sid']) {
      throw new WebhookRejected(403, `AccountSid ${params['AccountSid']} is not this connection's account`);
    }
    const sid = params['MessageSid'] ?? params['SmsSid'];
    if (!sid) throw new WebhookRejected(400, 'MessageSid is missing');
    return request.hook === 'messages' ? inbound(sid, params) : status(sid, params);
  },

  reply(hook: string, outcome: WebhookOutcome): { status: number; contentType?: string; body?: string } {
    if (hook !== 'messages') return { status: 200 };
    // Twilio reads TwiML from the answer: empty (built once: most answers are), or the HELP text as a reply to the contact.
    if (!outcome.replyText) return { status: 200, contentType: 'text/xml', body: EMPTY_TWIML };
    const response = new twilio.twiml.MessagingResponse();
    response.message(outcome.replyText);
    return { status: 200, contentType: 'text/xml', body: response.toString() };
  },
};

function inbound(sid: string, p: Record<string, string>): ChannelEvent[] {
  const from = p['From'] ?? '';
  if (!/^\+[1-9]\d{6,14}$/.test(from))
    throw new WebhookRejected(400, `From ${JSON.stringify(from)} is not an E.164 phone number (this connection serves SMS)`);
  const body = p['Body'] ?? '';
  const keyword = smsKeyword(body);
  return [
    {
      kind: 'inbound',
      channel: 'sms',
      providerMessageId: sid,
      from: { phone: from },
      to: p['To'],
      body,
      ...(keyword ? { keyword, keywordChannels: ['sms', 'voice'] } : {}),
    },
  ];
}

function status(sid: string, p: Record<string, string>): ChannelEvent[] {
  const raw = p['MessageStatus'] ?? p['SmsStatus'] ?? '';
  const state = STATES[raw];
  if (raw && state === undefined && !['receiving', 'received'].includes(raw))
    throw new WebhookRejected(400, `MessageStatus ${JSON.stringify(raw)} is not a Twilio message status`);
  if (!state) return [];
  const code = p['ErrorCode'] || undefined;
  const optedOut = code === '21610';
  return [
    {
      kind: 'status',
      channel: 'sms',
      providerMessageId: sid,
      status: state,
      ...(code ? { errorCode: code, errorMessage: p['ErrorMessage'] || `Twilio error ${code}` } : {}),
      ...(optedOut ? { address: { state: 'opted_out' as const, phone: p['To'], channels: ['sms' as const, 'voice' as const] } } : {}),
    },
  ];
}
