import { describeChannelConformance } from '@followup/channels-core/testing';
import { TwilioApiDouble } from '@followup/testing';
import { stringify } from 'node:querystring';
import twilio from 'twilio';
import { twilioVoiceChannelProvider } from './twilio-voice.provider';

/** Twilio's parameters for each hook, as it would post them about one call. */
function paramsFor(hook: string, accountSid: string): Record<string, string> {
  const call = { CallSid: 'CAconformance', AccountSid: accountSid, From: '+15005550006', To: '+14155550123', Direction: 'outbound-api' };
  switch (hook) {
    case 'status':
      return { ...call, CallStatus: 'completed', CallDuration: '12' };
    case 'gather':
      return { ...call, CallStatus: 'in-progress', Digits: '1' };
    case 'dial':
      return { ...call, CallStatus: 'in-progress', DialCallStatus: 'no-answer', DialCallSid: 'CAhandoff' };
    case 'voicemail':
      return {
        ...call,
        Direction: 'inbound',
        From: '+14155550123',
        To: '+15005550006',
        RecordingUrl: 'https://api.twilio.com/rec/RE1',
        RecordingSid: 'RE1',
      };
    case 'incoming':
      return { ...call, Direction: 'inbound', From: '+14155550123', To: '+15005550006', CallStatus: 'ringing' };
    default:
      return { ...call, CallStatus: 'in-progress', AnsweredBy: 'human' };
  }
}

describeChannelConformance({
  provider: twilioVoiceChannelProvider,
  async start() {
    const double = new TwilioApiDouble();
    const settings = double.connectionSettings(await double.start());
    return {
      settings: { ...settings, handoff_number: '+14155550100' },
      contact: { phone: '+14155550123' },
      // What each call says: the text its TwiML URL carries.
      received: async () => double.calls.map((c) => new URL(c.url).searchParams.get('m') ?? ''),
      refuseNext: () => double.failNext(21211, "Invalid 'To' Phone Number"),
      authenticWebhook: (hook, connection) => {
        const params = paramsFor(hook, double.accountSid);
        const url = `http://127.0.0.1/webhooks/twilio-voice/${connection.id}/${hook}${hook === 'twiml' ? '?m=hello' : ''}`;
        return {
          hook,
          url,
          headers: { 'x-twilio-signature': twilio.getExpectedTwilioSignature(String(connection.settings['auth_token']), url, params) },
          rawBody: Buffer.from(stringify(params)),
          now: new Date(),
        };
      },
      stop: () => double.stop(),
    };
  },
});
