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
  bot_stopped: 'the contact said goodbye or asked the bot to stop, so the bot stopped',
  not_interested: 'the contact said they are not interested; no sequence starts again until they write',
  scenario_disabled: 'the advancedFollowup action was disabled or removed',
  step_removed: 'the sequence no longer has this step',
  opted_out: 'the contact opted out of every channel that could reach them',
  undeliverable: 'the contact’s address on this channel failed before',
  no_channel: 'no channel can reach the contact now',
  contact_away:
    'the contact left the conversation’s channel (a live chat visitor closed the page) and no other channel can reach them: held until they come back',
  outside_hours: 'it fell due outside working hours and was moved to the next open interval',
  moved_into_hours: 'its due time was moved into working hours',
  outside_contact_hours: 'the contact asked for a time outside 08:00-21:00 in their zone; it was moved to the next such time',
  no_working_hours: 'working hours are on but no interval is open on any day',
  channel_switched: 'it went out on another channel than the conversation’s own',
  ai_composer_unavailable: 'the step asks for an AI-written message and no AI composer is configured',
  ai_composer_timeout:
    'the AI endpoint did not answer within AI_TIMEOUT_MS; the step’s customMessage went out instead, or without one the step is held',
  ai_composer_failed:
    'the AI endpoint could not be reached, answered an HTTP error (its message is quoted) or a malformed answer; the step’s customMessage went out instead, or without one the step is held',
  ai_reply_rejected:
    'the AI endpoint’s answer was empty, a refusal or a text with placeholders; the step’s customMessage went out instead, or without one the step is held',
  empty_message: 'the custom message is empty once its variables are filled in',
  send_failed: 'the provider refused the message',
  session_closed: 'the channel takes only templates now (WhatsApp: 24 hours after the contact last wrote) and there was none to send',
  template_unsupported: 'the step is a template and the channel it goes out on takes no templates',
  rate_limited: 'the provider asked to slow down; nothing was sent, so it goes again after the time it named',
  paced: 'its connection sends at most messages_per_second: it waited for its turn (late rather than lost)',
  failed_over:
    'the channel it went out on failed for good (refused at send time or reported failed/undelivered); with dynamic channel switching it goes again on the next usable channel',
  awaiting_status:
    'it is not known whether the provider took the message (a timeout, a server error on a channel that does not deduplicate); with dynamic channel switching it waits FAILOVER_NO_STATUS_MS for a status, then goes on the next usable channel',
  no_status:
    'the send’s outcome was unknown and no status came within FAILOVER_NO_STATUS_MS, so it counts as failed and the step failed over',
  delivery_failed: 'the provider reported that the message was not delivered',
  outcome_unknown: 'it is not known whether the provider took the message, so it was not sent again',
  retrying: 'the provider could not be reached; the channel deduplicates, so it is tried again',
  requeued: 'its process stopped before sending; it went back to the queue',
  resending: 'its process stopped while sending; the channel deduplicates, so it is sent again with the same key',
  cancelled_by_user: 'a person cancelled it (through the API or the dashboard)',
  rescheduled: 'a person moved it to another time (through the API or the dashboard)',
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
