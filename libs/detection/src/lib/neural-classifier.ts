// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- NLP.js ships no types: this brings ours into every build of this file
/// <reference path="../types/nlpjs.d.ts" />
import { NeuralNetwork } from '@nlpjs/neural';
import type { MessageIntent } from '@followup/contracts';
import type { DetectionLanguage } from './intent-detector';
import { featuresOf, type Classification, type ClassifierExample } from './classifier-features';

/** NLP.js's "None" feature: how unknown words push a message towards no intent (its defaults). */
const NONE = 'nonefeature';
const NONE_MULTIPLIER = 1.2;

interface Model {
  network: NeuralNetwork;
  features: Set<string>;
  noneDelta: number;
}

export type FeatureFn = (text: string, language: DetectionLanguage) => string[];

function train(examples: readonly ClassifierExample[], features: FeatureFn): Model {
  const known = new Set<string>();
  const intents = new Set<string>();
  const corpus = examples.map((e) => {
    const input: Record<string, number> = {};
    for (const f of features(e.text, e.language)) {
      input[f] = 1;
      known.add(f);
    }
    intents.add(e.intent);
    return { input, output: { [e.intent]: 1 } as Record<string, number> };
  });
  const none: Record<string, number> = {};
  for (const intent of intents) none[intent] = 0.0000001;
  corpus.push({ input: { [NONE]: 1 }, output: { ...none, None: 1 } });
  const network = new NeuralNetwork({ log: false });
  network.train(corpus);
  return { network, features: known, noneDelta: intents.size / Math.max(1, known.size) };
}

/**
 * The NLP.js neural intent classifier (@nlpjs/neural: one perceptron per intent, the model NLP.js's
 * NLU trains), driven synchronously: NLP.js's own pipeline is asynchronous, its network is not.
 * One model per language, trained in process on the built-in corpus in well under a second.
 */
export class NeuralClassifier {
  private readonly models = new Map<DetectionLanguage, Model>();

  constructor(
    examples: readonly ClassifierExample[],
    private readonly features: FeatureFn = (text) => featuresOf(text),
  ) {
    for (const language of new Set(examples.map((e) => e.language))) {
      this.models.set(
        language,
        train(
          examples.filter((e) => e.language === language),
          features,
        ),
      );
    }
  }

  classify(language: DetectionLanguage, text: string): Classification | undefined {
    const model = this.models.get(language);
    if (!model) return undefined;
    const input: Record<string, number> = {};
    let delta = model.noneDelta;
    let none = 0;
    for (const f of this.features(text, language)) {
      if (model.features.has(f)) input[f] = 1;
      else {
        none += delta;
        delta *= NONE_MULTIPLIER;
      }
    }
    if (none) input[NONE] = none;
    const outputs = model.network.run(input);
    if (!outputs) return undefined;
    let total = 0;
    let best = 'None';
    let top = 0;
    for (const [intent, score] of Object.entries(outputs)) {
      total += score ** 2;
      if (score > top) [best, top] = [intent, score];
    }
    if (!total || best === 'None') return { intent: 'none', probability: total ? top ** 2 / total : 1 };
    return { intent: best as MessageIntent, probability: top ** 2 / total };
  }
}
