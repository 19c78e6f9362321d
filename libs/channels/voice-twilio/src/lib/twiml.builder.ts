import twilio from 'twilio';

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;
type SayAttributes = Parameters<VoiceResponse['say']>[0];

/** How the gateway speaks on a connection: Twilio's text-to-speech voice and language. */
export interface Speech {
  voice?: string;
  language: string;
}

/** Bridging the call to a person: their number, the caller id shown, how long it may last, where Twilio reports the result. */
export interface Handoff {
  number: string;
  callerId?: string;
  timeLimitSeconds: number;
  /** Twilio posts the <Dial> result here (DialCallStatus). */
  action: string;
  record: boolean;
}

const say = (response: { say(attributes: SayAttributes, text: string): unknown }, speech: Speech, text: string) =>
  response.say({ ...(speech.voice ? { voice: speech.voice } : {}), language: speech.language } as SayAttributes, text);

function dial(response: VoiceResponse, handoff: Handoff): void {
  response.dial(
    {
      ...(handoff.callerId ? { callerId: handoff.callerId } : {}),
      timeLimit: handoff.timeLimitSeconds,
      action: handoff.action,
      method: 'POST',
      ...(handoff.record ? { record: 'record-from-answer-dual' as const } : {}),
    },
    handoff.number,
  );
}

/** AnsweredBy values of Twilio's answering machine detection that mean a machine (or a fax) took the call. */
export function answeredByMachine(answeredBy: string | undefined): boolean {
  return Boolean(answeredBy && (answeredBy.startsWith('machine') || answeredBy === 'fax'));
}

/**
 * The TwiML of an outbound call once it is answered. A machine (AnsweredBy, after the greeting and
 * its beep): the message as a voicemail, then hang up. A person: the message and, when there is
 * someone to hand off to, the offer to press 1, gathered as one digit; no key: goodbye.
 */
export function answeredCallTwiml(input: {
  message: string;
  answeredBy?: string;
  speech: Speech;
  offer?: { text: string; action: string };
  goodbye: string;
}): string {
  const response = new twilio.twiml.VoiceResponse();
  if (answeredByMachine(input.answeredBy)) {
    say(response, input.speech, input.message);
    response.hangup();
    return response.toString();
  }
  if (input.offer) {
    const gather = response.gather({ numDigits: 1, action: input.offer.action, method: 'POST', timeout: 6 });
    say(gather, input.speech, input.message);
    say(gather, input.speech, input.offer.text);
  } else {
    say(response, input.speech, input.message);
  }
  say(response, input.speech, input.goodbye);
  response.hangup();
  return response.toString();
}

/** The key the contact pressed: 1 bridges the call to the handoff number, anything else says goodbye. */
export function gatherResultTwiml(input: { digits: string; handoff?: Handoff; speech: Speech; goodbye: string }): string {
  const response = new twilio.twiml.VoiceResponse();
  if (input.digits === '1' && input.handoff) dial(response, input.handoff);
  else {
    say(response, input.speech, input.goodbye);
    response.hangup();
  }
  return response.toString();
}

/** Where a caller's voicemail goes: Twilio records after the beep and posts the recording to `action`. */
export interface Voicemail {
  prompt: string;
  action: string;
  maxLengthSeconds: number;
}

function recordVoicemail(response: VoiceResponse, speech: Speech, voicemail: Voicemail, goodbye: string): string {
  say(response, speech, voicemail.prompt);
  response.record({ action: voicemail.action, method: 'POST', maxLength: voicemail.maxLengthSeconds, playBeep: true, finishOnKey: '#' });
  // Reached only when nothing was recorded (Twilio goes to the action otherwise).
  say(response, speech, goodbye);
  response.hangup();
  return response.toString();
}

/**
 * A call to the connection's number: inside the voice agent's working hours (and with someone to
 * hand off to), the welcome and the handoff; outside, a voicemail.
 */
export function incomingCallTwiml(input: {
  open: boolean;
  welcome: string;
  handoff?: Handoff;
  voicemail: Voicemail;
  speech: Speech;
  goodbye: string;
}): string {
  const response = new twilio.twiml.VoiceResponse();
  if (!input.open || !input.handoff) return recordVoicemail(response, input.speech, input.voicemail, input.goodbye);
  say(response, input.speech, input.welcome);
  dial(response, input.handoff);
  return response.toString();
}

/**
 * The end of a handoff (<Dial>'s action). Answered: hang up. Not answered: a caller who called in
 * may leave a voicemail; a contact the gateway called hears that someone will call back.
 */
export function dialResultTwiml(input: {
  dialStatus: string;
  inbound: boolean;
  voicemail: Voicemail;
  speech: Speech;
  goodbye: string;
  missed: string;
}): string {
  const response = new twilio.twiml.VoiceResponse();
  if (input.dialStatus === 'completed' || input.dialStatus === 'answered') {
    response.hangup();
    return response.toString();
  }
  if (input.inbound) return recordVoicemail(response, input.speech, input.voicemail, input.goodbye);
  say(response, input.speech, input.missed);
  response.hangup();
  return response.toString();
}

/** After a voicemail was recorded. */
export function goodbyeTwiml(speech: Speech, goodbye: string): string {
  const response = new twilio.twiml.VoiceResponse();
  say(response, speech, goodbye);
  response.hangup();
  return response.toString();
}

/** Nothing to say (status callbacks take no TwiML; an empty answer is fine everywhere else too). */
export const EMPTY_TWIML = new twilio.twiml.VoiceResponse().toString();
