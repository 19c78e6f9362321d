import * as chrono from 'chrono-node';
import { DateTime, IANAZone } from 'luxon';
import type { MessageIntent } from '@followup/contracts';

/** The intents a detector answers: the API's vocabulary (contracts' MESSAGE_INTENTS). */
export type Intent = MessageIntent;

export interface DetectedIntent {
  intent: Intent;
  /** For requested_followup: when the contact asked to be contacted. */
  requestedAt?: Date;
}

/** Reads what an inbound message means for follow-ups. Smarter detectors replace this one. */
export abstract class IntentDetector {
  abstract detect(text: string, sentAt: Date, zone: string): DetectedIntent;
}

const BUSY =
  /\b(busy|driving|in a meeting|in class|at work|on a call|on the phone|can'?t talk|cannot talk|can'?t chat|not now|not a good time|bad time|talk later|ttyl|later|brb|swamped|occupied)\b/i;
const CONTACT_CUE =
  /\b(call|ring|text|message|msg|email|e-mail|contact|reach|ping|follow[- ]?up|get back|talk|speak|chat|try|hit me|catch up|remind)\b/i;
const RELATIVE_CUE =
  /\b(tomorrow|tonight|tmrw|tmr|next|later|in \d+|after|this (afternoon|evening|morning|weekend)|on (mon|tue|wed|thu|fri|sat|sun))/i;

/**
 * "At 5" without am/pm means 5 pm (hours 1-6 are read as afternoon, 7-11 as morning), on the day
 * the text names, else the first such time after the message.
 */
function resolveMeridiem(result: chrono.ParsedResult, sentAt: Date, zone: string): Date {
  const start = result.start;
  const hour = start.get('hour');
  if (start.isCertain('meridiem') || hour === null || hour < 1 || hour > 6 || !start.isCertain('hour')) return start.date();
  const parsed = DateTime.fromJSDate(start.date(), { zone });
  const sent = DateTime.fromJSDate(sentAt, { zone });
  const base = start.isCertain('day') ? parsed : sent;
  let at = base.set({ hour: hour + 12, minute: start.get('minute') ?? 0, second: 0, millisecond: 0 });
  if (!start.isCertain('day') && at <= sent) at = at.plus({ days: 1 });
  return at.toJSDate();
}

/**
 * The built-in detector: keywords for "busy", and chrono-node for "call me tomorrow at 3" (read in
 * the contact's zone, relative to when the message was sent; only times after it count).
 */
export class KeywordIntentDetector extends IntentDetector {
  detect(text: string, sentAt: Date, zone: string): DetectedIntent {
    const offset = IANAZone.isValidZone(zone) ? IANAZone.create(zone).offset(sentAt.getTime()) : 0;
    const results = chrono.parse(text, { instant: sentAt, timezone: offset }, { forwardDate: true });
    const future = results.map((r) => resolveMeridiem(r, sentAt, zone)).find((d) => d.getTime() > sentAt.getTime());
    if (future && (CONTACT_CUE.test(text) || RELATIVE_CUE.test(text) || BUSY.test(text))) {
      return { intent: 'requested_followup', requestedAt: future };
    }
    if (BUSY.test(text)) return { intent: 'busy' };
    return { intent: 'none' };
  }
}
