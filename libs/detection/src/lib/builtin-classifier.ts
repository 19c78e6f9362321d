import { loadCorpus } from '../corpus/labelled-corpus';
import { expandText } from './intent-cues';
import { DETECTION_LANGUAGES } from './intent-detector';
import { normalizeText, tokensOf } from './text-normalize';
import { NeuralClassifier } from './neural-classifier';

let classifier: NeuralClassifier | undefined;

/** The NLP.js neural classifier trained on the built-in corpus's dev set (never its held-out set), built once on first use. */
export function builtinClassifier(): NeuralClassifier {
  classifier ??= new NeuralClassifier(
    DETECTION_LANGUAGES.flatMap((language) =>
      loadCorpus(language, 'dev').map((c) => ({ language, intent: c.intent, text: expandText(tokensOf(normalizeText(c.text)), language) })),
    ),
  );
  return classifier;
}
