export * from './lib/twilio-voice.provider';
export * from './lib/twilio-voice.adapter';
export * from './lib/twilio-voice.settings';
export * from './lib/twilio-voice.webhooks';
export * from './lib/twiml.builder';
export * from './lib/call-status.mapper';
