import { DETECTION_LANGUAGES, type DetectionLanguage } from './intent-detector';
import { MultilingualIntentDetector } from './multilingual-intent-detector';
import { expectedInstant, loadCorpus, type CorpusSet, type LabelledCase } from '../corpus/labelled-corpus';

/**
 * The whole labelled corpus (corpus/*.tsv: the dev set the lexicons were written against, and a
 * held-out set never tuned on), without a language hint: intents, requested times and languages,
 * with a table per language and set (docs/detection.md quotes it).
 */
const detector = new MultilingualIntentDetector();

interface Score {
  cases: number;
  intents: number;
  language: number;
  timed: number;
  times: number;
  misses: string[];
}

function score(cases: LabelledCase[]): Score {
  const s: Score = { cases: cases.length, intents: 0, language: 0, timed: 0, times: 0, misses: [] };
  for (const c of cases) {
    const d = detector.detect({ text: c.text, sentAt: c.sentAt, zone: c.zone });
    const expected = expectedInstant(c);
    const intentOk = d.intent === c.intent;
    if (intentOk) s.intents++;
    if (d.language === c.language) s.language++;
    let timeOk = true;
    if (expected) {
      s.timed++;
      const close = !!d.requestedAt && Math.abs(d.requestedAt.getTime() - expected.at.getTime()) <= 60_000;
      timeOk = close && d.timeGiven === expected.timeGiven;
      if (timeOk) s.times++;
    }
    if (!intentOk || !timeOk) {
      const got = d.requestedAt ? ` ${d.requestedAt.toISOString()} timeGiven=${d.timeGiven}` : '';
      s.misses.push(`${c.set} ${c.language}:${c.line} "${c.text}" expected ${c.intent} ${c.expectedLocal ?? ''}, got ${d.intent}${got}`);
    }
  }
  return s;
}

const pct = (n: number, of: number) => (of ? (100 * n) / of : 100);
const SETS: readonly CorpusSet[] = ['dev', 'holdout'];
const corpus = new Map(DETECTION_LANGUAGES.map((l) => [l, SETS.flatMap((set) => loadCorpus(l, set))]));
const row = (label: string, s: Score) =>
  `| ${label} | ${s.cases} | ${pct(s.intents, s.cases).toFixed(1)}% | ${s.timed} | ${pct(s.times, s.timed).toFixed(1)}% | ${pct(s.language, s.cases).toFixed(1)}% |`;

describe('detection accuracy on the labelled corpus', () => {
  const whole = new Map<DetectionLanguage, Score>(DETECTION_LANGUAGES.map((l) => [l, score(corpus.get(l) ?? [])]));

  afterAll(() => {
    const rows: string[] = [];
    for (const l of DETECTION_LANGUAGES) {
      for (const set of SETS) rows.push(row(`${l} ${set}`, score((corpus.get(l) ?? []).filter((c) => c.set === set))));
      rows.push(row(`**${l} all**`, whole.get(l) as Score));
    }
    const misses = [...whole.values()].flatMap((s) => s.misses);
    const header = ['| set | cases | intents | with a time | times within 1 min | language |', '| --- | --- | --- | --- | --- | --- |'];
    console.log([...header, ...rows].join('\n') + (misses.length ? `\n\nmisses:\n${misses.join('\n')}` : ''));
  });

  it.each(DETECTION_LANGUAGES)('reads intents in %s with at least 95% accuracy', (language) => {
    const s = whole.get(language) as Score;
    expect(s.cases).toBeGreaterThanOrEqual(150);
    expect(pct(s.intents, s.cases)).toBeGreaterThanOrEqual(95);
  });

  it.each(DETECTION_LANGUAGES)('places at least 95% of the requested times in %s within a minute', (language) => {
    const s = whole.get(language) as Score;
    expect(pct(s.times, s.timed)).toBeGreaterThanOrEqual(95);
  });
});
