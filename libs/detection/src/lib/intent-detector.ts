import type { MessageIntent } from '@followup/contracts';
import type { Cues } from './intent-cues';
import type { TimeParts } from './time-parse';

/** The intents a detector answers: the API's vocabulary (contracts' MESSAGE_INTENTS). */
export type Intent = MessageIntent;

/** The languages the detector reads. */
export type DetectionLanguage = 'en' | 'es' | 'pt';
export const DETECTION_LANGUAGES: readonly DetectionLanguage[] = ['en', 'es', 'pt'];

/** The agent actions whose example phrases count (HighLevel's Conversation AI actions). */
export type AgentPhraseAction = 'humanHandOver' | 'stopBot' | 'transferBot';

/** An agent's own example phrases: humanHandOver.examples, stopBot.stopBotExamples, transferBot.transferBotExamples. */
export interface AgentPhrases {
  humanHandOver?: string[];
  stopBot?: string[];
  transferBot?: string[];
}

export interface DetectionInput {
  text: string;
  /** When the message was sent: relative times ("in an hour", "tomorrow") count from here. */
  sentAt: Date;
  /** The contact's IANA zone: times in the text are read in it (an unknown zone reads as UTC). */
  zone: string;
  phrases?: AgentPhrases;
  /** The language to assume when the text does not tell (the conversation's or the agent's). */
  languageHint?: DetectionLanguage;
}

export interface Detection {
  intent: MessageIntent;
  /** requested_followup only: when the contact asked to be contacted. */
  requestedAt?: Date;
  /** requested_followup only: whether the text named a time of day (else requestedAt is 00:00 local of the day/period). */
  timeGiven?: boolean;
  language: DetectionLanguage;
  /** 0..1: 1 for an exact agent phrase, ~0.9 for a clear cue, lower for a weak one. */
  confidence: number;
  /** Which agent action's example phrases matched. */
  action?: AgentPhraseAction;
}

/**
 * What a detector made of a text by itself, before the message's time, zone and agent phrases
 * count (MultilingualIntentDetector.read): plain data, so it can be made on another thread.
 */
export interface TextReading {
  text: string;
  normalized: string;
  language: DetectionLanguage;
  /** The words with their language's spellings and contractions expanded. */
  expanded: string;
  cues: Cues;
  /** 1, or less when the cues are another language's than the text's. */
  factor: number;
  parts: TimeParts;
  /** Words left beside the time once fillers are gone (many: the time is not the point of the text). */
  restWords: number;
  /** The text has digits or a month's name (a date the rules may have missed). */
  numeric: boolean;
  /** The classifier's answer, when it was asked ahead (null: asked, nothing confident); absent: not asked. */
  classified?: { intent: MessageIntent; confidence: number } | null;
}

/** Reads what an inbound message means for follow-ups (a NestJS injection token). */
export abstract class IntentDetector {
  /** `reading`: this detector's `read` of the same text, made ahead (on another thread); without it the text is read here. */
  abstract detect(input: DetectionInput, reading?: TextReading): Detection;

  /**
   * The text read ahead, off the calling thread, for `detect` (before a unit of work, which then
   * does less); undefined when this detector reads nothing ahead.
   */
  readAhead(_text: string, _languageHint?: DetectionLanguage): Promise<TextReading | undefined> {
    return Promise.resolve(undefined);
  }
}
