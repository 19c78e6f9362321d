import type { DetectionLanguage } from './intent-detector';
import { LEXICON_EN } from './lexicon-en';
import { LEXICON_ES } from './lexicon-es';
import { LEXICON_PT } from './lexicon-pt';
import type { CueList, Lexicon } from './lexicon.types';
import { withinOneEdit } from './text-normalize';
import { TIME_WORDS } from './time-parse';
import { MONTHS, WEEKDAYS } from './time-vocabulary';

/** How strongly the text says each intent (0 when it does not), and the cues that turn a time into a request. */
export interface Cues {
  notInterested: number;
  wantsHuman: number;
  /** wantsHuman from a weak cue only ("call me"). */
  wantsHumanWeak: boolean;
  busy: number;
  goodbye: number;
  contact: boolean;
  nonRequest: boolean;
  /** A busy cue was cancelled ("not busy", "estaba ocupado"). */
  notBusy: boolean;
  /** Surely none ("no problem", "no sé"): the classifier is not asked. */
  neutral: boolean;
}

export const STRONG = 0.9;
export const ALONE = 0.8;
export const WEAK = 0.65;

interface CompiledList {
  strong?: RegExp;
  weak?: RegExp;
  alone?: RegExp;
}

interface Compiled {
  aliases: ReadonlyMap<string, string>;
  typoTargets: ReadonlyMap<number, readonly string[]>;
  notInterested: CompiledList;
  wantsHuman: CompiledList;
  busy: CompiledList;
  goodbye: CompiledList;
  notBusy: RegExp;
  contact: RegExp;
  nonRequest: RegExp;
  neutral: RegExp;
  fillers: RegExp;
}

const words = (list: readonly string[]) => `(?:${[...list].sort((a, b) => b.length - a.length).join('|')})`;
const anywhere = (list?: readonly string[]) => (list?.length ? new RegExp(`\\b${words(list)}\\b`, 'g') : undefined);
const compileList = (list: CueList): CompiledList => ({
  strong: anywhere(list.strong),
  weak: anywhere(list.weak),
  alone: list.alone?.length ? new RegExp(`^${words(list.alone)}$`) : undefined,
});

const LEXICONS: Readonly<Record<DetectionLanguage, Lexicon>> = { en: LEXICON_EN, es: LEXICON_ES, pt: LEXICON_PT };

/** Every word some lexicon or the time vocabulary uses: these are never "corrected". */
const KNOWN = new Set<string>([...Object.keys(WEEKDAYS), ...Object.keys(MONTHS), ...TIME_WORDS]);
for (const lexicon of Object.values(LEXICONS)) {
  const text = JSON.stringify(lexicon);
  for (const word of text.match(/[a-z_]{2,}/g) ?? []) KNOWN.add(word);
}

function compile(lexicon: Lexicon): Compiled {
  const typoTargets = new Map<number, string[]>();
  for (const word of [...lexicon.typoWords, ...Object.keys(WEEKDAYS), ...Object.keys(MONTHS)].filter((w) => w.length >= 5)) {
    typoTargets.set(word.length, [...(typoTargets.get(word.length) ?? []), word]);
  }
  return {
    aliases: new Map(Object.entries(lexicon.aliases)),
    typoTargets,
    notInterested: compileList(lexicon.notInterested),
    wantsHuman: compileList(lexicon.wantsHuman),
    busy: compileList(lexicon.busy),
    goodbye: compileList(lexicon.goodbye),
    notBusy: new RegExp(`\\b${words(lexicon.notBusy)}\\b`, 'g'),
    contact: new RegExp(`\\b${words(lexicon.contact)}`),
    nonRequest: new RegExp(`\\b${words(lexicon.nonRequest)}\\b`),
    neutral: new RegExp(`\\b${words(lexicon.neutral)}\\b`),
    fillers: new RegExp(`\\b${words(lexicon.fillers)}\\b`, 'g'),
  };
}

const COMPILED: Readonly<Record<DetectionLanguage, Compiled>> = {
  en: compile(LEXICON_EN),
  es: compile(LEXICON_ES),
  pt: compile(LEXICON_PT),
};

/** A word one typo away from exactly one word the language's lexicon cares about, corrected. */
function corrected(word: string, lexicon: Compiled): string {
  if (word.length < 5 || KNOWN.has(word) || /\d/.test(word)) return word;
  let found: string | undefined;
  for (let length = word.length - 1; length <= word.length + 1; length++) {
    for (const target of lexicon.typoTargets.get(length) ?? []) {
      if (!withinOneEdit(word, target)) continue;
      if (found && found !== target) return word;
      found = target;
    }
  }
  return found ?? word;
}

/** The words with the language's shorthand spelled out and one-letter typos of its key words corrected. */
export function expandText(tokens: readonly string[], language: DetectionLanguage): string {
  const lexicon = COMPILED[language];
  return tokens.map((t) => lexicon.aliases.get(t) ?? corrected(t, lexicon)).join(' ');
}

/** The text without filler words (ok, thanks, emoji...): what is left to mean something. */
export function withoutFillers(text: string, language: DetectionLanguage): string {
  return text.replace(COMPILED[language].fillers, ' ').replace(/\s+/g, ' ').trim();
}

function strength(list: CompiledList, text: string, bare: string): number {
  if (list.strong && test(list.strong, text)) return STRONG;
  if (list.alone && (list.alone.test(bare) || list.alone.test(text))) return ALONE;
  if (list.weak && test(list.weak, text)) return WEAK;
  return 0;
}

function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(text);
}

/** The text without its sign-offs ("have a great weekend" names no time to call back). */
export function withoutGoodbyes(text: string, language: DetectionLanguage): string {
  const pattern = COMPILED[language].goodbye.strong;
  return pattern ? text.replace(pattern, ' ') : text;
}

/** The cues of a normalised, expanded text in one language's lexicon. */
export function cuesOf(text: string, language: DetectionLanguage): Cues {
  const lexicon = COMPILED[language];
  const bare = withoutFillers(text, language);
  const goodbye = strength(lexicon.goodbye, text, bare);
  let rest = text.replace(lexicon.notBusy, ' ');
  const notBusy = rest !== text;
  if (goodbye && lexicon.goodbye.strong) rest = rest.replace(lexicon.goodbye.strong, ' ');
  const wantsHuman = strength(lexicon.wantsHuman, text, bare);
  return {
    notInterested: strength(lexicon.notInterested, text, bare),
    wantsHuman,
    wantsHumanWeak: wantsHuman === WEAK,
    busy: strength(lexicon.busy, rest, withoutFillers(rest, language)),
    goodbye,
    contact: lexicon.contact.test(text),
    nonRequest: lexicon.nonRequest.test(text),
    notBusy,
    neutral: lexicon.neutral.test(text),
  };
}
