import { ChannelAdapter, SendError } from '@followup/channels-core';
import type { ChannelConnectionEntity, ContactEntity, ConversationEntity, FollowupEntity } from '@followup/persistence';
import type { OutboundSender } from '@followup/routing';
import { SendDecision, sendStep } from './step-send';

/**
 * What one send comes to, for every kind of failure × switching on or off × whether the channel
 * deduplicates: the table of failover at send time (the status-callback half is in
 * channel-events; the routing half in libs/routing failover.spec).
 */
const NOW = new Date('2026-06-15T13:00:00.000Z');
const WAIT = 120_000;

const adapter = (idempotentSend: boolean): ChannelAdapter => ({
  channel: 'sms',
  provider: 'test',
  capabilities: { templates: false, idempotentSend },
  canReach: () => true,
  sessionState: () => 'open',
  send: async () => ({ providerMessageId: 'x', acceptedAt: NOW, status: 'sent' }),
});

const sender = (outcome: Error | null): OutboundSender =>
  ({
    context: () => ({ statusCallbackUrl: 'http://127.0.0.1/status' }),
    deliver: async () => {
      if (outcome) throw outcome;
      return { providerMessageId: 'SM1', acceptedAt: NOW, status: 'queued' };
    },
  }) as unknown as OutboundSender;

const row = (over: Partial<FollowupEntity> = {}) =>
  ({
    id: 'f1',
    attempt: 1,
    scenario: 'contactStoppedReplying',
    step: 1,
    channel: 'sms',
    reasonCode: null,
    statusReason: null,
    ...over,
  }) as FollowupEntity;

const decision = (failover: boolean, idempotentSend = false, channel: 'sms' | 'email' = 'sms'): SendDecision => ({
  kind: 'send',
  choice: {
    kind: 'send',
    channel,
    adapter: adapter(idempotentSend),
    connection: { id: 'k1', name: 'main' } as ChannelConnectionEntity,
    switched: false,
  } as unknown as SendDecision['choice'],
  text: 'Hi Ada',
  contact: { name: 'Ada', phone: '+14155550123', email: 'ada@example.com' } as ContactEntity,
  conversation: { id: 'c1', channel: 'sms', locationId: 'l1' } as ConversationEntity,
  attemptId: 'a1',
  failover,
});

const timeout = new SendError('Twilio unreachable: ETIMEDOUT', 'ETIMEDOUT', false);
const refused = new SendError('invalid number', 'twilio_21211', true);

describe('a send of unknown outcome (timeout, 5xx on a channel that does not deduplicate)', () => {
  it('with switching: waits FAILOVER_NO_STATUS_MS for a status instead of failing over blindly', async () => {
    const result = await sendStep(sender(timeout), row(), decision(true), undefined, () => NOW, WAIT);
    expect(result.outcome).toMatchObject({
      status: 'scheduled',
      reasonCode: 'awaiting_status',
      errorCode: 'ETIMEDOUT',
      scheduledAt: new Date(NOW.getTime() + WAIT),
    });
    expect(result.outcome.statusReason).toBe(
      'awaiting_status: sms: outcome unknown (ETIMEDOUT: Twilio unreachable: ETIMEDOUT); no status by 2026-06-15T13:02:00.000Z counts as failed, then the next usable channel is tried',
    );
    expect(result.attempt).toMatchObject({ id: 'a1', status: 'unknown', reasonCode: 'awaiting_status', errorCode: 'ETIMEDOUT' });
  });

  it('without switching: failed as outcome_unknown, never sent twice (as before)', async () => {
    const result = await sendStep(sender(timeout), row(), decision(false), undefined, () => NOW, WAIT);
    expect(result.outcome).toMatchObject({ status: 'failed', reasonCode: 'outcome_unknown' });
    expect(result.attempt).toMatchObject({ status: 'unknown' });
  });

  it('on a channel that deduplicates: retried on the same channel with the same key, switching or not', async () => {
    for (const failover of [true, false]) {
      const result = await sendStep(sender(timeout), row(), decision(failover, true), undefined, () => NOW, WAIT);
      expect(result.outcome).toMatchObject({ status: 'scheduled', reasonCode: 'retrying' });
    }
  });

  it('a definite refusal with switching fails over at once, not after the wait', async () => {
    const result = await sendStep(sender(refused), row(), decision(true), undefined, () => NOW, WAIT);
    expect(result.outcome).toMatchObject({ status: 'scheduled', reasonCode: 'failed_over', scheduledAt: NOW });
    expect(result.attempt).toMatchObject({ status: 'failed', reasonCode: 'send_failed' });
  });

  it('after the wait, the step that goes out another way says why and uses a key of its own', async () => {
    let key: string | undefined;
    const recording = {
      ...sender(null),
      context: () => ({}),
      deliver: async (_a: unknown, _c: unknown, _m: unknown, context: { idempotencyKey: string }) => {
        key = context.idempotencyKey;
        return { providerMessageId: 'm1', acceptedAt: NOW, status: 'sent' };
      },
    } as unknown as OutboundSender;
    const waited = row({ reasonCode: 'awaiting_status', errorCode: 'ETIMEDOUT', channel: 'sms' });
    const result = await sendStep(recording, waited, decision(true, false, 'email'), undefined, () => NOW, WAIT);
    expect(result.outcome).toMatchObject({ status: 'sent', channel: 'email', reasonCode: 'failed_over' });
    expect(result.outcome.statusReason).toBe('failed over to email: sms gave no status after a send of unknown outcome (ETIMEDOUT)');
    expect(key).toBe('fu_f1_email');
  });
});
