import { answeredCallTwiml, dialResultTwiml, gatherResultTwiml, goodbyeTwiml, incomingCallTwiml } from './twiml.builder';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const speech = { voice: 'Polly.Joanna', language: 'en-US' };
const say = (text: string) => `<Say voice="Polly.Joanna" language="en-US">${text}</Say>`;
const handoff = {
  number: '+14155550100',
  callerId: '+15005550006',
  timeLimitSeconds: 600,
  action: 'https://gw.example.com/webhooks/twilio-voice/k1/dial',
  record: true,
};
const voicemail = { prompt: 'We are closed.', action: 'https://gw.example.com/webhooks/twilio-voice/k1/voicemail', maxLengthSeconds: 120 };

describe('TwiML of a call', () => {
  it('a person: the message and the offer in one <Gather numDigits="1">, then goodbye when no key comes', () => {
    const twiml = answeredCallTwiml({
      message: 'Hi Ada, your slot is Tuesday at 10 & ready.',
      answeredBy: 'human',
      speech,
      offer: { text: 'Press 1 to talk to someone now.', action: 'https://gw.example.com/webhooks/twilio-voice/k1/gather' },
      goodbye: 'Goodbye.',
    });
    expect(twiml).toBe(
      `${XML}<Response><Gather numDigits="1" action="https://gw.example.com/webhooks/twilio-voice/k1/gather" method="POST" timeout="6">` +
        `${say('Hi Ada, your slot is Tuesday at 10 &amp; ready.')}${say('Press 1 to talk to someone now.')}</Gather>` +
        `${say('Goodbye.')}<Hangup/></Response>`,
    );
  });

  it('a person and no one to hand off to: the message and goodbye; without AMD (no AnsweredBy) the same', () => {
    const twiml = answeredCallTwiml({ message: 'Hello', speech: { language: 'es-MX' }, goodbye: 'Adiós.' });
    expect(twiml).toBe(`${XML}<Response><Say language="es-MX">Hello</Say><Say language="es-MX">Adiós.</Say><Hangup/></Response>`);
  });

  it.each(['machine_end_beep', 'machine_end_silence', 'machine_end_other', 'machine_start'])(
    'a machine (%s): the message as a voicemail after the beep, and hang up',
    (answeredBy) => {
      const twiml = answeredCallTwiml({ message: 'Hi Ada', answeredBy, speech, offer: { text: 'x', action: 'y' }, goodbye: 'Bye' });
      expect(twiml).toBe(`${XML}<Response>${say('Hi Ada')}<Hangup/></Response>`);
    },
  );

  it('1 bridges to the handoff number with the time limit and our caller id; another key or none says goodbye', () => {
    expect(gatherResultTwiml({ digits: '1', handoff, speech, goodbye: 'Bye' })).toBe(
      `${XML}<Response><Dial callerId="+15005550006" timeLimit="600" action="${handoff.action}" method="POST" record="record-from-answer-dual">+14155550100</Dial></Response>`,
    );
    for (const digits of ['2', '', '#'])
      expect(gatherResultTwiml({ digits, handoff, speech, goodbye: 'Bye' })).toBe(`${XML}<Response>${say('Bye')}<Hangup/></Response>`);
    expect(gatherResultTwiml({ digits: '1', speech, goodbye: 'Bye' })).toContain('Bye');
  });

  it('a caller in working hours hears the welcome and is bridged; outside, records a voicemail after the prompt', () => {
    const { callerId: _none, ...inbound } = handoff;
    expect(incomingCallTwiml({ open: true, welcome: 'Welcome to Acme!', handoff: inbound, voicemail, speech, goodbye: 'Bye' })).toBe(
      `${XML}<Response>${say('Welcome to Acme!')}<Dial timeLimit="600" action="${handoff.action}" method="POST" record="record-from-answer-dual">+14155550100</Dial></Response>`,
    );
    const closed = `${XML}<Response>${say('We are closed.')}<Record action="${voicemail.action}" method="POST" maxLength="120" playBeep="true" finishOnKey="#"/>${say('Bye')}<Hangup/></Response>`;
    expect(incomingCallTwiml({ open: false, welcome: 'Welcome', handoff, voicemail, speech, goodbye: 'Bye' })).toBe(closed);
    expect(incomingCallTwiml({ open: true, welcome: 'Welcome', voicemail, speech, goodbye: 'Bye' })).toBe(closed);
  });

  it('a handoff nobody took: a caller may leave a voicemail, a contact we called hears we will call back', () => {
    const input = { voicemail, speech, goodbye: 'Bye', missed: 'We will call you back.' };
    expect(dialResultTwiml({ ...input, dialStatus: 'completed', inbound: true })).toBe(`${XML}<Response><Hangup/></Response>`);
    expect(dialResultTwiml({ ...input, dialStatus: 'no-answer', inbound: true })).toContain('<Record ');
    expect(dialResultTwiml({ ...input, dialStatus: 'busy', inbound: false })).toBe(
      `${XML}<Response>${say('We will call you back.')}<Hangup/></Response>`,
    );
    expect(goodbyeTwiml(speech, 'Thanks!')).toBe(`${XML}<Response>${say('Thanks!')}<Hangup/></Response>`);
  });
});
