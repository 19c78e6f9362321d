import { signToken, verifyToken } from '@followup/util';
import type { ChannelType } from './channel-adapter';

export interface UnsubscribeTarget {
  locationId: string;
  contactId: string;
  channel: ChannelType;
}

/**
 * The gateway's public links that go into messages and provider requests: each connection's
 * webhook base (status callbacks) and signed one-click unsubscribe links. The base URL is
 * PUBLIC_BASE_URL, or the address the gateway listens on when that is unset (known after listen).
 */
export class ChannelLinks {
  private base?: string;

  constructor(
    private readonly unsubscribeKey: Buffer,
    publicBaseUrl?: string,
  ) {
    this.base = publicBaseUrl?.replace(/\/+$/, '');
  }

  /** Sets the base when PUBLIC_BASE_URL was not configured (the listening address). */
  useListeningAddress(url: string): void {
    this.base ??= url.replace(/\/+$/, '');
  }

  baseUrl(): string {
    if (!this.base) throw new Error('the public base URL is not known yet (the gateway is not listening)');
    return this.base;
  }

  webhookBase(namespace: string, connectionId: string): string {
    return `${this.baseUrl()}/webhooks/${namespace}/${encodeURIComponent(connectionId)}`;
  }

  unsubscribeUrl(target: UnsubscribeTarget): string {
    return `${this.baseUrl()}/unsubscribe/${this.unsubscribeToken(target)}`;
  }

  unsubscribeToken(target: UnsubscribeTarget): string {
    return signToken(this.unsubscribeKey, { l: target.locationId, c: target.contactId, ch: target.channel });
  }

  /** The target of a token this gateway signed, or null. */
  readUnsubscribeToken(token: string): UnsubscribeTarget | null {
    const payload = verifyToken(this.unsubscribeKey, token);
    if (!payload?.['l'] || !payload['c'] || !payload['ch']) return null;
    return { locationId: payload['l'], contactId: payload['c'], channel: payload['ch'] as ChannelType };
  }
}
