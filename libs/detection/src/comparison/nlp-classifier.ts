// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- NLP.js ships no types: this brings ours into every build of this file
/// <reference path="../types/nlpjs.d.ts" />
import { Nlp, LangEn, containerBootstrap } from '@nlpjs/basic';
import { LangEs } from '@nlpjs/lang-es';
import { LangPt } from '@nlpjs/lang-pt';
import type { MessageIntent } from '@followup/contracts';
import type { DetectionLanguage } from '../lib/intent-detector';

/** What the NLP.js classifier answers for one message. */
export interface Classified {
  intent: MessageIntent;
  score: number;
}

export interface TrainingExample {
  language: DetectionLanguage;
  text: string;
  intent: MessageIntent;
}

interface NlpLike {
  settings: Record<string, unknown>;
  addLanguage(language: string): void;
  addDocument(language: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(language: string, text: string): Promise<{ intent: string; score: number }>;
}

/**
 * An in-process NLP.js classifier (its neural intent model, with the en/es/pt stemmers) trained on
 * labelled examples: the alternative to the rules that docs/detection.md measures. Test-only: its
 * API is asynchronous, which the synchronous detector cannot use as it is.
 */
export async function trainClassifier(
  examples: readonly TrainingExample[],
): Promise<(language: DetectionLanguage, text: string) => Promise<Classified>> {
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  container.use(LangEs);
  container.use(LangPt);
  // NLP.js's defaults for every language's intent model, with its per-epoch training log off.
  const quiet = {
    keepStopwords: true,
    nonefeatureValue: 1,
    nonedeltaMultiplier: 1.2,
    spellCheck: false,
    spellCheckDistance: 1,
    filterZeros: true,
    log: false,
  };
  container.registerConfiguration('nlu-??', quiet, true);
  const nlp = container.get('nlp') as NlpLike;
  nlp.settings.autoSave = false;
  for (const language of ['en', 'es', 'pt']) nlp.addLanguage(language);
  for (const e of examples) nlp.addDocument(e.language, e.text, e.intent);
  await nlp.train();
  return async (language, text) => {
    const r = await nlp.process(language, text);
    const intent = r.intent && r.intent !== 'None' ? (r.intent as MessageIntent) : 'none';
    return { intent, score: r.score ?? 0 };
  };
}
