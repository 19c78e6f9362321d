import { randomBytes } from 'node:crypto';
import { TwilioApiDouble } from './twilio-api-double';

/** What a TwiML answer tells Twilio to do, read back for assertions. */
export interface ReadTwiml {
  says: string[];
  gather?: Record<string, string>;
  dial?: Record<string, string> & { number: string };
  record?: Record<string, string>;
  hangup: boolean;
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
const attributes = (text = '') => Object.fromEntries([...text.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], unescape(m[2] ?? '')]));

/** Reads the verbs of a TwiML document (the ones the gateway uses). */
export function readTwiml(xml: string): ReadTwiml {
  const dial = /<Dial([^>]*)>([^<]*)<\/Dial>/.exec(xml);
  const gather = /<Gather([^>]*)>/.exec(xml);
  const record = /<Record([^>]*?)\/?>/.exec(xml);
  return {
    says: [...xml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => unescape(m[1] ?? '')),
    ...(gather ? { gather: attributes(gather[1]) } : {}),
    ...(dial ? { dial: { ...attributes(dial[1]), number: unescape(dial[2] ?? '') } } : {}),
    ...(record ? { record: attributes(record[1]) } : {}),
    hangup: xml.includes('<Hangup/>'),
  };
}

export interface CallAnswer {
  status: number;
  body: string;
  twiml: ReadTwiml;
}

interface KnownCall {
  from: string;
  to: string;
  direction: 'inbound' | 'outbound-api';
}

/**
 * Twilio's side of phone calls, against a gateway: it fetches an answered call's TwiML URL,
 * answers as a person or a machine (AnsweredBy), sends the digits pressed, ends a <Dial>, posts a
 * recording, a caller's call to the number, and status callbacks with durations and recording
 * URLs. Every request is signed as Twilio signs it (the double's `post`).
 */
export class TwilioVoicePeer {
  private readonly inbound = new Map<string, KnownCall>();

  constructor(private readonly twilio: TwilioApiDouble) {}

  /** The call was answered: Twilio fetches its TwiML URL (AnsweredBy: `human`, `machine_end_beep`, ...). */
  answer(callSid: string, answeredBy = 'human'): Promise<CallAnswer> {
    const call = this.outbound(callSid);
    const detected: Record<string, string> = call.machineDetection ? { AnsweredBy: answeredBy } : {};
    return this.request(call.url, callSid, { CallStatus: 'in-progress', ...detected });
  }

  /** The contact pressed keys: Twilio posts them to the <Gather>'s action. */
  press(callSid: string, action: string, digits: string): Promise<CallAnswer> {
    return this.request(action, callSid, { CallStatus: 'in-progress', Digits: digits, FinishedOnKey: '' });
  }

  /** A <Dial> ended: Twilio posts its result to the <Dial>'s action. */
  dialEnded(callSid: string, action: string, dialStatus: string, extra: Record<string, string> = {}): Promise<CallAnswer> {
    return this.request(action, callSid, { CallStatus: 'in-progress', DialCallStatus: dialStatus, DialCallSid: sid('CA'), ...extra });
  }

  /** A caller left a recording: Twilio posts it to the <Record>'s action. */
  recorded(callSid: string, action: string, recordingUrl: string, seconds: number): Promise<CallAnswer> {
    return this.request(action, callSid, {
      CallStatus: 'in-progress',
      RecordingUrl: recordingUrl,
      RecordingSid: sid('RE'),
      RecordingDuration: String(seconds),
    });
  }

  /** Someone calls the number: Twilio posts to its "A call comes in" URL. */
  async incoming(url: string, from: string, to: string): Promise<CallAnswer & { callSid: string }> {
    const callSid = sid('CA');
    this.inbound.set(callSid, { from, to, direction: 'inbound' });
    return { callSid, ...(await this.request(url, callSid, { CallStatus: 'ringing' })) };
  }

  /**
   * A status callback: the call's StatusCallback (outbound) or `url` (a number's "Call status
   * changes"), with CallDuration and RecordingUrl once it completed.
   */
  status(
    callSid: string,
    callStatus: string,
    extra: { durationSeconds?: number; recordingUrl?: string; answeredBy?: string; url?: string } = {},
  ): Promise<CallAnswer> {
    const url = extra.url ?? this.twilio.calls.find((c) => c.sid === callSid)?.statusCallback;
    if (!url) throw new Error(`call ${callSid} has no StatusCallback`);
    const call = this.twilio.calls.find((c) => c.sid === callSid);
    if (call) call.status = callStatus;
    return this.request(url, callSid, {
      CallStatus: callStatus,
      Timestamp: new Date().toUTCString().replace('GMT', '+0000'),
      ...(extra.durationSeconds !== undefined
        ? { CallDuration: String(extra.durationSeconds), Duration: String(Math.ceil(extra.durationSeconds / 60)) }
        : {}),
      ...(extra.recordingUrl ? { RecordingUrl: extra.recordingUrl, RecordingSid: sid('RE') } : {}),
      ...(extra.answeredBy ? { AnsweredBy: extra.answeredBy } : {}),
    });
  }

  /** A signed POST about a call, with the parameters Twilio sends on every call request. */
  async request(url: string, callSid: string, params: Record<string, string>, authToken?: string): Promise<CallAnswer> {
    const known = this.inbound.get(callSid) ?? this.known(callSid);
    const answer = await this.twilio.post(
      url,
      {
        AccountSid: this.twilio.accountSid,
        ApiVersion: '2010-04-01',
        CallSid: callSid,
        From: known.from,
        To: known.to,
        Direction: known.direction,
        Caller: known.from,
        Called: known.to,
        ...params,
      },
      authToken,
    );
    return { ...answer, twiml: readTwiml(answer.body) };
  }

  private known(callSid: string): KnownCall {
    const call = this.outbound(callSid);
    return { from: call.from, to: call.to, direction: 'outbound-api' };
  }

  private outbound(callSid: string) {
    const call = this.twilio.calls.find((c) => c.sid === callSid);
    if (!call) throw new Error(`the Twilio double placed no call ${callSid}`);
    return call;
  }
}

const sid = (prefix: string) => `${prefix}${randomBytes(16).toString('hex')}`;
