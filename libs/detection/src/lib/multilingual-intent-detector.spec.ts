import { DateTime } from 'luxon';
import { IntentDetector } from './intent-detector';
import { KeywordIntentDetector, MultilingualIntentDetector } from './multilingual-intent-detector';

const detector = new MultilingualIntentDetector();
const NY = 'America/New_York';
// Monday 2026-06-15 14:00 in New York (18:00Z)
const sentAt = new Date('2026-06-15T18:00:00Z');
const detect = (text: string, zone = NY, at = sentAt) => detector.detect({ text, sentAt: at, zone });
const local = (d: Date | undefined, zone: string) => (d ? DateTime.fromJSDate(d, { zone }).toFormat("yyyy-LL-dd'T'HH:mm") : undefined);

describe('the multilingual intent detector', () => {
  it('is the IntentDetector, also under its earlier name', () => {
    expect(detector).toBeInstanceOf(IntentDetector);
    expect(new KeywordIntentDetector()).toBeInstanceOf(MultilingualIntentDetector);
  });

  it('reads "call me tomorrow at 3" in the contact zone', () => {
    expect(detect('Call me tomorrow at 3pm')).toEqual({
      intent: 'requested_followup',
      requestedAt: new Date('2026-06-16T19:00:00Z'),
      timeGiven: true,
      language: 'en',
      confidence: 0.9,
    });
    expect(detect("I'm driving, text me at 5").requestedAt).toEqual(new Date('2026-06-15T21:00:00Z'));
    expect(detect('Can you reach out next Monday at 10am?', 'Europe/London').requestedAt).toEqual(new Date('2026-06-22T09:00:00Z'));
  });

  it('reads busy replies without a time as busy, and other messages as none, past times included', () => {
    for (const text of ["Sorry, I'm driving", 'In a meeting', "can't talk right now", 'busy!', 'toy manejando', 'tô ocupado']) {
      expect(detect(text).intent).toBe('busy');
    }
    for (const text of [
      'Sounds good, thanks',
      'I called you yesterday at 3',
      'What are your prices?',
      "I'm not busy anymore, let's talk",
    ]) {
      expect(detect(text).intent).toBe('none');
    }
  });

  it('reads the other intents in the three languages', () => {
    expect(detect('bye 👋')).toMatchObject({ intent: 'goodbye', language: 'en' });
    expect(detect('hasta luego')).toMatchObject({ intent: 'goodbye', language: 'es' });
    expect(detect('quero falar com um atendente')).toMatchObject({ intent: 'wants_human', language: 'pt' });
    expect(detect('no me interesa')).toMatchObject({ intent: 'not_interested', language: 'es' });
    expect(detect('see you later').intent).toBe('goodbye');
    expect(detect('later').intent).toBe('busy');
  });

  it('gives the day without a time as 00:00 local and timeGiven false', () => {
    const d = detect('la próxima semana', 'America/Mexico_City');
    expect(d).toMatchObject({ intent: 'requested_followup', timeGiven: false, language: 'es' });
    expect(local(d.requestedAt, 'America/Mexico_City')).toBe('2026-06-22T00:00');
  });

  it('counts the agent phrases, with the action that matched', () => {
    const phrases = {
      humanHandOver: ['quiero hablar con mi asesor'],
      stopBot: ['ya no me manden promociones'],
      transferBot: ['I want to buy a car'],
    };
    const withPhrases = (text: string) => detector.detect({ text, sentAt, zone: NY, phrases });
    expect(withPhrases('Quiero hablar con mi asesor')).toMatchObject({ intent: 'wants_human', action: 'humanHandOver', confidence: 1 });
    expect(withPhrases('ya no me manden promociones!!')).toMatchObject({ intent: 'goodbye', action: 'stopBot', confidence: 1 });
    expect(withPhrases('i want to buy a car')).toMatchObject({ intent: 'none', action: 'transferBot', confidence: 1 });
    expect(withPhrases('I want to buy a car, call me tomorrow at 3')).toMatchObject({
      intent: 'requested_followup',
      action: 'transferBot',
    });
    expect(withPhrases('what is the price').action).toBeUndefined();
  });

  it('uses the language hint when the text does not tell', () => {
    expect(detector.detect({ text: 'ok', sentAt, zone: NY, languageHint: 'pt' }).language).toBe('pt');
    expect(detector.detect({ text: 'ok', sentAt, zone: NY }).language).toBe('en');
    expect(detector.detect({ text: 'no me interesa', sentAt, zone: NY, languageHint: 'pt' }).language).toBe('es');
  });

  it('survives empty text and an unknown zone (read as UTC)', () => {
    expect(detect('')).toMatchObject({ intent: 'none', language: 'en' });
    expect(detect('tomorrow at 3pm', 'Not/AZone').requestedAt).toEqual(new Date('2026-06-16T15:00:00Z'));
  });

  it('answers well under a millisecond per typical message once warm', () => {
    const texts = ['Call me tomorrow at 3pm', 'estoy manejando, márcame mañana a las 3', 'tô ocupado', 'What are your prices?', 'bye 👋'];
    for (let i = 0; i < 200; i++) detect(texts[i % texts.length]);
    const n = 2000;
    const start = performance.now();
    for (let i = 0; i < n; i++) detect(texts[i % texts.length]);
    const perMessage = (performance.now() - start) / n;
    expect(perMessage).toBeLessThan(1);
  });
});
