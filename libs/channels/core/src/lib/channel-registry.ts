import { ChannelAdapter, ChannelProvider, ChannelType } from './channel-adapter';

/** The channel plugins a gateway runs with; each registers its provider at start. */
export class ChannelRegistry {
  private readonly providers = new Map<string, ChannelProvider>();
  private readonly adapters = new Map<string, ChannelAdapter>();

  register(provider: ChannelProvider): void {
    if (this.providers.has(provider.name)) throw new Error(`channel provider ${provider.name} is already registered`);
    this.providers.set(provider.name, provider);
    for (const channel of provider.channels) this.adapters.set(`${provider.name}:${channel}`, provider.adapter(channel));
  }

  provider(name: string): ChannelProvider | undefined {
    return this.providers.get(name);
  }

  allProviders(): ChannelProvider[] {
    return [...this.providers.values()];
  }

  /** The adapter of `provider` for `channel`, if the provider serves that channel. */
  adapter(provider: string, channel: ChannelType): ChannelAdapter | undefined {
    return this.adapters.get(`${provider}:${channel}`);
  }
}
