import { matchPhrases, type PhraseMatch } from './agent-phrases';
import { chronoTime } from './chrono-fallback';
import { ALONE, STRONG, cuesOf, expandText, withoutFillers, withoutGoodbyes, type Cues } from './intent-cues';
import {
  DETECTION_LANGUAGES,
  IntentDetector,
  type Detection,
  type DetectionInput,
  type DetectionLanguage,
  type TextReading,
} from './intent-detector';
import { detectLanguage } from './language-detect';
import { normalizeText, tokensOf } from './text-normalize';
import { parseTime } from './time-parse';
import { readAhead } from './reading-threads';
import { resolveTime, type RequestedTime } from './time-resolve';
import { MONTHS } from './time-vocabulary';
import { builtinClassifier } from './builtin-classifier';
import type { NeuralClassifier } from './neural-classifier';

/** The classifier's posterior below which its answer is not taken. */
const CLASSIFIER_THRESHOLD = 0.75;

export interface DetectorOptions {
  /** Ask the built-in classifier when the rules find nothing (default true). */
  classifier?: boolean;
}

const hasCue = (c: Cues) => c.notInterested > 0 || c.wantsHuman > 0 || c.busy > 0 || c.goodbye > 0 || c.notBusy;
const MONTH_WORD = new RegExp(`\\b(?:${Object.keys(MONTHS).join('|')})\\b`);
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The built-in detector, for English, Spanish and Portuguese: the agent's own example phrases
 * first, then lexicons of what leads text (busy, goodbye, wants a human, not interested) and a
 * reader of times ("mañana a las 3", "daqui a 15 min", "next week") placed in the contact's zone.
 * Synchronous; the lexicons and patterns are built once, at load. docs/detection.md tells what it reads.
 */
export class MultilingualIntentDetector extends IntentDetector {
  private readonly classifier?: NeuralClassifier;

  /** `classifier: false` leaves the rules alone (the measurement in docs/detection.md compares both). */
  constructor(options: DetectorOptions = {}) {
    super();
    if (options.classifier !== false) this.classifier = builtinClassifier();
  }

  /**
   * What the text says by itself (normalised words, language, cues, the times it names, the
   * classifier's answer where the rules may need it): no clock, zone or agent phrases, so it can be
   * read ahead, on another thread (ReadingThreads), and handed to `detect`. Plain data.
   */
  read(text: string, languageHint?: DetectionLanguage, options: { classify?: boolean } = {}): TextReading {
    const normalized = normalizeText(text ?? '');
    const tokens = tokensOf(normalized);
    const language = detectLanguage(text ?? '', tokens, languageHint);
    const expanded = expandText(tokens, language);
    let cues = cuesOf(expanded, language);
    let factor = 1;
    if (!hasCue(cues)) {
      for (const other of DETECTION_LANGUAGES.filter((l) => l !== language)) {
        const found = cuesOf(expandText(tokens, other), other);
        if (hasCue(found)) {
          [cues, factor] = [found, 0.9];
          break;
        }
      }
    }
    const parts = parseTime(withoutGoodbyes(expanded, language));
    const restWords = withoutFillers(parts.rest.join(' '), language).split(' ').filter(Boolean).length;
    const reading: TextReading = {
      text: text ?? '',
      normalized,
      language,
      expanded,
      cues,
      factor,
      parts,
      restWords,
      numeric: /\d/.test(expanded) || MONTH_WORD.test(expanded),
    };
    // Ahead of time the classifier is asked whenever the rules may come to nothing (no cue): it is
    // cheaper to ask it on the other thread than to find out later on this one.
    if (options.classify && this.mayAskClassifier(reading)) reading.classified = this.classified(language, expanded) ?? null;
    return reading;
  }

  /** The text read on a reading thread (useReadingThreads), for `detect`; undefined without threads. */
  override readAhead(text: string, languageHint?: DetectionLanguage): Promise<TextReading | undefined> {
    return readAhead(text, languageHint);
  }

  detect(input: DetectionInput, ahead?: TextReading): Detection {
    // A reading of another text (or none) is not used: the text is read here.
    const reading = ahead && ahead.text === (input.text ?? '') ? ahead : this.read(input.text, input.languageHint);
    const { normalized, language, cues, factor } = reading;
    const phrase = matchPhrases(normalized, input.phrases);
    if (phrase && phrase.action !== 'transferBot') {
      const intent = phrase.action === 'humanHandOver' ? 'wants_human' : 'goodbye';
      return { intent, language, confidence: round(phrase.score), action: phrase.action };
    }
    const requested = this.requested(input, reading);
    let result = this.decide(cues, requested, factor);
    if (result.intent === 'none' && !phrase && !cues.neutral && this.classifier) {
      const classified = reading.classified !== undefined ? reading.classified : this.classified(language, reading.expanded);
      result = classified ?? result;
    }
    return { ...result, confidence: round(result.confidence), language, ...transfer(phrase, result.intent === 'none') };
  }

  /** Whether `detect` can come to asking the classifier: no cue, so the rules find nothing unless the text names a time. */
  private mayAskClassifier(reading: TextReading): boolean {
    const c = reading.cues;
    return !!this.classifier && !c.neutral && !(c.notInterested || c.wantsHuman || c.busy || c.goodbye);
  }

  private decide(cues: Cues, requested: (RequestedTime & { confidence: number }) | undefined, factor: number): Omit<Detection, 'language'> {
    if (cues.notInterested >= ALONE) return { intent: 'not_interested', confidence: cues.notInterested * factor };
    if (requested) {
      return { intent: 'requested_followup', requestedAt: requested.at, timeGiven: requested.timeGiven, confidence: requested.confidence };
    }
    if (cues.wantsHuman >= STRONG) return { intent: 'wants_human', confidence: cues.wantsHuman * factor };
    if (cues.busy) return { intent: 'busy', confidence: cues.busy * factor };
    if (cues.wantsHuman) return { intent: 'wants_human', confidence: cues.wantsHuman * factor };
    if (cues.goodbye) return { intent: 'goodbye', confidence: cues.goodbye * factor };
    if (cues.notInterested) return { intent: 'not_interested', confidence: cues.notInterested * factor };
    return { intent: 'none', confidence: 0.6 };
  }

  /** What the classifier reads when the rules read nothing: only a confident busy, goodbye, wants_human or not_interested. */
  private classified(language: DetectionLanguage, expanded: string): Omit<Detection, 'language'> | undefined {
    const c = this.classifier?.classify(language, expanded);
    if (!c || c.intent === 'none' || c.intent === 'requested_followup' || c.probability < CLASSIFIER_THRESHOLD) return undefined;
    return { intent: c.intent, confidence: 0.6 * c.probability };
  }

  /** A time after the message that the text asks to be contacted at (a bare time is an answer to "when?"). */
  private requested(input: DetectionInput, reading: TextReading): (RequestedTime & { confidence: number }) | undefined {
    const { parts, language, cues } = reading;
    let time = resolveTime(parts, input.sentAt, input.zone, language);
    if (!parts.found && reading.numeric) time = chronoTime(reading.text, input.sentAt, input.zone, language);
    if (!time) return undefined;
    const cued = cues.contact || cues.busy > 0;
    if (!cued && (cues.nonRequest || reading.restWords > 2)) return undefined;
    return { ...time, confidence: cued ? (time.timeGiven ? 0.9 : 0.85) : 0.75 };
  }
}

function transfer(phrase: PhraseMatch | undefined, asIntent: boolean): Partial<Detection> {
  if (!phrase) return {};
  return asIntent ? { action: 'transferBot', confidence: round(phrase.score) } : { action: 'transferBot' };
}

/** The earlier name of the built-in detector (kept so existing imports compile). */
export const KeywordIntentDetector = MultilingualIntentDetector;
export type KeywordIntentDetector = MultilingualIntentDetector;
