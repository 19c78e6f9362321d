import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** What the store says at scrape time: follow-ups per status, and the queue of due ones. */
export interface QueueSnapshot {
  byStatus: Record<string, number>;
  /** Engine steps scheduled and already due. */
  due: number;
  /** Seconds since the oldest due step fell due (0 when none is due). */
  oldestDueAgeSeconds: number;
}

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LATENESS_BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

/**
 * The gateway's Prometheus metrics, one set per process (its own registry, so tests and several
 * gateways in one process never share counters). Names start with `followup_`; see the README's
 * "Metrics" section for each one.
 */
export class GatewayMetrics {
  readonly registry = new Registry();

  /** Provider webhooks received, by provider, hook and outcome (`accepted`, `rejected`, `failed`). */
  readonly webhooks = new Counter({
    name: 'followup_webhooks_total',
    help: 'Provider webhooks received, by provider, hook and outcome.',
    labelNames: ['provider', 'hook', 'outcome'] as const,
    registers: [this.registry],
  });

  /** Time from a webhook's arrival to its answer (the whole ingest: signature, record, reset, detection, scheduling). */
  readonly ingestSeconds = new Histogram({
    name: 'followup_webhook_duration_seconds',
    help: 'Time to ingest and answer a provider webhook.',
    labelNames: ['provider', 'hook'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  /** Messages handed to a provider, by channel, provider and result (`sent`, `failed`, `unknown`). */
  readonly sends = new Counter({
    name: 'followup_sends_total',
    help: 'Messages handed to a provider, by channel, provider and result.',
    labelNames: ['channel', 'provider', 'result'] as const,
    registers: [this.registry],
  });

  /** How long the provider took to take (or refuse) a message. */
  readonly providerSeconds = new Histogram({
    name: 'followup_provider_request_duration_seconds',
    help: 'Time the provider took to answer a send.',
    labelNames: ['channel', 'provider'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  /** How late a follow-up was handed to its provider, after the time it was due. */
  readonly lateness = new Histogram({
    name: 'followup_dispatch_lateness_seconds',
    help: 'Time between a follow-up falling due and its send starting.',
    buckets: LATENESS_BUCKETS,
    registers: [this.registry],
  });

  private snapshot?: () => Promise<QueueSnapshot>;
  private pending?: Promise<QueueSnapshot>;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'followup_' });
    // The gauges' collect() runs with the gauge as `this`; the store is read through this closure.
    const read = () => this.read();
    new Gauge({
      name: 'followup_followups',
      help: 'Follow-ups by status.',
      labelNames: ['status'] as const,
      registers: [this.registry],
      async collect() {
        const snap = await read();
        this.reset();
        for (const [status, count] of Object.entries(snap?.byStatus ?? {})) this.set({ status }, count);
      },
    });
    new Gauge({
      name: 'followup_queue_due',
      help: 'Follow-ups due now and not yet claimed (the queue depth).',
      registers: [this.registry],
      async collect() {
        this.set((await read())?.due ?? 0);
      },
    });
    new Gauge({
      name: 'followup_queue_oldest_due_age_seconds',
      help: 'Seconds since the oldest follow-up still waiting fell due (0 when none waits).',
      registers: [this.registry],
      async collect() {
        this.set((await read())?.oldestDueAgeSeconds ?? 0);
      },
    });
  }

  /** Where the queue gauges read from (the store); without it they stay empty. */
  readQueueWith(snapshot: () => Promise<QueueSnapshot>): void {
    this.snapshot = snapshot;
  }

  /** The text Prometheus scrapes. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    try {
      return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    } finally {
      this.pending = undefined;
    }
  }

  /** One store read per scrape, shared by the three gauges. */
  private read(): Promise<QueueSnapshot | undefined> {
    if (!this.snapshot) return Promise.resolve(undefined);
    this.pending ??= this.snapshot();
    return this.pending;
  }
}
