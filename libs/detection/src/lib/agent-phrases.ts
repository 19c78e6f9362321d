import type { AgentPhraseAction, AgentPhrases } from './intent-detector';
import { normalizeText, tokensOf, withinOneEdit } from './text-normalize';

/** The agent's phrase closest to a message: which action's, and how close (0..1, 1 for the same words). */
export interface PhraseMatch {
  action: AgentPhraseAction;
  score: number;
}

/** A message at least this close to one of an agent's phrases is read as that phrase. */
export const PHRASE_THRESHOLD = 0.75;

const ACTIONS: readonly AgentPhraseAction[] = ['humanHandOver', 'stopBot', 'transferBot'];

/** Function words that do not decide whether two phrases say the same (articles, "to", "please", ...). */
const SMALL = new Set(
  `a an the to of with please pls i me my de del la el los las un una unos con por favor o os as um uma do da dos das com pra para
   que e y and is it its este esta esse essa this that`.split(/\s+/),
);

interface Phrase {
  action: AgentPhraseAction;
  text: string;
  words: string[];
}

function contentWords(text: string): string[] {
  const all = tokensOf(text);
  const content = all.filter((w) => !SMALL.has(w));
  return content.length ? content : all;
}

function compile(phrases: AgentPhrases): Phrase[] {
  const out: Phrase[] = [];
  for (const action of ACTIONS) {
    const list = action === 'humanHandOver' ? phrases.humanHandOver : action === 'stopBot' ? phrases.stopBot : phrases.transferBot;
    for (const raw of list ?? []) {
      const text = normalizeText(raw);
      if (text) out.push({ action, text, words: contentWords(text) });
    }
  }
  return out;
}

/** Compiled phrase sets, by object and by content (the engine may build a new object for the same agent each time). */
const BY_OBJECT = new WeakMap<AgentPhrases, Phrase[]>();
const BY_CONTENT = new Map<string, Phrase[]>();

function compiled(phrases: AgentPhrases): Phrase[] {
  let found = BY_OBJECT.get(phrases);
  if (found) return found;
  const key = JSON.stringify([phrases.humanHandOver, phrases.stopBot, phrases.transferBot]);
  found = BY_CONTENT.get(key);
  if (!found) {
    found = compile(phrases);
    if (BY_CONTENT.size >= 500) BY_CONTENT.delete(BY_CONTENT.keys().next().value as string);
    BY_CONTENT.set(key, found);
  }
  BY_OBJECT.set(phrases, found);
  return found;
}

const same = (a: string, b: string) => a === b || (a.length >= 4 && b.length >= 4 && withinOneEdit(a, b));

/**
 * How close a message is to a phrase: 1 for the same normalised text; else the overlap of their
 * content words (Dice, in any order, a one-letter typo still counting), or 0.9 when the message
 * holds every word of a phrase of two words or more and little else.
 */
export function phraseScore(message: string[], text: string, phrase: Phrase): number {
  if (text === phrase.text) return 1;
  const used = new Array<boolean>(message.length).fill(false);
  let matched = 0;
  for (const word of phrase.words) {
    const i = message.findIndex((m, j) => !used[j] && same(m, word));
    if (i >= 0) {
      used[i] = true;
      matched++;
    }
  }
  const dice = (2 * matched) / (message.length + phrase.words.length);
  const contained = matched === phrase.words.length && phrase.words.length >= 2 && message.length <= phrase.words.length * 2 + 2;
  return Math.max(dice * 0.95, contained ? 0.9 : 0);
}

/** The best match of a normalised message among the agent's phrases, if close enough. */
export function matchPhrases(normalized: string, phrases: AgentPhrases | undefined): PhraseMatch | undefined {
  if (!phrases) return undefined;
  const list = compiled(phrases);
  if (!list.length) return undefined;
  const message = contentWords(normalized);
  let best: PhraseMatch | undefined;
  for (const phrase of list) {
    const score = phraseScore(message, normalized, phrase);
    if (score >= PHRASE_THRESHOLD && (!best || score > best.score)) best = { action: phrase.action, score };
  }
  return best;
}
