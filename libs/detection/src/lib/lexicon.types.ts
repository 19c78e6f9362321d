/** Cue lists of one tier: `strong` and `weak` match anywhere, `alone` only when the rest of the message is filler. */
export interface CueList {
  strong?: readonly string[];
  weak?: readonly string[];
  alone?: readonly string[];
}

/**
 * One language's words for the detector, as regex fragments over normalised text (lower case, no
 * accents, no apostrophes: "can't" is "cant", "não" is "nao"). See docs/detection.md to add entries.
 */
export interface Lexicon {
  /** Shorthand to full words, applied word by word before matching ("tmrw" -> "tomorrow", "vc" -> "voce"). */
  aliases: Readonly<Record<string, string>>;
  /** Words a one-letter typo is corrected to ("tomorow" -> "tomorrow"); five letters or more. */
  typoWords: readonly string[];
  notInterested: CueList;
  wantsHuman: CueList;
  busy: CueList;
  goodbye: CueList;
  /** Cancels a busy cue: "not busy", "no estoy ocupado", "tava ocupado" (past). */
  notBusy: readonly string[];
  /** Words that make a time a request for contact: call, text, talk, free, better, ... */
  contact: readonly string[];
  /** A time that is about something else: "my appointment is at 3", "are you open on Saturday". */
  nonRequest: readonly string[];
  /** Replies that are surely none, so the classifier is not asked: "no problem", "no sé", "não entendi". */
  neutral: readonly string[];
  /** Words that carry nothing on their own: ok, thanks, please, emoji, laughter. */
  fillers: readonly string[];
}
