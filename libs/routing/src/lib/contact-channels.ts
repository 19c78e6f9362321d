import { Reason, reason } from '@followup/contracts';
import type { ContactEntity, Repositories } from '@followup/persistence';

export interface ChannelChange {
  /** Channels the contact opted out of (STOP, one-click unsubscribe, carrier opt-out). */
  optOut?: string[];
  /** Channels the contact opted back in to (START). */
  optIn?: string[];
  /** Channels whose address failed for good (a bounce). */
  undeliverable?: string[];
}

/**
 * Changes what a contact may be sent on, and cancels the pending follow-ups on every channel it
 * can no longer use (with `reason`), in the caller's unit of work. Returns the follow-ups cancelled.
 */
export async function changeContactChannels(
  r: Repositories,
  contact: ContactEntity,
  change: ChannelChange,
  why: Reason,
  now: Date,
): Promise<number> {
  const optedOut = new Set(contact.optedOut);
  for (const channel of change.optOut ?? []) optedOut.add(channel);
  for (const channel of change.optIn ?? []) optedOut.delete(channel);
  const undeliverable = new Set(contact.undeliverable ?? []);
  for (const channel of change.undeliverable ?? []) undeliverable.add(channel);
  const nextOptedOut = [...optedOut].sort();
  const nextUndeliverable = [...undeliverable].sort();
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);
  if (!same(nextOptedOut, [...contact.optedOut].sort()) || !same(nextUndeliverable, [...(contact.undeliverable ?? [])].sort())) {
    contact.optedOut = nextOptedOut;
    contact.undeliverable = nextUndeliverable.length ? nextUndeliverable : null;
    contact.updatedAt = now;
    await r.contacts.save(contact);
  }
  const closed = [...(change.optOut ?? []), ...(change.undeliverable ?? [])];
  return r.queue.cancelPendingForContact(contact.id, closed, why, now);
}

/** What a provider said about a contact's address on some channels (a carrier opt-out, a bounce). */
export interface AddressState {
  state: 'opted_out' | 'invalid';
  channels: string[];
}

/**
 * Closes the channels a provider says the contact's address is gone on: opted out at the carrier
 * (`opted_out: <detail>`), or undeliverable (`undeliverable: <detail>`), cancelling their pending follow-ups.
 */
export function closeContactAddress(
  r: Repositories,
  contact: ContactEntity,
  address: AddressState,
  detail: string,
  now: Date,
): Promise<number> {
  return address.state === 'opted_out'
    ? changeContactChannels(r, contact, { optOut: address.channels }, reason('opted_out', detail), now)
    : changeContactChannels(r, contact, { undeliverable: address.channels }, reason('undeliverable', detail), now);
}
