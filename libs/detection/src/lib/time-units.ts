import { FEW_WORDS, HOUR_WORDS, NUMBER_WORDS } from './time-vocabulary';
import type { TimeParts } from './time-parse';

/** A clock time as written: `certain` when am/pm, a part of day or a 24-hour form says which half of the day. */
export interface Clock {
  hour: number;
  minute: number;
  certain: boolean;
  /** Minutes to move it by: "before 5" is read as 4:00. */
  shift: number;
}

const ONE = new Set(['a', 'an', 'one', 'un', 'uno', 'una', 'um', 'uma']);
const LEADING = /^(?:the\s+)?next\s+|^(?:los|las|os|as)\s+proxim[oa]s\s+/;

/** "in 2 hours", "en media hora", "daqui a 15 min", "in 3 days": into the parts. False when it is not a duration. */
export function readDuration(full: string, quantity: string, unit: string, parts: TimeParts): boolean {
  const q = quantity.trim().replace(LEADING, '').replace(/\s+/g, ' ');
  const few = FEW_WORDS.has(q);
  const n = /^\d+$/.test(q) ? Number(q) : NUMBER_WORDS[q];
  if (n === undefined || n <= 0) return false;
  const half = /(?:y|e|and)\s+(?:media|meia|a\s+half)\s*$/.test(full) ? 0.5 : 0;
  if (/^(?:min|minute|minutes|mins|minutos?|minutinhos?|minutitos)$/.test(unit)) {
    if (ONE.has(q)) return false; // "in a minute": a way of saying "soon"
    parts.offsetMinutes = few ? 10 : n;
  } else if (/^(?:h|hr|hrs|hours?|horas?|horinha)$/.test(unit)) {
    if (unit === 'h' && !/^\d+$/.test(q)) return false;
    parts.offsetMinutes = Math.round((n + half) * 60);
  } else if (/^(?:days?|dias?)$/.test(unit)) {
    parts.dayOffset = n;
  } else if (/^(?:weeks?|semanas?)$/.test(unit)) {
    parts.dayOffset = n * 7;
  } else {
    parts.monthOffset = n;
  }
  return true;
}

const MORNING = /^(?:manana|manha|madrugada|morning)$/;

/**
 * A clock time from the CLOCK pattern's groups (prefix, hour, minutes, suffix, fraction, qualifier),
 * or from a bare hour after a day word ("tomorrow 3"). False when the words are not a time.
 */
export function readClock(parts: TimeParts, hourText: string, minuteDelta: number, m?: RegExpExecArray): boolean {
  const [prefix, , minutesText, suffix, fraction, qualifier] = m ? m.slice(1) : [];
  const digits = /^\d+$/.test(hourText);
  let hour = digits ? Number(hourText) : HOUR_WORDS[hourText];
  if (hour === undefined) return false;
  if (m && !prefix && !minutesText && !qualifier && !/^(?:am|pm|h|hs)$/.test(suffix ?? '')) return false;
  if (m && !prefix && /^(?:horas|hrs)$/.test(suffix ?? '')) return false;
  if (!digits && !prefix && m) return false;
  let minute = minutesText ? Number(minutesText) : 0;
  if (fraction) minute = /media|meia|half/.test(fraction) ? 30 : 15;
  if (minuteDelta < 0) {
    hour -= 1;
    minute = 60 + minuteDelta;
  } else if (minuteDelta > 0) minute = minuteDelta;
  if (hour > 23 || minute > 59 || hour < 0) return false;
  let certain = hour >= 13 || hour === 0;
  if (suffix === 'pm' || (qualifier && !MORNING.test(qualifier))) {
    if (hour < 12) hour += 12;
    certain = true;
  } else if (suffix === 'am' || (qualifier && MORNING.test(qualifier))) {
    if (hour === 12) hour = 0;
    certain = true;
  }
  const shift = prefix && /^(?:before|antes)/.test(prefix) ? -60 : 0;
  parts.clock ??= { hour, minute, certain, shift };
  return true;
}
