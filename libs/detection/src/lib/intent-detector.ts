import type { MessageIntent } from '@followup/contracts';

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

/** Reads what an inbound message means for follow-ups (a NestJS injection token). */
export abstract class IntentDetector {
  abstract detect(input: DetectionInput): Detection;
}
