import { ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';
import { twilioSmsProvider } from '@followup/channels-sms-twilio';
import { smtpEmailProvider } from '@followup/channels-email-smtp';
import { whatsappCloudChannelProvider } from '@followup/channels-whatsapp-cloud';
import { liveChatChannelProvider } from '@followup/channels-live-chat';
import { twilioVoiceChannelProvider } from '@followup/channels-voice-twilio';

/** The channel plugins this gateway runs with. A new channel library adds its provider here. */
export function channelRegistry(): ChannelRegistry {
  const registry = new ChannelRegistry();
  registry.register(webhookChannelProvider);
  registry.register(twilioSmsProvider);
  registry.register(smtpEmailProvider);
  registry.register(whatsappCloudChannelProvider);
  registry.register(liveChatChannelProvider);
  registry.register(twilioVoiceChannelProvider);
  return registry;
}
