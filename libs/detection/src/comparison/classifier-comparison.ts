import { performance } from 'node:perf_hooks';
import type { MessageIntent } from '@followup/contracts';
import { expectedInstant, loadCorpus, type LabelledCase } from '../corpus/labelled-corpus';
import { DETECTION_LANGUAGES, type Detection } from '../lib/intent-detector';
import { MultilingualIntentDetector } from '../lib/multilingual-intent-detector';
import { expandText } from '../lib/intent-cues';
import { normalizeText, tokensOf } from '../lib/text-normalize';
import { NaiveBayesClassifier } from './naive-bayes';
import { trainClassifier } from './nlp-classifier';

/**
 * Rules against classifiers trained on the dev set, on the held-out cases none was written or
 * trained on (docs/detection.md has the figures): NLP.js's whole (asynchronous) pipeline, naive
 * Bayes, and the shipped detector (rules, then NLP.js's neural network when the rules read nothing).
 * A measurement, not a test: `npm run bench -- --suites=detection` runs it and prints the table.
 */

interface Tally {
  cases: number;
  intents: number;
  timed: number;
  times: number;
  ms: number;
}

const empty = (): Tally => ({ cases: 0, intents: 0, timed: 0, times: 0, ms: 0 });

function tally(t: Tally, c: LabelledCase, intent: MessageIntent, d: Detection, ms: number): void {
  t.cases++;
  t.ms += ms;
  if (intent === c.intent) t.intents++;
  const expected = expectedInstant(c);
  if (!expected) return;
  t.timed++;
  if (intent === 'requested_followup' && d.requestedAt && Math.abs(d.requestedAt.getTime() - expected.at.getTime()) <= 60_000) t.times++;
}

export async function compareClassifiers(): Promise<string> {
  {
    const train = DETECTION_LANGUAGES.flatMap((l) => loadCorpus(l, 'dev'));
    const t0 = performance.now();
    const classify = await trainClassifier(train);
    const trainMs = performance.now() - t0;
    const expanded = train.map((c) => ({ ...c, text: expandText(tokensOf(normalizeText(c.text)), c.language) }));
    const bayes = new NaiveBayesClassifier(expanded);
    const rulesOnly = new MultilingualIntentDetector({ classifier: false });
    const detector = new MultilingualIntentDetector();
    const rows: string[] = [];
    for (const language of DETECTION_LANGUAGES) {
      const [rules, nlpjs, withNlpjs, withBayes, shipped] = [empty(), empty(), empty(), empty(), empty()];
      for (const c of loadCorpus(language, 'holdout')) {
        const input = { text: c.text, sentAt: c.sentAt, zone: c.zone };
        let start = performance.now();
        const d = rulesOnly.detect(input);
        const rulesMs = performance.now() - start;
        tally(rules, c, d.intent, d, rulesMs);
        start = performance.now();
        const k = await classify(d.language, c.text);
        const ms = performance.now() - start;
        tally(nlpjs, c, k.intent, d, ms);
        const mixed = d.intent === 'none' && k.intent !== 'requested_followup' && k.score >= 0.75 ? k.intent : d.intent;
        tally(withNlpjs, c, mixed, d, rulesMs + ms);
        start = performance.now();
        const nb = bayes.classify(d.language, expandText(tokensOf(normalizeText(c.text)), d.language));
        const byBayes = d.intent === 'none' && nb && nb.intent !== 'requested_followup' && nb.probability >= 0.75 ? nb.intent : d.intent;
        tally(withBayes, c, byBayes, d, rulesMs + performance.now() - start);
        start = performance.now();
        const b = detector.detect(input);
        tally(shipped, c, b.intent, b, performance.now() - start);
      }
      const pct = (n: number, of: number) => `${((100 * n) / (of || 1)).toFixed(1)}%`;
      const variants = [
        ['rules', rules],
        ['NLP.js alone', nlpjs],
        ['rules, then NLP.js', withNlpjs],
        ['rules, then naive Bayes', withBayes],
        ['rules, then NLP.js neural network, synchronous (shipped)', shipped],
      ] as const;
      for (const [name, t] of variants) {
        rows.push(`| ${language} | ${name} | ${pct(t.intents, t.cases)} | ${pct(t.times, t.timed)} | ${(t.ms / t.cases).toFixed(3)} ms |`);
      }
    }
    return [
      `training: ${train.length} examples, ${(trainMs / 1000).toFixed(1)} s`,
      '| language | detector | intents | times | per message |',
      '| --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  }
}
