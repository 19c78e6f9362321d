import { apiBaseUrlProblems } from '@followup/channels-twilio-common';

/** A connection's settings (provider `twilio-voice`). */
export interface TwilioVoiceSettings {
  account_sid: string;
  auth_token: string;
  /** The account's number the calls come from (and the caller id of a handoff). */
  from: string;
  api_base_url?: string;
  /** The person or queue a call is bridged to when the contact asks for someone. */
  handoff_number?: string;
  /** The numbers of the people conversations are assigned to (user id -> E.164): a call of an assigned conversation bridges to its assignee. */
  assignee_numbers?: Record<string, string>;
  /** The Voice AI agent (seed 002) whose working hours, zone, welcome, language and maximum call duration apply. */
  voice_agent_id?: string;
  /** Twilio's text-to-speech voice (`alice`, `Polly.Joanna`, `Google.en-US-Neural2-F`, ...). */
  voice?: string;
  /** The language spoken (BCP 47); default the voice agent's, else en-US. */
  language?: string;
  /** Answering machines get the message as a voicemail after the beep (Twilio's MachineDetection); default true. */
  machine_detection?: boolean;
  /** Record bridged calls (their recording becomes the record's audio_url); default false. */
  record_calls?: boolean;
  /** Said after the message to a person who answers, while waiting for a key. */
  offer_text?: string;
  /** Said when the contact presses no key (or another one), before hanging up. */
  goodbye_text?: string;
  /** Said to a caller outside the voice agent's working hours, before the beep. */
  after_hours_text?: string;
  /** Said to a caller whose handoff nobody answered, before the beep. */
  missed_text?: string;
  /** A humanHandOver on another channel offers a call on this connection (default false). */
  handover_call?: boolean;
  /** What that call says before offering to press 1 (default 'Hello, you asked to talk to someone.'). */
  handover_call_text?: string;
  /** Added to the handover's final message (default 'We will call you now.'). */
  handover_call_notice?: string;
}

export const DEFAULT_TEXTS = {
  offer_text: 'Press 1 to talk to someone now.',
  goodbye_text: 'Thank you. Goodbye.',
  after_hours_text: 'We are closed right now. Please leave a message after the beep, and we will call you back.',
  missed_text: 'Nobody can take your call right now. Please leave a message after the beep, and we will call you back.',
} as const;

/** The longest text spoken in one call (Twilio's <Say> takes 4,096 characters; the TwiML URL carries it). */
export const MAX_SPOKEN_LENGTH = 1000;

export { TWILIO_API } from '@followup/channels-twilio-common';
export const E164 = /^\+[1-9]\d{6,14}$/;
const KNOWN = [
  'account_sid',
  'auth_token',
  'from',
  'api_base_url',
  'handoff_number',
  'assignee_numbers',
  'voice_agent_id',
  'voice',
  'language',
  'machine_detection',
  'record_calls',
  'offer_text',
  'goodbye_text',
  'after_hours_text',
  'missed_text',
  'handover_call',
  'handover_call_text',
  'handover_call_notice',
];
const TEXTS = ['offer_text', 'goodbye_text', 'after_hours_text', 'missed_text', 'handover_call_text', 'handover_call_notice'];

/** Problems with a connection's settings, one line each naming the field. */
export function validateTwilioVoiceSettings(s: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (typeof s['account_sid'] !== 'string' || !/^AC[0-9a-fA-F]{32}$/.test(s['account_sid']))
    problems.push('settings.account_sid must be a Twilio Account SID (AC followed by 32 hex digits)');
  if (typeof s['auth_token'] !== 'string' || s['auth_token'].length < 16)
    problems.push("settings.auth_token must be the account's auth token");
  if (typeof s['from'] !== 'string' || !E164.test(s['from']))
    problems.push('settings.from must be an E.164 phone number of the account, such as +14155550123');
  problems.push(...apiBaseUrlProblems(s['api_base_url']));
  const handoff = s['handoff_number'];
  if (handoff !== undefined && (typeof handoff !== 'string' || !E164.test(handoff)))
    problems.push('settings.handoff_number must be an E.164 phone number such as +14155550100');
  const assignees = s['assignee_numbers'];
  if (assignees !== undefined) {
    if (typeof assignees !== 'object' || assignees === null || Array.isArray(assignees))
      problems.push('settings.assignee_numbers must be an object of user ids and their E.164 numbers');
    else
      for (const [user, number] of Object.entries(assignees))
        if (typeof number !== 'string' || !E164.test(number))
          problems.push(`settings.assignee_numbers.${user} must be an E.164 phone number such as +14155550100`);
  }
  const agent = s['voice_agent_id'];
  if (agent !== undefined && (typeof agent !== 'string' || !agent.trim() || agent.length > 64))
    problems.push('settings.voice_agent_id must be the id of a Voice AI agent of this location');
  const voice = s['voice'];
  if (voice !== undefined && (typeof voice !== 'string' || !/^[A-Za-z][A-Za-z0-9._-]{0,63}$/.test(voice)))
    problems.push("settings.voice must be a Twilio text-to-speech voice such as 'alice' or 'Polly.Joanna'");
  const language = s['language'];
  if (language !== undefined && (typeof language !== 'string' || !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(language)))
    problems.push("settings.language must be a language tag such as 'en-US' or 'es-MX'");
  for (const flag of ['machine_detection', 'record_calls', 'handover_call'])
    if (s[flag] !== undefined && typeof s[flag] !== 'boolean') problems.push(`settings.${flag} must be true or false`);
  for (const key of TEXTS) {
    const text = s[key];
    if (text !== undefined && (typeof text !== 'string' || !text.trim() || text.length > 500))
      problems.push(`settings.${key} must be a text of 1 to 500 characters`);
  }
  for (const key of Object.keys(s))
    if (!KNOWN.includes(key)) problems.push(`settings.${key} is not a Twilio Voice setting (${KNOWN.join(', ')})`);
  return problems;
}

/**
 * Where a call's handoff goes: the assignee's number when the connection knows it (given by the
 * gateway's own signed URL, and only if it is one of the connection's numbers), else `handoff_number`.
 */
export function handoffNumber(s: TwilioVoiceSettings, assigneeNumber?: string | null): string | undefined {
  const known = Object.values(s.assignee_numbers ?? {});
  return assigneeNumber && known.includes(assigneeNumber) ? assigneeNumber : s.handoff_number;
}

/** The settings as stored (validated when the connection was written). */
export function voiceSettings(settings: Record<string, unknown>): TwilioVoiceSettings {
  return settings as unknown as TwilioVoiceSettings;
}
