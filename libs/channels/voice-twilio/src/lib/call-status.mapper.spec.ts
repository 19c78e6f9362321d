import { callStatusMeaning, handoffMissed } from './call-status.mapper';

describe('call statuses', () => {
  it.each([
    ['queued', undefined, { delivery: 'queued' }],
    ['initiated', undefined, { delivery: 'queued' }],
    ['ringing', undefined, { delivery: 'sent' }],
    ['in-progress', 'human', { delivery: 'delivered' }],
    ['in-progress', 'fax', { delivery: 'sent' }],
    ['completed', 'human', { delivery: 'delivered', outcome: 'delivered', disconnectionReason: 'completed' }],
    ['completed', undefined, { delivery: 'delivered', outcome: 'delivered', disconnectionReason: 'completed' }],
    ['completed', 'unknown', { delivery: 'delivered', outcome: 'delivered', disconnectionReason: 'completed' }],
    ['completed', 'machine_end_beep', { delivery: 'delivered', outcome: 'delivered', disconnectionReason: 'voicemail' }],
    ['completed', 'fax', { delivery: 'failed', outcome: 'failed', disconnectionReason: 'fax' }],
    ['busy', undefined, { delivery: 'failed', outcome: 'no_answer', disconnectionReason: 'busy' }],
    ['no-answer', undefined, { delivery: 'failed', outcome: 'no_answer', disconnectionReason: 'no_answer' }],
    ['failed', undefined, { delivery: 'failed', outcome: 'failed', disconnectionReason: 'failed' }],
    ['canceled', undefined, { delivery: 'failed', outcome: 'failed', disconnectionReason: 'canceled' }],
  ])('%s (AnsweredBy %s) means %j', (status, answeredBy, meaning) => {
    expect(callStatusMeaning(status, answeredBy)).toEqual(meaning);
  });

  it('knows no other status', () => {
    expect(callStatusMeaning('exploded')).toBeUndefined();
  });

  it('a handoff is missed when the <Dial> was busy, unanswered, failed or cancelled', () => {
    expect(['busy', 'no-answer', 'failed', 'canceled'].every(handoffMissed)).toBe(true);
    expect(['completed', 'answered'].some(handoffMissed)).toBe(false);
  });
});
