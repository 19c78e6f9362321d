import type { ChannelAdapter, ChannelProvider, ChannelRegistry } from '@followup/channels-core';
import { LIVE_CHAT_PROVIDER, LiveChatAdapter, LiveChatOutlet } from './live-chat.adapter';
import { SECRET_SETTINGS, completeLiveChatSettings, validateLiveChatSettings } from './live-chat.settings';

/**
 * Live chat on the gateway's sockets: a connection per website (its allowed origins, the identity
 * secret, the idle timeout, the widget's look), one adapter that delivers through the socket server
 * the gateway attaches. No webhooks: visitors' messages come in on the sockets.
 */
export class LiveChatProvider implements ChannelProvider {
  readonly name = LIVE_CHAT_PROVIDER;
  readonly channels = ['live_chat'] as const;
  readonly secretSettings = SECRET_SETTINGS;
  private readonly chat = new LiveChatAdapter();

  validateSettings(settings: Record<string, unknown>): string[] {
    return validateLiveChatSettings(settings);
  }

  completeSettings(settings: Record<string, unknown>): Record<string, unknown> {
    return completeLiveChatSettings(settings);
  }

  adapter(): ChannelAdapter {
    return this.chat;
  }

  /** Connects the adapter to this process's socket server (undefined: detaches it, at shutdown). */
  attach(outlet: LiveChatOutlet | undefined): void {
    this.chat.attach(outlet);
  }
}

export const liveChatChannelProvider = new LiveChatProvider();

/** The live chat provider a registry runs, if it runs one. */
export function liveChatProviderOf(registry: ChannelRegistry): LiveChatProvider | undefined {
  const provider = registry.provider(LIVE_CHAT_PROVIDER);
  return provider instanceof LiveChatProvider ? provider : undefined;
}
