/**
 * Text normalisation shared by every part of the detector: lower case, no accents ("mañana" and
 * "manana" read alike), emoji turned into words the lexicons know, punctuation into spaces (keeping
 * "3:30", "15/07"), letters repeated three times or more collapsed ("byeee", "siii", "okkk").
 */

/** Emoji that carry meaning for follow-ups, as tokens the lexicons match. Other emoji are dropped. */
const EMOJI_WORDS: ReadonlyArray<[RegExp, string]> = [
  [/👋/gu, ' emoji_wave '],
  [/🙏/gu, ' emoji_thanks '],
  [/👍|👌|🆗/gu, ' ok '],
  [/🚗|🚙|🚘|🚕|🏍️?|🚚|🚌/gu, ' emoji_driving '],
  [/📞|☎️?|📲|📱/gu, ' emoji_phone '],
  [/🤖/gu, ' emoji_bot '],
  [/😴|💤/gu, ' emoji_sleep '],
  [/🚫|❌|⛔|🛑|✋/gu, ' emoji_no '],
  [/🏃‍♂️|🏃‍♀️|🏃/gu, ' emoji_running '],
  [/⏰|⏳|⌛|🕐|🕑|🕒|🕓|🕔|🕕/gu, ' emoji_clock '],
];

/** Every emoji above lies at or beyond U+2300 (or is a surrogate pair): text without such characters skips them. */
const MAYBE_EMOJI = /[\u2300-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]/;
const ACCENTS = /[\u0300-\u036f]/g;
const APOSTROPHES = /['’`´]/g;
const REPEATS = /([a-z])\1{2,}/g;

/** Normalises a message: see the file comment. The result is ASCII words, digits, ":" and "/". */
export function normalizeText(text: string): string {
  let s = text.toLowerCase();
  if (MAYBE_EMOJI.test(s)) for (const [pattern, word] of EMOJI_WORDS) s = s.replace(pattern, word);
  if (NON_ASCII.test(s)) s = s.normalize('NFD').replace(ACCENTS, '');
  s = s
    .replace(/\b([ap])\.\s?m\b\.?/g, '$1m')
    .replace(APOSTROPHES, '')
    .replace(/(\d)\.(\d\d)\b/g, '$1:$2')
    .replace(/@/g, ' at ')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9:/_]+/g, ' ')
    .replace(/(?<!\d)[:/]|[:/](?!\d)/g, ' ')
    .replace(REPEATS, '$1');
  return s.trim().replace(/\s+/g, ' ');
}

/** The words of a normalised text. */
export function tokensOf(normalized: string): string[] {
  return normalized ? normalized.split(' ') : [];
}

/** Whether two words are at most one edit apart (insertion, deletion, substitution or swap of neighbours). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
