import { DateTime } from 'luxon';
import type { MessageIntent } from '@followup/contracts';
import type { DetectionLanguage } from '../lib/intent-detector';
import { EN_DEV } from './en.dev';
import { EN_HOLDOUT } from './en.holdout';
import { ES_DEV } from './es.dev';
import { ES_HOLDOUT } from './es.holdout';
import { PT_DEV } from './pt.dev';
import { PT_HOLDOUT } from './pt.holdout';

/**
 * The labelled corpus: for each language a dev set (what the lexicons were written against, and
 * what the built-in classifier is trained on) and a held-out set (never tuned or trained on). Each
 * file is tab-separated text: intent, expected local time, text, and optionally the local send
 * time and the zone; lines starting with # are comments.
 */
const SOURCES: Readonly<Record<DetectionLanguage, Record<CorpusSet, string>>> = {
  en: { dev: EN_DEV, holdout: EN_HOLDOUT },
  es: { dev: ES_DEV, holdout: ES_HOLDOUT },
  pt: { dev: PT_DEV, holdout: PT_HOLDOUT },
};

/** One labelled reply of the corpus. */
export interface LabelledCase {
  language: DetectionLanguage;
  set: CorpusSet;
  line: number;
  text: string;
  intent: MessageIntent;
  /** Expected local time ("2026-06-11T15:00"), or local day ("2026-06-11": 00:00, no time given). */
  expectedLocal?: string;
  sentAt: Date;
  zone: string;
}

/** The zone each language's cases are read in unless the line gives another. */
export const CORPUS_ZONES: Readonly<Record<DetectionLanguage, string>> = {
  en: 'America/New_York',
  es: 'America/Mexico_City',
  pt: 'America/Sao_Paulo',
};
/** A Wednesday mid-morning: the send time of every case that gives none. */
export const DEFAULT_SENT = '2026-06-10T10:15';

/** `dev`: the cases the lexicons were written against; `holdout`: cases written afterwards and never tuned on. */
export type CorpusSet = 'dev' | 'holdout';

export function loadCorpus(language: DetectionLanguage, set: CorpusSet = 'dev'): LabelledCase[] {
  const lines = SOURCES[language][set].split('\n');
  const cases: LabelledCase[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const [intent, expected, text, sent, zoneColumn] = raw.split('\t');
    const zone = zoneColumn || CORPUS_ZONES[language];
    const sentAt = DateTime.fromISO(sent || DEFAULT_SENT, { zone }).toJSDate();
    const expectedLocal = expected && expected !== '-' ? expected : undefined;
    cases.push({ language, set, line: i + 1, text, intent: intent as MessageIntent, expectedLocal, sentAt, zone });
  });
  return cases;
}

/** The instant a case expects, and whether it expects a time of day. */
export function expectedInstant(c: LabelledCase): { at: Date; timeGiven: boolean } | undefined {
  if (!c.expectedLocal) return undefined;
  const at = DateTime.fromISO(c.expectedLocal, { zone: c.zone });
  return { at: at.toJSDate(), timeGiven: c.expectedLocal.includes('T') };
}
