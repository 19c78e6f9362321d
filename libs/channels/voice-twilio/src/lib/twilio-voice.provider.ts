import { ChannelProvider } from '@followup/channels-core';
import { TWILIO_VOICE_PROVIDER, TwilioVoiceAdapter } from './twilio-voice.adapter';
import { validateTwilioVoiceSettings } from './twilio-voice.settings';
import { twilioVoiceWebhooks } from './twilio-voice.webhooks';

/** Calls through Twilio Voice: provider `twilio-voice`, channel `voice`, webhook namespace `twilio-voice`. */
export const twilioVoiceChannelProvider: ChannelProvider = {
  name: TWILIO_VOICE_PROVIDER,
  channels: ['voice'],
  secretSettings: ['auth_token'],
  validateSettings: validateTwilioVoiceSettings,
  settingReferences: { voice_agent_id: 'voice_agent' },
  adapter: () => new TwilioVoiceAdapter(),
  webhooks: twilioVoiceWebhooks,
};
