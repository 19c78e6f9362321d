import { Inject, Injectable } from '@nestjs/common';
import type { ConversationEntity, FollowupEntity, FollowupOutcome, WorkflowDeliveryEntity } from '@followup/persistence';
import { WorkflowDeliveryEntity as Delivery, Store } from '@followup/persistence';
import { deliveryBackoffMs } from '@followup/timing';
import {
  Clock,
  DESTINATION_NOT_ALLOWED,
  DISPATCHER_OPTIONS,
  DispatcherOptions,
  HttpPostError,
  LeaseLoop,
  SchedulerSignals,
  postJson,
  signWebhook,
} from '@followup/util';
import { randomUUID } from 'node:crypto';

/** Attempts before a delivery is given up (the backoff between them is timing's deliveryBackoffMs). */
export const MAX_DELIVERY_ATTEMPTS = 8;
export const DELIVERY_TIMEOUT_MS = 10_000;

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
  private readonly loop: LeaseLoop;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    signals: SchedulerSignals,
    @Inject(DISPATCHER_OPTIONS) private readonly options: DispatcherOptions,
  ) {
    this.loop = new LeaseLoop(
      'WorkflowDispatcher',
      { tick: async () => (await this.tick()) > 0, nextDueAt: () => this.store.run((r) => r.workflowDeliveries.nextDueAt()) },
      clock,
      signals,
      options.idleMaxMs,
    );
  }

  start(): void {
    if (this.options.enabled) this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
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
    // A URL the network policy refuses is refused again on every try: the delivery fails at once.
    let final = false;
    if (!workflow) {
      error = `workflow ${delivery.workflowId} is not registered (POST /workflows)`;
    } else {
      try {
        const headers = { 'user-agent': 'followup-gateway', ...signWebhook(workflow.secret, delivery.id, now, delivery.payload) };
        const answer = await postJson(workflow.url, headers, delivery.payload, DELIVERY_TIMEOUT_MS);
        status = answer.status;
        if (status < 200 || status >= 300) error = `answered ${status}`;
      } catch (e) {
        // The code (ECONNREFUSED, timeout), or a refused destination's reason.
        error = e instanceof HttpPostError ? e.message : e instanceof Error ? e.message : String(e);
        final = e instanceof HttpPostError && e.code === DESTINATION_NOT_ALLOWED;
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
    else if (!workflow || final || delivery.attempts >= MAX_DELIVERY_ATTEMPTS)
      Object.assign(delivery, { status: 'failed', nextAttemptAt: null });
    else delivery.nextAttemptAt = new Date(done.getTime() + deliveryBackoffMs(delivery.attempts));
    await this.store.run((r) => r.workflowDeliveries.save(delivery));
  }
}
