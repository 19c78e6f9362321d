/**
 * Why a follow-up (or one delivery attempt of it) is where it is: a typed code with a sentence
 * beside it. The code is stored (`reason_code`) and read as is; the text (`status_reason`) is for
 * people and is never parsed back.
 */
export const REASON_SENTENCES = {
  contact_replied: 'the contact replied, so the pending follow-ups of the conversation were cancelled',
  restarted: 'the agent sent a new message, so the stopped-replying sequence started again',
  conversation_deleted: 'the conversation no longer exists',
  conversation_changed: 'a message was recorded after this follow-up was scheduled',
  contact_deleted: 'the contact no longer exists',
  agent_deleted: 'the agent no longer exists',
  agent_inactive: 'the agent is not active',
  bot_not_active: 'the conversation’s bot is not active (sleeping, stopped or handed over)',
  human_handover: 'the conversation was handed over to a person',
  scenario_disabled: 'the advancedFollowup action was disabled or removed',
  step_removed: 'the sequence no longer has this step',
  opted_out: 'the contact opted out of every channel that could reach them',
  undeliverable: 'the contact’s address on this channel failed before',
  no_channel: 'no channel can reach the contact now',
  contact_away:
    'the contact left the conversation’s channel (a live chat visitor closed the page) and no other channel can reach them: held until they come back',
  outside_hours: 'it fell due outside working hours and was moved to the next open interval',
  moved_into_hours: 'its due time was moved into working hours',
  no_working_hours: 'working hours are on but no interval is open on any day',
  channel_switched: 'it went out on another channel than the conversation’s own',
  ai_composer_unavailable: 'the step asks for an AI-written message and no AI composer is configured',
  empty_message: 'the custom message is empty once its variables are filled in',
  send_failed: 'the provider refused the message',
  delivery_failed: 'the provider reported that the message was not delivered',
  outcome_unknown: 'it is not known whether the provider took the message, so it was not sent again',
  retrying: 'the provider could not be reached; the channel deduplicates, so it is tried again',
  requeued: 'its process stopped before sending; it went back to the queue',
  resending: 'its process stopped while sending; the channel deduplicates, so it is sent again with the same key',
} as const;

export type ReasonCode = keyof typeof REASON_SENTENCES;
export const REASON_CODES = Object.keys(REASON_SENTENCES) as ReasonCode[];

/** A reason as stored: the code, and the text shown as `status_reason` / the timeline's `reason`. */
export interface Reason {
  code: ReasonCode;
  text: string;
}

/**
 * A reason with the detail of this case: the text is `code: detail` (or the code alone), the
 * shape the timeline has always shown.
 */
export function reason(code: ReasonCode, detail?: string | null): Reason {
  return { code, text: detail ? `${code}: ${detail}` : code };
}

/** The sentence for a code, for people (the dashboard, the docs). */
export function reasonSentence(code: ReasonCode): string {
  return REASON_SENTENCES[code];
}
