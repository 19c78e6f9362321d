import { newId } from '@followup/util';
import { FollowupEntity } from '../lib/entities';

/**
 * A follow-up row with every column given: a pending engine step (it names an agent and an action)
 * due at `scheduledAt`, to be changed by `over`. The one builder of queue rows for tests, seeds and
 * benchmarks.
 */
export function testFollowup(scheduledAt: Date, over: Partial<FollowupEntity> = {}): FollowupEntity {
  return Object.assign(new FollowupEntity(), {
    id: newId(),
    locationId: 'loc',
    debtId: null,
    contactId: 'c',
    conversationId: 'conv',
    status: 'scheduled',
    type: 'sms',
    callDate: null,
    scheduledAt,
    summary: null,
    notes: null,
    callId: null,
    audioUrl: null,
    durationMs: null,
    disconnectionReason: null,
    direction: null,
    phoneNumberUsed: null,
    isRetry: false,
    processedAt: null,
    createdAt: scheduledAt,
    updatedAt: scheduledAt,
    agentId: 'a',
    actionId: 'x',
    scenario: 'contactStoppedReplying',
    step: 1,
    channel: 'sms',
    attempt: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    sendStartedAt: null,
    conversationVersion: 1,
    statusReason: null,
    providerMessageId: null,
    sentAt: null,
    originalDueAt: scheduledAt,
    timezone: 'UTC',
    movedByWorkingHours: false,
    body: null,
    errorCode: null,
    ...over,
  });
}
