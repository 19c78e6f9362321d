import { DETECTION_LANGUAGES } from './intent-detector';
import { loadCorpus } from '../corpus/labelled-corpus';
import { MultilingualIntentDetector } from './multilingual-intent-detector';
import { ReadingThreads } from './reading-threads';

// A thread runs the TypeScript sources through ts-node and trains its classifier: allow it time to start.
jest.setTimeout(120_000);

describe('ReadingThreads (texts read ahead on a worker thread)', () => {
  const detector = new MultilingualIntentDetector();
  let threads: ReadingThreads;

  beforeAll(async () => {
    threads = new ReadingThreads(1);
    expect(await threads.ready()).toBe(true);
  });

  afterAll(async () => {
    await threads.close();
  });

  it('detects from a reading made on the thread exactly what it detects reading the text itself, on every corpus case', async () => {
    const cases = DETECTION_LANGUAGES.flatMap((language) => [...loadCorpus(language, 'dev'), ...loadCorpus(language, 'holdout')]);
    expect(cases.length).toBeGreaterThan(300);
    const phrases = { humanHandOver: ['let me talk to your manager'], stopBot: ['leave me alone'], transferBot: ['book a visit'] };
    const readings = await Promise.all(cases.map((c) => threads.read(c.text)));
    cases.forEach((c, i) => {
      const reading = readings[i];
      expect(reading).toBeDefined();
      for (const input of [
        { text: c.text, sentAt: c.sentAt, zone: c.zone },
        { text: c.text, sentAt: c.sentAt, zone: 'Asia/Kolkata', phrases },
      ]) {
        expect({ text: c.text, detection: detector.detect(input, reading) }).toEqual({ text: c.text, detection: detector.detect(input) });
      }
    });
  });

  it('answers undefined until its thread is ready, so the caller reads the text itself meanwhile', async () => {
    const starting = new ReadingThreads(1);
    try {
      expect(await starting.read('call me tomorrow at 3')).toBeUndefined();
      expect(await starting.ready()).toBe(true);
      expect((await starting.read('call me tomorrow at 3'))?.language).toBe('en');
    } finally {
      await starting.close();
    }
  });

  it('answers undefined once its thread has stopped (and for what it held), so the caller reads the text itself', async () => {
    const stopping = new ReadingThreads(1);
    expect(await stopping.ready()).toBe(true);
    const held = stopping.read('call me tomorrow at 3');
    await stopping.close();
    expect(await held).toBeUndefined();
    expect(await stopping.read('call me tomorrow at 3')).toBeUndefined();
  });
});
