import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { MessageIntent } from '@followup/contracts';
import type { DetectionLanguage } from '../lib/intent-detector';

/** One labelled reply of the corpus (corpus/<language>.tsv). */
export interface LabelledCase {
  language: DetectionLanguage;
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

export function loadCorpus(language: DetectionLanguage): LabelledCase[] {
  const lines = readFileSync(join(__dirname, `${language}.tsv`), 'utf8').split('\n');
  const cases: LabelledCase[] = [];
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const [intent, expected, text, sent, zoneColumn] = raw.split('\t');
    const zone = zoneColumn || CORPUS_ZONES[language];
    const sentAt = DateTime.fromISO(sent || DEFAULT_SENT, { zone }).toJSDate();
    const expectedLocal = expected && expected !== '-' ? expected : undefined;
    cases.push({ language, line: i + 1, text, intent: intent as MessageIntent, expectedLocal, sentAt, zone });
  });
  return cases;
}

/** The instant a case expects, and whether it expects a time of day. */
export function expectedInstant(c: LabelledCase): { at: Date; timeGiven: boolean } | undefined {
  if (!c.expectedLocal) return undefined;
  const at = DateTime.fromISO(c.expectedLocal, { zone: c.zone });
  return { at: at.toJSDate(), timeGiven: c.expectedLocal.includes('T') };
}
