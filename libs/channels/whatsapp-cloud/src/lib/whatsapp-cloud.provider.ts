import { ChannelProvider } from '@followup/channels-core';
import { WHATSAPP_CLOUD_PROVIDER, WhatsappCloudAdapter } from './whatsapp-cloud.adapter';
import { SECRET_SETTINGS, completeWhatsappSettings, validateWhatsappSettings } from './whatsapp-cloud.settings';
import { whatsappCloudWebhooks } from './whatsapp-cloud.webhooks';

/**
 * WhatsApp through Meta's Cloud API: one adapter (paced per connection), the settings of a
 * connection (a phone number of a WhatsApp Business Account), and the webhooks Meta calls.
 * There is one adapter, so its pacer sees every send of every connection of this gateway.
 */
const adapter = new WhatsappCloudAdapter();

export const whatsappCloudChannelProvider: ChannelProvider = {
  name: WHATSAPP_CLOUD_PROVIDER,
  channels: ['whatsapp'],
  secretSettings: SECRET_SETTINGS,
  validateSettings: validateWhatsappSettings,
  completeSettings: completeWhatsappSettings,
  adapter: () => adapter,
  webhooks: whatsappCloudWebhooks,
};
