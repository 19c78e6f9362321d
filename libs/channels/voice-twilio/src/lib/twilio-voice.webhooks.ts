import {
  CallEvent,
  ChannelEvent,
  ChannelWebhooks,
  ConnectionView,
  VoiceAgentView,
  WebhookOutcome,
  WebhookRejected,
  WebhookReply,
  WebhookRequest,
} from '@followup/channels-core';
import { parse } from 'node:querystring';
import twilio from 'twilio';
import { callStatusMeaning, handoffMissed } from './call-status.mapper';
import { DEFAULT_TEXTS, E164, handoffNumber, voiceSettings } from './twilio-voice.settings';
import {
  EMPTY_TWIML,
  Handoff,
  Speech,
  answeredCallTwiml,
  dialResultTwiml,
  gatherResultTwiml,
  goodbyeTwiml,
  incomingCallTwiml,
} from './twiml.builder';

type Params = Record<string, string>;

const HOOKS = ['twiml', 'gather', 'status', 'incoming', 'voicemail', 'dial'] as const;
const DEFAULT_WELCOME = 'Thank you for calling. Please hold while we connect you.';
/** Said to a contact the gateway called whose handoff nobody took. */
const CALLBACK_TEXT = 'Nobody can take your call right now. We will call you back soon. Goodbye.';
/** Longest voicemail, in seconds. */
const VOICEMAIL_SECONDS = 120;
/** A handoff without a voice agent's maxCallDuration may last an hour. */
const DEFAULT_TIME_LIMIT = 3600;

/** Twilio's parameters: a form in the body (repeated keys keep their first value). */
function form(raw: Buffer): Params {
  const parsed = parse(raw.toString('utf8'));
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, Array.isArray(v) ? (v[0] ?? '') : (v ?? '')]));
}

/** `<base>/<hook>?...` -> `<base>`: the connection's webhook base, as Twilio called it. */
const baseOf = (url: string) => url.replace(/\/[a-z]+(\?.*)?$/, '');
const query = (url: string, name: string) => new URL(url).searchParams.get(name);
const phone = (value: string | undefined) => (value && E164.test(value) ? value : undefined);
const inbound = (p: Params) => p['Direction'] === 'inbound';

function authenticate(request: WebhookRequest, connection: ConnectionView): Params {
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
  if (params['AccountSid'] && params['AccountSid'] !== connection.settings['account_sid'])
    throw new WebhookRejected(403, `AccountSid ${params['AccountSid']} is not this connection's account`);
  if (!params['CallSid']) throw new WebhookRejected(400, 'CallSid is missing');
  return params;
}

/** The contact's number and ours, by the call's direction. */
function parties(p: Params): Pick<CallEvent, 'direction' | 'contactPhone' | 'phoneNumberUsed'> {
  return inbound(p)
    ? { direction: 'inbound', contactPhone: phone(p['From']), phoneNumberUsed: phone(p['To']) }
    : { direction: 'outbound', contactPhone: phone(p['To']), phoneNumberUsed: phone(p['From']) };
}

function statusEvents(sid: string, p: Params): ChannelEvent[] {
  if (p['RecordingStatus'] !== undefined) {
    // A recording status callback: the recording of a call (completed once it can be fetched).
    return p['RecordingStatus'] === 'completed' && p['RecordingUrl']
      ? [{ kind: 'call', channel: 'voice', providerMessageId: sid, recordingUrl: p['RecordingUrl'] }]
      : [];
  }
  const raw = p['CallStatus'] ?? '';
  const meaning = callStatusMeaning(raw, p['AnsweredBy']);
  if (!meaning) throw new WebhookRejected(400, `CallStatus ${JSON.stringify(raw)} is not a Twilio call status`);
  const code = p['ErrorCode'] || undefined;
  const error = code ? { errorCode: code, errorMessage: p['ErrorMessage'] || `Twilio error ${code}` } : {};
  if (!meaning.outcome) {
    // Under way: an outbound call's record appears (Twilio reports `initiated` as soon as it is placed) and its send moves forward.
    if (inbound(p)) return [];
    return [{ kind: 'call', channel: 'voice', providerMessageId: sid, ...parties(p), delivery: meaning.delivery, ...error }];
  }
  const seconds = Number(p['CallDuration'] ?? p['Duration']);
  const event: CallEvent = {
    kind: 'call',
    channel: 'voice',
    providerMessageId: sid,
    ...parties(p),
    outcome: meaning.outcome,
    ...(inbound(p) ? {} : { delivery: meaning.delivery }),
    ...(Number.isFinite(seconds) && seconds >= 0 ? { durationMs: Math.round(seconds * 1000) } : {}),
    ...(p['RecordingUrl'] ? { recordingUrl: p['RecordingUrl'] } : {}),
    disconnectionReason: meaning.disconnectionReason,
    ...error,
  };
  return [event];
}

function voicemailEvents(sid: string, p: Params): ChannelEvent[] {
  const url = p['RecordingUrl'];
  if (!url) return [];
  const seconds = Number(p['RecordingDuration']);
  const length = Number.isFinite(seconds) ? ` (${seconds} s)` : '';
  const from = phone(p['From']);
  return [
    {
      kind: 'inbound',
      channel: 'voice',
      providerMessageId: p['RecordingSid'] || `${sid}-voicemail`,
      from: from ? { phone: from } : {},
      to: p['To'],
      body: `Voicemail${length}: ${url}`,
    },
    {
      kind: 'call',
      channel: 'voice',
      providerMessageId: sid,
      ...parties(p),
      recordType: 'voicemail',
      outcome: 'delivered',
      recordingUrl: url,
      disconnectionReason: 'voicemail',
    },
  ];
}

function dialEvents(sid: string, p: Params, connection: ConnectionView): ChannelEvent[] {
  const status = p['DialCallStatus'] ?? '';
  if (!status) throw new WebhookRejected(400, 'DialCallStatus is missing');
  if (!handoffMissed(status)) return [];
  // The leg to the handoff number that nobody took is a call of its own, on the contact's record.
  const handoff = voiceSettings(connection.settings).handoff_number;
  return [
    {
      kind: 'call',
      channel: 'voice',
      providerMessageId: p['DialCallSid'] || `${sid}-handoff`,
      ...parties(p),
      ...(handoff ? { phoneNumberUsed: handoff } : {}),
      outcome: status === 'failed' || status === 'canceled' ? 'failed' : 'no_answer',
      disconnectionReason: 'handoff_not_answered',
    },
  ];
}

/**
 * Twilio Voice calls the gateway at `/webhooks/twilio-voice/<connection id>/<hook>`: `twiml` (an
 * outbound call was answered), `gather` (the key pressed), `dial` (how a handoff ended), `status`
 * (the call's events and recordings), `incoming` (the number's "A call comes in"), and `voicemail`
 * (a caller's recording). Every request is signed (X-Twilio-Signature, checked with the SDK's
 * `validateRequest`) before anything is read; the answer is the call's next TwiML.
 */
export const twilioVoiceWebhooks: ChannelWebhooks = {
  namespace: 'twilio-voice',
  hooks: HOOKS,
  bodies: { contentTypes: ['application/x-www-form-urlencoded'], maxBytes: 64 * 1024 },

  receive(request: WebhookRequest, connection: ConnectionView): ChannelEvent[] {
    const p = authenticate(request, connection);
    const sid = p['CallSid'] as string;
    switch (request.hook) {
      case 'twiml':
        if (!query(request.url, 'm')) throw new WebhookRejected(400, 'the TwiML URL carries no message (query parameter m)');
        return [];
      case 'gather':
        return [];
      case 'status':
        return statusEvents(sid, p);
      case 'incoming':
        return [{ kind: 'call', channel: 'voice', providerMessageId: sid, ...parties(p), recordType: 'call' }];
      case 'voicemail':
        return voicemailEvents(sid, p);
      case 'dial':
        return dialEvents(sid, p, connection);
      default:
        throw new WebhookRejected(400, `${request.hook} is not a Twilio Voice hook`);
    }
  },

  reply(hook: string, _outcome: WebhookOutcome, connection: ConnectionView, request?: WebhookRequest): WebhookReply {
    if (hook === 'status' || !request) return { status: 200 };
    return { status: 200, contentType: 'text/xml', body: nextTwiml(hook, connection, request) };
  },
};

function nextTwiml(hook: string, connection: ConnectionView, request: WebhookRequest): string {
  const s = voiceSettings(connection.settings);
  const agent = connection.references?.['voice_agent_id'] as VoiceAgentView | undefined;
  const p = form(request.rawBody);
  const base = baseOf(request.url);
  const speech: Speech = { voice: s.voice, language: s.language ?? agent?.language ?? 'en-US' };
  const goodbye = s.goodbye_text ?? DEFAULT_TEXTS.goodbye_text;
  const missed = s.missed_text ?? DEFAULT_TEXTS.missed_text;
  // An assigned conversation's call carries its assignee's number from the TwiML URL to the gather's.
  const assignee = query(request.url, 'h');
  const number = handoffNumber(s, assignee);
  const handoff: Handoff | undefined = number
    ? {
        number,
        // An outbound call shows our number; a caller's call shows the caller's (Twilio's default).
        ...(inbound(p) ? {} : { callerId: s.from }),
        timeLimitSeconds: agent?.maxCallDurationSeconds ?? DEFAULT_TIME_LIMIT,
        action: `${base}/dial`,
        record: s.record_calls === true,
      }
    : undefined;
  const voicemail = (prompt: string) => ({ prompt, action: `${base}/voicemail`, maxLengthSeconds: VOICEMAIL_SECONDS });
  switch (hook) {
    case 'twiml': {
      const gather = `${base}/gather${assignee && number === assignee ? `?h=${encodeURIComponent(assignee)}` : ''}`;
      const offer = handoff ? { text: s.offer_text ?? DEFAULT_TEXTS.offer_text, action: gather } : undefined;
      return answeredCallTwiml({ message: query(request.url, 'm') ?? '', answeredBy: p['AnsweredBy'], speech, offer, goodbye });
    }
    case 'gather':
      return gatherResultTwiml({ digits: p['Digits'] ?? '', handoff, speech, goodbye });
    case 'incoming': {
      const open = agent?.openNow ?? true;
      const prompt = open ? missed : (s.after_hours_text ?? DEFAULT_TEXTS.after_hours_text);
      const welcome = agent?.welcomeMessage ?? DEFAULT_WELCOME;
      return incomingCallTwiml({ open, welcome, handoff, voicemail: voicemail(prompt), speech, goodbye });
    }
    case 'dial':
      return dialResultTwiml({
        dialStatus: p['DialCallStatus'] ?? '',
        inbound: inbound(p),
        voicemail: voicemail(missed),
        speech,
        goodbye,
        missed: CALLBACK_TEXT,
      });
    case 'voicemail':
      return goodbyeTwiml(speech, goodbye);
    default:
      return EMPTY_TWIML;
  }
}
