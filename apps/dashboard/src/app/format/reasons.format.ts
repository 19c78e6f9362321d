import { REASON_SENTENCES, ReasonCode } from '@followup/contracts/browser';

const LABELS: Partial<Record<ReasonCode, string>> = {
  contact_replied: 'Cancelled because the contact replied',
  restarted: 'Cancelled: the sequence started again',
  outside_hours: 'Moved by working hours',
  moved_into_hours: 'Moved by working hours',
  channel_switched: 'Switched channel',
  bot_not_active: 'Held: the bot is not active',
  opted_out: 'Cancelled: the contact opted out',
  cancelled_by_user: 'Cancelled by a person',
  rescheduled: 'Rescheduled by a person',
  send_failed: 'The provider refused it',
  delivery_failed: 'Not delivered',
  no_channel: 'No channel can reach the contact',
};

const isCode = (code: string): code is ReasonCode => Object.prototype.hasOwnProperty.call(REASON_SENTENCES, code);

export interface ReasonWords {
  /** A short label ("Moved by working hours"). */
  label: string;
  /** The sentence, with the case's detail when there is one. */
  sentence: string;
}

/** A follow-up's reason in words: the typed code's sentence (contracts' REASON_SENTENCES) and the stored detail. */
export function reasonWords(code: string | null | undefined, text: string | null | undefined): ReasonWords | null {
  if (code && isCode(code)) {
    const detail = text?.startsWith(`${code}: `) ? text.slice(code.length + 2) : null;
    const sentence = REASON_SENTENCES[code];
    const label = LABELS[code] ?? sentence.charAt(0).toUpperCase() + sentence.slice(1);
    return { label, sentence: detail ? `${sentence} (${detail})` : sentence };
  }
  return text ? { label: text.charAt(0).toUpperCase() + text.slice(1), sentence: text } : null;
}

/** Scenario ids in words. */
export function scenarioName(id: string | null | undefined): string {
  const names: Record<string, string> = {
    contactStoppedReplying: 'Stopped replying',
    contactIsBusy: 'Busy',
    contactRequested: 'Asked for a follow-up',
  };
  return (id && names[id]) || id || 'Follow-up';
}

/** Channel ids in words. */
export function channelName(id: string | null | undefined): string {
  const names: Record<string, string> = { sms: 'SMS', email: 'Email', whatsapp: 'WhatsApp', live_chat: 'Live chat', voice: 'Voice' };
  return (id && names[id]) || id || '—';
}
