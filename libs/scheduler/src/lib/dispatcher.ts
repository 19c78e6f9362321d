import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { GatewayMetrics } from '@followup/metrics';
import { ChannelRegistry } from '@followup/channels-core';
import { MessageComposer } from '@followup/composer';
import { FollowupAttemptEntity, FollowupEntity, Repositories, Store, WorkflowDeliveryEntity } from '@followup/persistence';
import { OutboundSender, closeContactAddress } from '@followup/routing';
import { Clock, DISPATCHER_OPTIONS, DispatcherOptions, LeaseLoop, SchedulerSignals, noStatusWaitMs } from '@followup/util';
import { workflowDelivery } from '@followup/workflows';
import { BatchContext, loadBatch, loadThreads } from './batch-context';
import { ConnectionPacer, paceBatch } from './connection-pacer';
import { Decision, decide, get } from './decide';
import { FollowupPlanner, scenarioConfig } from './planner';
import { recover } from './recovery';
import { SendResultRecord, sendStep, waitText } from './step-send';

/** What a row of a batch came to: its outcome and, when it was sent, its attempt's. */
type RowResult = Pick<SendResultRecord, 'outcome'> & Partial<Pick<SendResultRecord, 'attempt' | 'refusal' | 'sessionClosed'>>;

/**
 * The dispatch loop: claims due follow-ups in batches under a lease, runs the guards just before
 * the provider call (guards.ts), composes the text, asks the router for the channel, writes the
 * delivery attempt, sends, and records the outcome together with the next step and any workflow
 * firing, in one transaction.
 *
 * At most once per step: `send_started_at` and the attempt (with its connection) are written before
 * the provider is called. A row found with an expired lease is requeued when that mark is missing
 * (nothing was sent), resent with the same idempotency key when the attempt's channel deduplicates
 * on it, and otherwise failed with `outcome_unknown` rather than risk a second message (recovery.ts).
 */
@Injectable()
export class FollowupDispatcher {
  private readonly log = new Logger('FollowupDispatcher');
  private readonly loop: LeaseLoop;
  private inFlight = 0;
  private readonly batches = new Set<Promise<void>>();
  private lastRecovery = 0;
  /** Sends per connection, at each connection's rate (this process's share). */
  private readonly pacer = new ConnectionPacer();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly registry: ChannelRegistry,
    private readonly composer: MessageComposer,
    private readonly planner: FollowupPlanner,
    private readonly signals: SchedulerSignals,
    private readonly sender: OutboundSender,
    @Inject(DISPATCHER_OPTIONS) private readonly options: DispatcherOptions,
    @Optional() private readonly metrics?: GatewayMetrics,
  ) {
    const work = { tick: () => this.tick(), nextDueAt: () => this.store.run((r) => r.queue.nextDueAt()) };
    this.loop = new LeaseLoop('FollowupDispatcher', work, clock, signals, options.idleMaxMs);
  }

  start(): void {
    if (this.options.enabled) this.loop.start();
  }

  /** Stops claiming, lets in-flight sends finish, and gives back rows it claimed but did not start. */
  async stop(): Promise<void> {
    await this.loop.stop();
    await Promise.allSettled([...this.batches]);
    await this.store.transaction((r) => r.queue.releaseUnstarted(this.options.owner, this.clock.now()));
  }

  /** Wakes a sleeping loop (e.g. after the clock was moved). */
  wake(): void {
    this.loop.wake();
  }

  /**
   * Dispatches everything due now and waits until it is recorded. The loop does this on its own;
   * tests and tools call it to move time forward deterministically.
   */
  async dispatchDue(): Promise<number> {
    let total = 0;
    for (;;) {
      await this.recoverExpired();
      const claimed = await this.claim(this.options.batchSize);
      if (!claimed.length) break;
      total += claimed.length;
      await this.track(this.process(claimed));
    }
    await Promise.allSettled([...this.batches]);
    return total;
  }

  /**
   * One turn of the loop: claim what fits in the sends allowed in flight, and start it. True (claim
   * again at once) only when the claim came back full: a short one took everything due, so the loop
   * sleeps until the next due time instead of asking again for nothing (at a steady trickle, an
   * empty claim after every batch).
   */
  private async tick(): Promise<boolean> {
    await this.recoverExpiredNow();
    const capacity = this.options.concurrency - this.inFlight;
    if (capacity <= 0) {
      await Promise.race([...this.batches]);
      return true;
    }
    const limit = Math.min(this.options.batchSize, capacity);
    const claimed = await this.claim(limit);
    if (!claimed.length) return false;
    void this.track(this.process(claimed));
    return claimed.length === limit;
  }

  private track(batch: Promise<void>): Promise<void> {
    const tracked = batch.finally(() => this.batches.delete(tracked));
    this.batches.add(tracked);
    return tracked;
  }

  private async claim(limit: number): Promise<FollowupEntity[]> {
    const claimed = await this.store.run((r) => r.queue.claimDue(this.clock.now(), this.options.owner, this.options.leaseMs, limit));
    this.inFlight += claimed.length;
    return claimed;
  }

  /** One claimed batch: decide, mark (with the attempts), send, record. */
  private async process(rows: FollowupEntity[]): Promise<void> {
    try {
      const context = await loadBatch(this.store, rows);
      const now = this.clock.now();
      const decided = await Promise.all(rows.map((row) => decide(this.registry, this.composer, row, context, now)));
      const decisions = paceBatch(this.pacer, rows, decided, now);
      const threads = await loadThreads(
        this.store,
        decisions.flatMap((d) => (d.kind === 'send' ? [d] : [])),
      );
      await this.markStarted(rows, decisions);
      const results = await Promise.all(
        rows.map(async (row, i): Promise<RowResult> => {
          const d = decisions[i] as Decision;
          return d.kind === 'outcome'
            ? { outcome: d.outcome }
            : sendStep(
                this.sender,
                row,
                d,
                threads.get(d.choice.channel)?.get(d.conversation.id),
                () => this.clock.now(),
                noStatusWaitMs(this.options.noStatusWait, d.choice.channel),
              );
        }),
      );
      // The provider asked to slow down (rate_limited): the whole connection waits, not only this row.
      results.forEach((x, i) => {
        const d = decisions[i] as Decision;
        if (d.kind === 'send' && x.attempt?.reasonCode === 'rate_limited' && x.outcome.scheduledAt)
          this.pacer.backOff(d.choice.connection.id, x.outcome.scheduledAt);
      });
      await this.record(rows, results, context);
    } catch (error) {
      // The rows keep their lease; when it expires they are recovered (see recoverExpired).
      this.log.error(`dispatch batch of ${rows.length}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.inFlight -= rows.length;
    }
  }

  /** Before any provider is called: the rows are marked as sending and each send's attempt is written. */
  private async markStarted(rows: FollowupEntity[], decisions: Decision[]): Promise<void> {
    const now = this.clock.now();
    const sends = rows.flatMap((row, i) => {
      const d = decisions[i] as Decision;
      return d.kind === 'send' ? [{ row, d }] : [];
    });
    if (!sends.length) return;
    for (const { row } of sends)
      if (row.scheduledAt) this.metrics?.lateness.observe(Math.max(0, now.getTime() - row.scheduledAt.getTime()) / 1000);
    const attempts = sends.map(({ row, d }) =>
      FollowupAttemptEntity.sending(
        {
          id: d.attemptId,
          locationId: row.locationId,
          followupId: row.id,
          channel: d.choice.channel,
          connectionId: d.choice.connection.id,
        },
        now,
      ),
    );
    await this.store.run((r) =>
      r.queue.markSendStarted(
        sends.map((s) => s.row.id),
        this.options.owner,
        now,
        attempts,
      ),
    );
  }

  /** Outcomes, attempts, next steps and workflow firings of a batch, in one transaction; signals after commit. */
  private async record(rows: FollowupEntity[], results: RowResult[], ctx: BatchContext): Promise<void> {
    const now = this.clock.now();
    const nextSteps: FollowupEntity[] = [];
    const deliveries: WorkflowDeliveryEntity[] = [];
    await this.store.transaction(async (r: Repositories) => {
      // The provider said the address is gone (Twilio 21610: the number opted out): stop using it. Before the
      // outcomes are written: closing it cancels the contact's pending steps there, not a step failing over from it.
      for (const { contact, address, code } of results.flatMap((x) => (x.refusal ? [x.refusal] : []))) {
        const fresh = await r.contacts.findById(contact.locationId, contact.id);
        if (fresh) await closeContactAddress(r, fresh, address, `the provider refused the address (${code})`, now);
      }
      const written = await r.queue.finish(
        results.map((x) => x.outcome),
        this.options.owner,
        now,
      );
      // Sends of unknown outcome that waited in vain for a status count as failed from now (failover.ts).
      const noStatus = ctx.noStatus.map(({ id, channel }) => ({
        id,
        status: 'failed',
        reasonCode: 'no_status',
        reason: `no_status: ${channel} gave no status within ${waitText(noStatusWaitMs(this.options.noStatusWait, channel))} of a send of unknown outcome; counted as failed`,
      }));
      await r.attempts.finish([...noStatus, ...results.flatMap((x) => (x.attempt ? [x.attempt] : []))], now);
      for (const closed of results.flatMap((x) => (x.sessionClosed ? [x.sessionClosed] : [])))
        await r.conversations.closeSession(closed.locationId, closed.conversationId, now);
      rows.forEach((row, i) => {
        const outcome = (results[i] as RowResult).outcome;
        // A step sent before (it failed over after a failed status) has its next step already: timing is from the first send.
        if (outcome.status !== 'sent' || !written.has(row.id) || row.sentAt) return;
        const conversation = get(ctx.conversations, row.conversationId);
        const agent = get(ctx.agents, row.agentId);
        const action = get(ctx.actions, row.actionId);
        if (!conversation || !agent || !action) return;
        const next = this.planner.next(row, conversation, agent, action, get(ctx.contacts, row.contactId) ?? null, outcome.sentAt ?? now);
        if (next) nextSteps.push(next);
        const step = scenarioConfig(action).steps[(row.step ?? 1) - 1];
        if (step?.triggerWorkflow && step.workflowId) {
          deliveries.push(workflowDelivery(row, { ...outcome, channel: outcome.channel ?? null }, step.workflowId, conversation, now));
        }
      });
      await r.queue.insert(nextSteps);
      await r.workflowDeliveries.insert(deliveries);
    });
    for (const next of nextSteps) if (next.scheduledAt && next.status === 'scheduled') this.signals.scheduled(next.scheduledAt);
    // Steps sent back to the queue (rate limited, session closed) wake the loop when they are due again.
    for (const { outcome } of results)
      if (outcome.status === 'scheduled' && outcome.scheduledAt) this.signals.scheduled(outcome.scheduledAt);
    if (deliveries.length) this.signals.scheduled(now);
  }

  /**
   * Recovery in the loop runs at most every quarter lease (a dead process's rows wait a lease
   * anyway), not before every claim: on the hot path it would cost three statements per batch.
   */
  private async recoverExpiredNow(): Promise<void> {
    const now = Date.now();
    if (now - this.lastRecovery < Math.min(this.options.leaseMs / 4, 5_000)) return;
    this.lastRecovery = now;
    await this.recoverExpired();
  }

  /** Rows whose process died holding them: requeue, resend idempotently, or fail as unknown (recovery.ts). */
  private async recoverExpired(): Promise<void> {
    const now = this.clock.now();
    const expired = await this.store.run((r) =>
      r.queue.claimExpired(now, this.options.owner, this.options.leaseMs, this.options.batchSize),
    );
    if (!expired.length) return;
    const [connections, attempts] = await this.store.run((r) =>
      Promise.all([
        r.channelConnections.listForLocations([...new Set(expired.map((f) => f.locationId))]),
        r.attempts.listForFollowups(expired.map((f) => f.id)),
      ]),
    );
    const open = new Map(attempts.filter((a) => a.status === 'sending').map((a) => [a.followupId, a]));
    const recovered = expired.map((row) => recover(row, open.get(row.id), connections, this.registry, now));
    await this.store.transaction(async (r) => {
      await r.queue.finish(
        recovered.map((x) => x.outcome),
        this.options.owner,
        now,
      );
      await r.attempts.finish(
        recovered.flatMap((x) => (x.attempt ? [x.attempt] : [])),
        now,
      );
    });
    this.log.warn(`recovered ${expired.length} follow-up(s) from expired leases`);
  }
}
