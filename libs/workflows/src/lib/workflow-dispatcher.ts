import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConversationEntity, FollowupEntity, FollowupOutcome, WorkflowDeliveryEntity } from '@followup/persistence';
import { WorkflowDeliveryEntity as Delivery, Store } from '@followup/persistence';
import { Clock, HttpPostError, postJson, signWebhook } from '@followup/util';
import { randomUUID } from 'node:crypto';
import { DISPATCHER_OPTIONS, DispatcherOptions } from '@followup/util';
import { SchedulerSignals } from '@followup/util';

/** Attempts before a delivery is given up, and the backoff between them (5 s, 10 s, 20 s ... 1 h). */
export const MAX_DELIVERY_ATTEMPTS = 8;
export const DELIVERY_TIMEOUT_MS = 10_000;

export function backoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(attempts - 1, 0), 3_600_000);
}

/** The delivery a sent step with `triggerWorkflow` fires (Standard Webhooks payload shape). */
export function workflowDelivery(
  row: FollowupEntity,
  outcome: FollowupOutcome,
  workflowId: string,
  conversation: ConversationEntity,
  now: Date,
): WorkflowDeliveryEntity {
  const payload = {
    type: 'followup.sent',
    timestamp: now.toISOString(),
    data: {
      workflow_id: workflowId,
      followup_id: row.id,
      location_id: row.locationId,
      conversation_id: conversation.id,
      contact_id: conversation.contactId,
      agent_id: row.agentId,
      scenario: row.scenario,
      step: row.step,
      channel: outcome.channel ?? row.channel,
      body: outcome.body ?? null,
      provider_message_id: outcome.providerMessageId ?? null,
      sent_at: (outcome.sentAt ?? now).toISOString(),
    },
  };
  return Object.assign(new Delivery(), {
    id: `msg_${randomUUID().replace(/-/g, '')}`,
    locationId: row.locationId,
    workflowId,
    followupId: row.id,
    payload: JSON.stringify(payload),
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastStatusCode: null,
    lastError: null,
    leaseOwner: null,
    leaseExpiresAt: null,
    deliveredAt: null,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Fires workflows: each delivery is an HTTP POST signed per Standard Webhooks (`webhook-id` is the
 * delivery id, the same on every retry), retried with exponential backoff, every attempt recorded.
 * Deliveries are at least once: receivers dedupe on `webhook-id`.
 */
@Injectable()
export class WorkflowDispatcher {
  private readonly log = new Logger('WorkflowDispatcher');
  private stopping = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private unsubscribe?: () => void;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly signals: SchedulerSignals,
    @Inject(DISPATCHER_OPTIONS) private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    if (this.loop || !this.options.enabled) return;
    this.stopping = false;
    this.unsubscribe = this.signals.onScheduled(() => this.wake());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
    this.loop = undefined;
  }

  wake(): void {
    this.wakeUp?.();
  }

  /** Delivers everything due now (tests and tools; the loop does it on its own). */
  async deliverDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.tick();
      if (!n) return total;
      total += n;
    }
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (await this.tick()) continue;
        const next = await this.store.run((r) => r.workflowDeliveries.nextDueAt());
        const wait = next
          ? Math.min(Math.max(next.getTime() - this.clock.now().getTime(), 0), this.options.idleMaxMs)
          : this.options.idleMaxMs;
        if (wait > 0) await this.sleep(wait);
      } catch (error) {
        this.log.error(`delivery loop: ${error instanceof Error ? error.message : String(error)}`);
        await this.sleep(1_000);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async tick(): Promise<number> {
    const claimed = await this.store.transaction((r) =>
      r.workflowDeliveries.claimDue(this.clock.now(), this.options.owner, DELIVERY_TIMEOUT_MS * 3, this.options.batchSize),
    );
    await Promise.all(claimed.map((d) => this.deliver(d)));
    return claimed.length;
  }

  private async deliver(delivery: WorkflowDeliveryEntity): Promise<void> {
    const workflow = await this.store.run((r) => r.workflows.findById(delivery.locationId, delivery.workflowId));
    const now = this.clock.now();
    delivery.attempts += 1;
    let error: string | null = null;
    let status: number | null = null;
    if (!workflow) {
      error = `workflow ${delivery.workflowId} is not registered (POST /workflows)`;
    } else {
      try {
        const headers = { 'user-agent': 'followup-gateway', ...signWebhook(workflow.secret, delivery.id, now, delivery.payload) };
        const answer = await postJson(workflow.url, headers, delivery.payload, DELIVERY_TIMEOUT_MS);
        status = answer.status;
        if (status < 200 || status >= 300) error = `answered ${status}`;
      } catch (e) {
        error = e instanceof HttpPostError ? e.code : e instanceof Error ? e.message : String(e);
      }
    }
    const done = this.clock.now();
    Object.assign(delivery, {
      lastStatusCode: status,
      lastError: error,
      leaseOwner: null,
      leaseExpiresAt: null,
      updatedAt: done,
    });
    if (!error) Object.assign(delivery, { status: 'succeeded', deliveredAt: done, nextAttemptAt: null });
    else if (!workflow || delivery.attempts >= MAX_DELIVERY_ATTEMPTS) Object.assign(delivery, { status: 'failed', nextAttemptAt: null });
    else delivery.nextAttemptAt = new Date(done.getTime() + backoffMs(delivery.attempts));
    await this.store.run((r) => r.workflowDeliveries.save(delivery));
  }
}
