import { ChannelAdapter, ChannelType } from './channel-adapter';

/** The adapters a gateway runs with; channel modules register into it at start. */
export class ChannelRegistry {
  private readonly adapters = new Map<ChannelType, ChannelAdapter>();

  register(adapter: ChannelAdapter): void {
    if (this.adapters.has(adapter.channel)) throw new Error(`a ${adapter.channel} adapter is already registered`);
    this.adapters.set(adapter.channel, adapter);
  }

  get(channel: ChannelType): ChannelAdapter | undefined {
    return this.adapters.get(channel);
  }

  all(): ChannelAdapter[] {
    return [...this.adapters.values()];
  }
}
