import { KeywordIntentDetector } from './intent-detector';

const detector = new KeywordIntentDetector();
// Monday 2026-06-15 14:00 in New York (18:00Z)
const sentAt = new Date('2026-06-15T18:00:00Z');
const NY = 'America/New_York';

describe('the built-in intent detector', () => {
  it('reads "call me tomorrow at 3" in the contact zone', () => {
    expect(detector.detect('Call me tomorrow at 3pm', sentAt, NY)).toEqual({
      intent: 'requested_followup',
      requestedAt: new Date('2026-06-16T19:00:00Z'),
    });
    expect(detector.detect("I'm driving, text me at 5", sentAt, NY)).toEqual({
      intent: 'requested_followup',
      requestedAt: new Date('2026-06-15T21:00:00Z'),
    });
    expect(detector.detect('Can you reach out next Monday at 10am?', sentAt, 'Europe/London').requestedAt).toEqual(
      new Date('2026-06-22T09:00:00Z'),
    );
  });

  it('reads busy replies without a time as busy', () => {
    for (const text of ["Sorry, I'm driving", 'In a meeting', "can't talk right now", 'busy!']) {
      expect(detector.detect(text, sentAt, NY)).toEqual({ intent: 'busy' });
    }
  });

  it('leaves other messages alone, including past times', () => {
    expect(detector.detect('Sounds good, thanks', sentAt, NY)).toEqual({ intent: 'none' });
    expect(detector.detect('I called you yesterday at 3', sentAt, NY)).toEqual({ intent: 'none' });
    expect(detector.detect('What are your prices?', sentAt, NY)).toEqual({ intent: 'none' });
  });
});
