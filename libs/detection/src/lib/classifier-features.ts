import type { MessageIntent } from '@followup/contracts';
import type { DetectionLanguage } from './intent-detector';

/** A labelled example to learn from: the text as expandText() gives it (normalised, shorthand spelled out). */
export interface ClassifierExample {
  language: DetectionLanguage;
  text: string;
  intent: MessageIntent;
}

export interface Classification {
  intent: MessageIntent;
  /** The classifier's share of that intent among its outputs, 0..1 (a rank more than a calibrated chance). */
  probability: number;
}

/** The features of a text: its words, their first five letters (ocupadisima ~ ocupado), and word pairs. */
export function featuresOf(text: string): string[] {
  const words = text.split(' ').filter(Boolean);
  const features: string[] = [];
  words.forEach((w, i) => {
    features.push(w);
    if (w.length > 5) features.push(`${w.slice(0, 5)}*`);
    if (i > 0) features.push(`${words[i - 1]} ${w}`);
  });
  if (words.length === 1) features.push(`^${words[0]}$`);
  return features;
}
