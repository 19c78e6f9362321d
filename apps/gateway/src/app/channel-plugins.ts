import { ChannelRegistry } from '@followup/channels-core';
import { webhookChannelProvider } from '@followup/channels-webhook';

/** The channel plugins this gateway runs with. A new channel library adds its provider here. */
export function channelRegistry(): ChannelRegistry {
  const registry = new ChannelRegistry();
  registry.register(webhookChannelProvider);
  return registry;
}
