import type { CallEvent, DeliveryStatus } from '@followup/channels-core';
import type { CallLinks } from '@followup/followups';
import { Repositories } from '@followup/persistence';

/**
 * What a call says about the send it was, as a delivery status (the attempt, the step, the message
 * move forward only): delivered once answered, failed when nobody took it (busy and no-answer are
 * failed attempts, for failover). None for a call the gateway did not place.
 */
export function callDelivery(event: CallEvent): DeliveryStatus | null {
  if (!event.delivery) return null;
  const failed = event.delivery === 'failed' || event.delivery === 'undelivered';
  const why = event.errorMessage ?? (failed && event.disconnectionReason ? `the call ended: ${event.disconnectionReason}` : undefined);
  return {
    kind: 'status',
    channel: event.channel,
    providerMessageId: event.providerMessageId,
    status: event.delivery,
    ...(event.errorCode ? { errorCode: event.errorCode } : {}),
    ...(why ? { errorMessage: why } : {}),
  };
}

/**
 * The contact and conversation of a call that served no follow-up step: the conversation of the
 * message it was sent as (a reply sent by a person), else the contact with the call's number and
 * their latest conversation on the call's channel.
 */
export async function callLinks(r: Repositories, locationId: string, event: CallEvent): Promise<CallLinks> {
  const message = await r.messages.findByProviderId(locationId, event.providerMessageId);
  const sentIn = message ? await r.conversations.findById(locationId, message.conversationId) : null;
  if (sentIn) return { contactId: sentIn.contactId, conversationId: sentIn.id, certain: true };
  const contact = event.contactPhone ? await r.contacts.findByAddress(locationId, { phone: event.contactPhone }) : null;
  if (!contact) return { contactId: null, conversationId: null };
  const conversation = await r.conversations.latestForContact(locationId, contact.id, event.channel);
  return { contactId: contact.id, conversationId: conversation?.id ?? null };
}
