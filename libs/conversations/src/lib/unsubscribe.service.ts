import { reason } from '@followup/contracts';
import { Injectable, NotFoundException } from '@nestjs/common';
import { ChannelLinks } from '@followup/channels-core';
import { ContactEntity, Store } from '@followup/persistence';
import { Clock } from '@followup/util';
import { changeContactChannels } from '@followup/routing';

export interface UnsubscribeView {
  channel: string;
  /** Masked address the link is for, to show on the confirmation page. */
  address: string | null;
  alreadyOut: boolean;
}

const mask = (address: string | null) =>
  address
    ? address.replace(/^(.).*?(.)?(@.*|.{2})$/, (_m, a: string, b: string | undefined, rest: string) => `${a}***${b ?? ''}${rest}`)
    : null;

/** One-click unsubscribe links (RFC 8058): the token names location, contact and channel, signed. */
@Injectable()
export class UnsubscribeService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly links: ChannelLinks,
  ) {}

  async describe(token: string): Promise<UnsubscribeView> {
    const target = this.target(token);
    return this.view(target.channel, await this.store.run((r) => r.contacts.findById(target.locationId, target.contactId)));
  }

  /** Opts the contact out of the link's channel and cancels its pending follow-ups there; idempotent. */
  async unsubscribe(token: string): Promise<UnsubscribeView> {
    const target = this.target(token);
    return this.store.transaction(async (r) => {
      const contact = await r.contacts.findById(target.locationId, target.contactId);
      if (contact)
        await changeContactChannels(
          r,
          contact,
          { optOut: [target.channel] },
          reason('opted_out', 'the contact unsubscribed (one-click link)'),
          this.clock.now(),
        );
      return this.view(target.channel, contact);
    });
  }

  private view(channel: string, contact: ContactEntity | null): UnsubscribeView {
    if (!contact) throw this.unknown();
    const address = channel === 'email' ? contact.email : channel === 'whatsapp' ? contact.whatsapp : contact.phone;
    return { channel, address: mask(address), alreadyOut: contact.optedOut.includes(channel) };
  }

  private target(token: string) {
    const target = this.links.readUnsubscribeToken(token);
    if (!target) throw this.unknown();
    return target;
  }

  private unknown(): NotFoundException {
    return new NotFoundException('this unsubscribe link is not valid (it may have been altered or copied incompletely)');
  }
}
