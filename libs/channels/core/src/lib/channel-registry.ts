import { ChannelAdapter, ChannelProvider, ChannelType } from './channel-adapter';

const NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** The channel plugins a gateway runs with; each registers its provider at start. */
export class ChannelRegistry {
  private readonly providers = new Map<string, ChannelProvider>();
  private readonly adapters = new Map<string, ChannelAdapter>();
  private readonly namespaces = new Map<string, ChannelProvider>();

  register(provider: ChannelProvider): void {
    if (!NAME.test(provider.name))
      throw new Error(`channel provider name ${JSON.stringify(provider.name)} must be lower-case letters, digits and dashes`);
    if (this.providers.has(provider.name)) throw new Error(`channel provider ${provider.name} is already registered`);
    const namespace = provider.webhooks?.namespace;
    if (namespace !== undefined) {
      if (!NAME.test(namespace))
        throw new Error(`webhook namespace ${JSON.stringify(namespace)} of ${provider.name} must be lower-case letters, digits and dashes`);
      const taken = this.namespaces.get(namespace);
      if (taken) throw new Error(`webhook namespace ${namespace} of ${provider.name} is already used by ${taken.name}`);
      this.namespaces.set(namespace, provider);
    }
    this.providers.set(provider.name, provider);
    for (const channel of provider.channels) this.adapters.set(`${provider.name}:${channel}`, provider.adapter(channel));
  }

  provider(name: string): ChannelProvider | undefined {
    return this.providers.get(name);
  }

  allProviders(): ChannelProvider[] {
    return [...this.providers.values()];
  }

  /** The provider whose webhooks are served under `/webhooks/<namespace>/...`. */
  byWebhookNamespace(namespace: string): ChannelProvider | undefined {
    return this.namespaces.get(namespace);
  }

  /** The adapter of `provider` for `channel`, if the provider serves that channel. */
  adapter(provider: string, channel: ChannelType): ChannelAdapter | undefined {
    return this.adapters.get(`${provider}:${channel}`);
  }

  /** Closes what every provider holds open (connection pools); at shutdown. */
  async close(): Promise<void> {
    await Promise.allSettled(this.allProviders().map((p) => p.close?.()));
  }
}
