import { DETECTION_LANGUAGES, type DetectionLanguage } from './intent-detector';
import { MultilingualIntentDetector } from './multilingual-intent-detector';
import { expectedInstant, loadCorpus, type LabelledCase } from '../corpus/labelled-corpus';

const detector = new MultilingualIntentDetector();

interface Score {
  cases: number;
  intents: number;
  language: number;
  timed: number;
  times: number;
  failures: string[];
}

function score(cases: LabelledCase[]): Score {
  const s: Score = { cases: cases.length, intents: 0, language: 0, timed: 0, times: 0, failures: [] };
  for (const c of cases) {
    const d = detector.detect({ text: c.text, sentAt: c.sentAt, zone: c.zone });
    const expected = expectedInstant(c);
    const intentOk = d.intent === c.intent;
    if (intentOk) s.intents++;
    if (d.language === c.language) s.language++;
    let timeOk = true;
    if (expected) {
      s.timed++;
      timeOk = !!d.requestedAt && Math.abs(d.requestedAt.getTime() - expected.at.getTime()) <= 60_000 && d.timeGiven === expected.timeGiven;
      if (timeOk) s.times++;
    }
    if (!intentOk || !timeOk) {
      const got = d.requestedAt ? ` ${d.requestedAt.toISOString()} timeGiven=${d.timeGiven}` : '';
      s.failures.push(`${c.language}:${c.line} "${c.text}" expected ${c.intent} ${c.expectedLocal ?? ''}, got ${d.intent}${got}`);
    }
  }
  return s;
}

const pct = (n: number, of: number) => (of ? (100 * n) / of : 100);

describe('detection accuracy on the labelled corpus', () => {
  const scores = new Map<DetectionLanguage, Score>(DETECTION_LANGUAGES.map((l) => [l, score(loadCorpus(l))]));

  afterAll(() => {
    const rows = [...scores].map(
      ([l, s]) =>
        `| ${l} | ${s.cases} | ${pct(s.intents, s.cases).toFixed(1)}% | ${s.timed} | ${pct(s.times, s.timed).toFixed(1)}% | ${pct(s.language, s.cases).toFixed(1)}% |`,
    );
    const failures = [...scores.values()].flatMap((s) => s.failures);
    console.log(
      [
        '| language | cases | intents | with a time | times within 1 min | language |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows,
      ].join('\n') + (failures.length ? `\n\nmisses:\n${failures.join('\n')}` : ''),
    );
  });

  it.each(DETECTION_LANGUAGES)('reads intents in %s with at least 95% accuracy', (language) => {
    const s = scores.get(language) as Score;
    expect(s.cases).toBeGreaterThanOrEqual(150);
    expect(pct(s.intents, s.cases)).toBeGreaterThanOrEqual(95);
  });

  it('places at least 95% of requested times within a minute', () => {
    const all = [...scores.values()];
    const timed = all.reduce((n, s) => n + s.timed, 0);
    expect(
      pct(
        all.reduce((n, s) => n + s.times, 0),
        timed,
      ),
    ).toBeGreaterThanOrEqual(95);
    for (const s of all) expect(pct(s.times, s.timed)).toBeGreaterThanOrEqual(95);
  });
});
