import { Inject, Injectable, Logger } from '@nestjs/common';
import { ChannelRegistry, ChannelType, SendError } from '@followup/channels-core';
import {
  AgentActionEntity,
  ChannelConnectionEntity,
  ContactEntity,
  ConversationAgentEntity,
  ConversationEntity,
  FollowupEntity,
  FollowupOutcome,
  Repositories,
  Store,
  WorkflowDeliveryEntity,
} from '@followup/persistence';
import { Clock } from '@followup/util';
import { isWithinHours, nextOpenInstant, WorkingHours } from '@followup/timing';
import { resolveZone } from '@followup/timing';
import { ChannelChoice, selectChannel } from '@followup/routing';
import { MessageComposer } from '@followup/composer';
import { FollowupPlanner, scenarioConfig } from './planner';
import { SchedulerSignals } from '@followup/util';
import { OutboundSender } from '@followup/routing';
import { closeContactAddress } from '@followup/routing';
import { DISPATCHER_OPTIONS, DispatcherOptions } from '@followup/util';
import { workflowDelivery } from '@followup/workflows';

/** Everything one batch of claimed follow-ups needs, loaded in a few queries. */
interface BatchContext {
  conversations: Map<string, ConversationEntity>;
  contacts: Map<string, ContactEntity>;
  agents: Map<string, ConversationAgentEntity>;
  actions: Map<string, AgentActionEntity>;
  connections: ChannelConnectionEntity[];
}

type Decision =
  | { kind: 'outcome'; outcome: FollowupOutcome }
  | { kind: 'send'; choice: ChannelChoice; text: string; contact: ContactEntity; conversation: ConversationEntity };

type Threads = Map<string, { subject: string | null; providerMessageIds: string[] }>;

/** A send the provider refused because of the contact's address (opted out at the carrier, invalid). */
interface AddressRefusal {
  contact: ContactEntity;
  address: NonNullable<SendError['address']>;
  code: string;
}

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/**
 * The dispatch loop: claims due follow-ups in batches under a lease, re-checks the guards just
 * before the provider call (conversation unchanged, agent active, scenario still on, contact not
 * opted out, inside working hours), composes the text, picks the channel, sends, and records the
 * outcome together with the next step and any workflow firing, in one transaction.
 *
 * At most once per step: `send_started_at` is written before the provider is called. A row found
 * with an expired lease is requeued when that mark is missing (nothing was sent), resent with the
 * same idempotency key when the channel deduplicates on it, and otherwise failed with
 * `outcome_unknown` rather than risk a second message.
 */
@Injectable()
export class FollowupDispatcher {
  private readonly log = new Logger('FollowupDispatcher');
  private stopping = false;
  private loop?: Promise<void>;
  private inFlight = 0;
  private readonly batches = new Set<Promise<void>>();
  private wakeUp?: () => void;
  private sleepingUntil = Number.POSITIVE_INFINITY;
  private unsubscribe?: () => void;
  private lastRecovery = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly registry: ChannelRegistry,
    private readonly composer: MessageComposer,
    private readonly planner: FollowupPlanner,
    private readonly signals: SchedulerSignals,
    private readonly sender: OutboundSender,
    @Inject(DISPATCHER_OPTIONS) private readonly options: DispatcherOptions,
  ) {}

  start(): void {
    if (this.loop || !this.options.enabled) return;
    this.stopping = false;
    this.unsubscribe = this.signals.onScheduled((dueAt) => {
      if (dueAt.getTime() < this.sleepingUntil) this.wake();
    });
    this.loop = this.run();
  }

  /** Stops claiming, lets in-flight sends finish, and gives back rows it claimed but did not start. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.unsubscribe?.();
    this.wake();
    await this.loop;
    this.loop = undefined;
    await Promise.allSettled([...this.batches]);
    await this.store.transaction((r) => r.queue.releaseUnstarted(this.options.owner, this.clock.now()));
  }

  /** Wakes a sleeping loop (e.g. after the clock was moved). */
  wake(): void {
    this.wakeUp?.();
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

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.recoverExpiredNow();
        const capacity = this.options.concurrency - this.inFlight;
        if (capacity <= 0) {
          await Promise.race([...this.batches]);
          continue;
        }
        const claimed = await this.claim(Math.min(this.options.batchSize, capacity));
        if (claimed.length) {
          void this.track(this.process(claimed));
          continue;
        }
        await this.sleepUntilNextDue();
      } catch (error) {
        this.log.error(`dispatch loop: ${error instanceof Error ? error.message : String(error)}`);
        await this.sleep(1_000);
      }
    }
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

  private async sleepUntilNextDue(): Promise<void> {
    const next = await this.store.run((r) => r.queue.nextDueAt());
    const now = this.clock.now().getTime();
    const wait = next ? Math.min(Math.max(next.getTime() - now, 0), this.options.idleMaxMs) : this.options.idleMaxMs;
    if (wait <= 0) return;
    this.sleepingUntil = now + wait;
    await this.sleep(wait);
    this.sleepingUntil = Number.POSITIVE_INFINITY;
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

  /** One claimed batch: decide, mark, send, record. */
  private async process(rows: FollowupEntity[]): Promise<void> {
    try {
      const context = await this.load(rows);
      const now = this.clock.now();
      const decisions = await Promise.all(rows.map((row) => this.decide(row, context, now)));
      const sends = rows.filter((_row, i) => decisions[i]?.kind === 'send');
      const threads = await this.threads(decisions);
      await this.store.run((r) =>
        r.queue.markSendStarted(
          sends.map((f) => f.id),
          this.options.owner,
          this.clock.now(),
        ),
      );
      const refusedAddresses: AddressRefusal[] = [];
      const outcomes = await Promise.all(rows.map((row, i) => this.complete(row, decisions[i] as Decision, threads, refusedAddresses)));
      await this.record(rows, outcomes, context, refusedAddresses);
    } catch (error) {
      // The rows keep their lease; when it expires they are recovered (see recoverExpired).
      this.log.error(`dispatch batch of ${rows.length}: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.inFlight -= rows.length;
    }
  }

  private async load(rows: FollowupEntity[]): Promise<BatchContext> {
    const ids = (pick: (f: FollowupEntity) => string | null) => [...new Set(rows.map(pick).filter((v): v is string => Boolean(v)))];
    return this.store.run(async (r) => {
      // Independent reads: on PostgreSQL they run on pooled connections at once.
      const [conversations, contacts, agents, actions, connections] = await Promise.all([
        r.conversations.findByIds(ids((f) => f.conversationId)),
        r.contacts.findByIds(ids((f) => f.contactId)),
        r.conversationAgents.findByIds(ids((f) => f.agentId)),
        r.agentActions.findByIds(ids((f) => f.actionId)),
        r.channelConnections.listForLocations(ids((f) => f.locationId)),
      ]);
      return { conversations: byId(conversations), contacts: byId(contacts), agents: byId(agents), actions: byId(actions), connections };
    });
  }

  /**
   * The guards, in order; the first that fails decides the outcome. What can never change for this
   * row (deleted, inactive, opted out, no channel) is decided before working hours, which only delay it.
   */
  private async decide(row: FollowupEntity, ctx: BatchContext, now: Date): Promise<Decision> {
    const stop = (status: string, statusReason: string): Decision => ({ kind: 'outcome', outcome: { id: row.id, status, statusReason } });
    const conversation = row.conversationId ? ctx.conversations.get(row.conversationId) : undefined;
    if (!conversation) return stop('cancelled', 'conversation_deleted');
    if (conversation.version !== row.conversationVersion)
      return stop('cancelled', 'conversation_changed: a message was recorded after this follow-up was scheduled');
    const agent = row.agentId ? ctx.agents.get(row.agentId) : undefined;
    if (!agent) return stop('cancelled', 'agent_deleted');
    if (!agent.active) return stop('cancelled', 'agent_inactive');
    const action = row.actionId ? ctx.actions.get(row.actionId) : undefined;
    const config = action ? scenarioConfig(action) : undefined;
    if (!action || !config?.enabled) return stop('cancelled', 'scenario_disabled: the advancedFollowup action was disabled or removed');
    const step = config.steps[(row.step ?? 1) - 1];
    if (!step) return stop('cancelled', 'step_removed: the sequence no longer has this step');
    const contact = row.contactId ? ctx.contacts.get(row.contactId) : undefined;
    if (!contact) return stop('cancelled', 'contact_deleted');

    const choice = selectChannel(this.registry, {
      conversation,
      contact,
      connections: ctx.connections.filter((c) => c.locationId === row.locationId),
      dynamicChannelSwitching: config.settings?.dynamicChannelSwitching ?? false,
      now,
    });
    if ('reason' in choice) return stop(choice.reason.startsWith('opted_out') ? 'cancelled' : 'failed', choice.reason);

    if (config.settings?.followUpHours) {
      const zone = resolveZone(config.settings, contact.timezone, agent.timezone);
      const hours = (config.settings.workingHours ?? []) as WorkingHours;
      if (!isWithinHours(now, hours, zone)) {
        const next = nextOpenInstant(now, hours, zone);
        if (!next) return stop('on_hold', 'no_working_hours: working hours are on but no interval is open on any day');
        return {
          kind: 'outcome',
          outcome: {
            id: row.id,
            status: 'scheduled',
            statusReason: 'outside working hours when due; moved to the next open interval',
            scheduledAt: next,
            movedByWorkingHours: true,
          },
        };
      }
    }

    const composed = await this.composer.compose({ step, scenario: row.scenario ?? '', contact, agent });
    if ('unavailable' in composed) return stop('on_hold', composed.unavailable);
    return { kind: 'send', choice, text: composed.text, contact, conversation };
  }

  /** The earlier messages of the conversations a batch sends to on threaded channels (email), one query per channel. */
  private async threads(decisions: Decision[]): Promise<Map<string, Threads>> {
    const byChannel = new Map<string, Set<string>>();
    for (const d of decisions) {
      if (d.kind !== 'send' || !d.choice.adapter.capabilities.threaded) continue;
      const ids = byChannel.get(d.choice.channel) ?? new Set<string>();
      byChannel.set(d.choice.channel, ids.add(d.conversation.id));
    }
    const out = new Map<string, Threads>();
    if (!byChannel.size) return out;
    await this.store.run(async (r) => {
      for (const [channel, ids] of byChannel) out.set(channel, await r.messages.threads([...ids], channel));
    });
    return out;
  }

  /** Sends a decided row and turns the result into its outcome. */
  private async complete(
    row: FollowupEntity,
    decision: Decision,
    threads: Map<string, Threads>,
    refusedAddresses: AddressRefusal[],
  ): Promise<FollowupOutcome> {
    if (decision.kind === 'outcome') return decision.outcome;
    const { choice, text, contact, conversation } = decision;
    const base = { id: row.id, channel: choice.channel, body: text };
    const switched = choice.switched ? `switched from ${conversation.channel} to ${choice.channel}` : null;
    let context: ReturnType<OutboundSender['context']>;
    try {
      context = this.sender.context(
        conversation,
        contact,
        choice.connection,
        choice.channel,
        threads.get(choice.channel)?.get(conversation.id),
      );
    } catch (error) {
      // The provider was never called: a definite failure.
      return {
        ...base,
        status: 'failed',
        statusReason: `send_failed: ${error instanceof Error ? error.message : String(error)}`,
        errorCode: 'send_context',
      };
    }
    try {
      const result = await this.sender.deliver(
        choice.adapter,
        choice.connection,
        { to: { name: contact.name, phone: contact.phone, email: contact.email, whatsapp: contact.whatsapp }, body: text },
        { ...context, idempotencyKey: `fu_${row.id}`, metadata: { followup_id: row.id, scenario: row.scenario, step: row.step } },
      );
      return {
        ...base,
        status: 'sent',
        statusReason: switched,
        providerMessageId: result.providerMessageId,
        sentAt: this.clock.now(),
        errorCode: null,
      };
    } catch (error) {
      const e = error instanceof SendError ? error : new SendError(String(error), 'send_error', false);
      if (e.address) refusedAddresses.push({ contact, address: e.address, code: e.code });
      if (!e.definite && choice.adapter.capabilities.idempotentSend && row.attempt < 3) {
        // The channel dedupes on the idempotency key: trying again cannot make a second message.
        const retryAt = new Date(this.clock.now().getTime() + 30_000 * 2 ** (row.attempt - 1));
        return {
          ...base,
          status: 'scheduled',
          statusReason: `retrying after ${e.code}: ${e.message}`,
          errorCode: e.code,
          scheduledAt: retryAt,
        };
      }
      const reason = e.definite ? `send_failed: ${e.message}` : `outcome_unknown: ${e.message} (not retried, to never send twice)`;
      return { ...base, status: 'failed', statusReason: reason, errorCode: e.code };
    }
  }

  /** Outcomes, next steps and workflow firings of a batch, in one transaction. */
  private async record(
    rows: FollowupEntity[],
    outcomes: FollowupOutcome[],
    ctx: BatchContext,
    refusedAddresses: AddressRefusal[],
  ): Promise<void> {
    const now = this.clock.now();
    const nextSteps: FollowupEntity[] = [];
    const deliveries: WorkflowDeliveryEntity[] = [];
    await this.store.transaction(async (r: Repositories) => {
      const written = await r.queue.finish(outcomes, this.options.owner, now);
      // The provider said the address is gone (Twilio 21610: the number opted out): stop using it.
      for (const { contact, address, code } of refusedAddresses) {
        const fresh = await r.contacts.findById(contact.locationId, contact.id);
        if (!fresh) continue;
        await closeContactAddress(r, fresh, address, `the provider refused the address (${code})`, now);
      }
      rows.forEach((row, i) => {
        const outcome = outcomes[i] as FollowupOutcome;
        if (outcome.status !== 'sent' || !written.has(row.id)) return;
        const conversation = ctx.conversations.get(row.conversationId ?? '');
        const agent = ctx.agents.get(row.agentId ?? '');
        const action = ctx.actions.get(row.actionId ?? '');
        if (!conversation || !agent || !action) return;
        const next = this.planner.next(
          row,
          conversation,
          agent,
          action,
          ctx.contacts.get(row.contactId ?? '') ?? null,
          outcome.sentAt ?? now,
        );
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

  /** Rows whose process died holding them: requeue, resend idempotently, or fail as unknown. */
  private async recoverExpired(): Promise<void> {
    const now = this.clock.now();
    const expired = await this.store.run((r) =>
      r.queue.claimExpired(now, this.options.owner, this.options.leaseMs, this.options.batchSize),
    );
    if (!expired.length) return;
    const connections = await this.store.run((r) => r.channelConnections.listForLocations([...new Set(expired.map((f) => f.locationId))]));
    const outcomes = expired.map((row): FollowupOutcome => {
      if (!row.sendStartedAt)
        return { id: row.id, status: 'scheduled', statusReason: 'requeued: its process stopped before sending', scheduledAt: now };
      const connection = connections.find((c) => c.locationId === row.locationId && c.type === row.channel);
      const adapter = connection ? this.registry.adapter(connection.provider, row.channel as ChannelType) : undefined;
      if (adapter?.capabilities.idempotentSend) {
        return {
          id: row.id,
          status: 'scheduled',
          statusReason: 'resending with the same idempotency key: its process stopped while sending',
          scheduledAt: now,
        };
      }
      return {
        id: row.id,
        status: 'failed',
        statusReason: 'outcome_unknown: its process stopped while sending; not resent, to never send twice',
        errorCode: 'outcome_unknown',
      };
    });
    await this.store.transaction((r) => r.queue.finish(outcomes, this.options.owner, now));
    this.log.warn(`recovered ${expired.length} follow-up(s) from expired leases`);
  }
}
