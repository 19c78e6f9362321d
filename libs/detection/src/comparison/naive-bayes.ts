import type { MessageIntent } from '@followup/contracts';
import type { DetectionLanguage } from '../lib/intent-detector';
import { featuresOf, type Classification, type ClassifierExample } from '../lib/classifier-features';

interface Model {
  intents: MessageIntent[];
  logPrior: number[];
  counts: Map<string, number>[];
  totals: number[];
  vocabulary: Set<string>;
}

const SMOOTHING = 0.5;

function train(examples: readonly ClassifierExample[]): Model {
  const intents = [...new Set(examples.map((e) => e.intent))];
  const counts = intents.map(() => new Map<string, number>());
  const totals = intents.map(() => 0);
  const docs = intents.map(() => 0);
  const vocabulary = new Set<string>();
  for (const e of examples) {
    const k = intents.indexOf(e.intent);
    docs[k]++;
    for (const f of featuresOf(e.text)) {
      counts[k].set(f, (counts[k].get(f) ?? 0) + 1);
      totals[k]++;
      vocabulary.add(f);
    }
  }
  return { intents, logPrior: docs.map((d) => Math.log(d / examples.length)), counts, totals, vocabulary };
}

/**
 * A multinomial naive Bayes intent classifier, one model per language, on the same features as the
 * built-in neural one: a candidate the classifier comparison measures (docs/detection.md).
 */
export class NaiveBayesClassifier {
  private readonly models = new Map<DetectionLanguage, Model>();

  constructor(examples: readonly ClassifierExample[]) {
    for (const language of new Set(examples.map((e) => e.language))) {
      this.models.set(language, train(examples.filter((e) => e.language === language)));
    }
  }

  classify(language: DetectionLanguage, text: string): Classification | undefined {
    const model = this.models.get(language);
    if (!model) return undefined;
    const features = featuresOf(text).filter((f) => model.vocabulary.has(f));
    if (!features.length) return undefined;
    const v = model.vocabulary.size;
    const scores = model.intents.map((_, k) => {
      let s = model.logPrior[k];
      const denominator = Math.log(model.totals[k] + SMOOTHING * v);
      for (const f of features) s += Math.log((model.counts[k].get(f) ?? 0) + SMOOTHING) - denominator;
      return s;
    });
    const max = Math.max(...scores);
    const exp = scores.map((s) => Math.exp(s - max));
    const sum = exp.reduce((a, b) => a + b, 0);
    const best = exp.indexOf(Math.max(...exp));
    return { intent: model.intents[best], probability: exp[best] / sum };
  }
}
