import { PACING_SETTING } from '@followup/channels-core';
import type { FollowupEntity } from '@followup/persistence';
import type { Decision } from './decide';
import { FAILING_OVER } from './step-send';

interface Bucket {
  tokens: number;
  /** When `tokens` was last refilled (ms). */
  at: number;
  /** The provider asked this connection to slow down until then (ms). */
  blockedUntil: number;
}

/**
 * Paces sends per connection at a rate, in this process: a token bucket holding one second's worth
 * (at least one message), so a connection never sends faster than its rate over any second. A send
 * that cannot go now is not waited for: it is given the instant its token will be there, and the
 * dispatcher puts the row back in the queue due then (reason `paced`), holding no claim meanwhile.
 * A row coming back due at its slot already holds its token. Several replicas pace separately.
 */
export class ConnectionPacer {
  private readonly buckets = new Map<string, Bucket>();

  /** Takes a token for one send now: null when it may go now, else the instant it may go. */
  take(connectionId: string, perSecond: number, now: Date): Date | null {
    const capacity = Math.max(1, perSecond);
    const b = this.buckets.get(connectionId) ?? { tokens: capacity, at: now.getTime(), blockedUntil: 0 };
    this.buckets.set(connectionId, b);
    const start = Math.max(now.getTime(), b.blockedUntil);
    if (start > b.at) {
      b.tokens = Math.min(capacity, b.tokens + ((start - b.at) / 1000) * perSecond);
      b.at = start;
    }
    b.tokens -= 1;
    if (b.tokens >= 0 && b.at <= now.getTime()) return null;
    // Rounded up to the millisecond: never a moment before the token is there.
    return new Date(Math.ceil(b.at + (Math.max(0, -b.tokens) / perSecond) * 1000));
  }

  /** The provider refused for the rate (429, Twilio 20429, Meta 130429): this connection waits until then. */
  backOff(connectionId: string, until: Date): void {
    const b = this.buckets.get(connectionId);
    if (b) b.blockedUntil = Math.max(b.blockedUntil, until.getTime());
    else this.buckets.set(connectionId, { tokens: 1, at: until.getTime(), blockedUntil: until.getTime() });
  }
}

/**
 * The pacing of a claimed batch: each send on a paced connection (its `messages_per_second`, else
 * the adapter's `sendsPerSecond`) takes a token; one that cannot go now becomes an outcome that
 * puts the row back due at its slot, reason `paced` (a row failing over keeps `failed_over` or
 * `awaiting_status`, which say which channels it already failed on). A row coming back at its slot goes: it holds its token.
 */
export function paceBatch(pacer: ConnectionPacer, rows: FollowupEntity[], decisions: Decision[], now: Date): Decision[] {
  return decisions.map((d, i) => {
    const row = rows[i] as FollowupEntity;
    if (d.kind !== 'send') return d;
    const { connection, adapter } = d.choice;
    const setting = connection.settings[PACING_SETTING];
    const rate = typeof setting === 'number' ? setting : adapter.capabilities.sendsPerSecond;
    if (!rate) return d;
    if (row.reasonCode === 'paced' && row.scheduledAt && row.scheduledAt.getTime() <= now.getTime()) return d;
    const slot = pacer.take(connection.id, rate, now);
    if (!slot) return d;
    const text = `paced: connection ${connection.name} sends ${rate} per second; due again at ${slot.toISOString()}`;
    const code = row.reasonCode && FAILING_OVER.has(row.reasonCode) ? (row.reasonCode as 'failed_over' | 'awaiting_status') : 'paced';
    return {
      kind: 'outcome',
      outcome: {
        id: row.id,
        status: 'scheduled',
        scheduledAt: slot,
        reasonCode: code,
        statusReason: code === 'paced' ? text : `${row.statusReason}; ${text}`,
      },
    };
  });
}
