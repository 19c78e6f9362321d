import { createHash } from 'node:crypto';
import { Client } from 'pg';

/** What a notice says changed (the payload of NOTIFY on the store's channel); `*`: anything (notices were missed). */
export type NoticeTopic = 'api_tokens' | '*';

/**
 * A short name per store for a cross-process channel (NOTIFY channels and Redis keys are shared by
 * every store of a server; a NOTIFY channel is at most 63 bytes): `<prefix>_<hash of the schema>`.
 */
export function schemaChannel(prefix: string, schema: string): string {
  return `${prefix}_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`;
}

/** The channel of a store's notices: `fgw_n_<hash of the schema>`. */
export function noticeChannel(schema: string): string {
  return schemaChannel('fgw_n', schema);
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

/**
 * Notices between the processes sharing a PostgreSQL store (replicas, the CLI), so that what a
 * process caches can be dropped the moment another changes it. A writer sends one with
 * `SELECT pg_notify(channel, topic)` in the same statement or transaction as its change (delivered
 * at commit, never for a rolled-back change); every process LISTENs on a connection of its own,
 * opened on first use.
 *
 * A cache may only trust itself while `live`: the connection is listening. When it drops, or
 * before it first listens, `live` is false and `generation` moves on, so anything cached before
 * the gap is discarded (a notice sent meanwhile was lost). SQLite has no notices (`live` stays false):
 * nothing there is cached on their strength.
 */
export class StoreNotices {
  private client: Client | null = null;
  private listening = false;
  private started = false;
  private closed = false;
  private retryMs = RETRY_MIN_MS;
  private retry?: NodeJS.Timeout;
  private readonly listeners = new Set<(topic: NoticeTopic) => void>();
  private readonly channel: string;
  /** Moves on with every notice and every change of `live`: a reader compares it before and after a read. */
  generation = 0;

  constructor(private readonly location: { url: string; schema: string } | null) {
    this.channel = location ? noticeChannel(location.schema) : '';
  }

  /** True while notices are being received (after `start` on PostgreSQL; never on SQLite). */
  get live(): boolean {
    return this.listening;
  }

  /** Starts listening (once; on PostgreSQL only). Never throws: a failure retries with a growing pause. */
  start(): void {
    if (this.started || this.closed || !this.location) return;
    this.started = true;
    void this.connect();
  }

  /** Calls `listener` with the topic of every notice received (and with `*` whenever notices may have been missed). */
  onNotice(listener: (topic: NoticeTopic) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    this.setListening(false);
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const location = this.location as { url: string; schema: string };
    const client = new Client({ connectionString: location.url, application_name: 'followup-gateway notices' });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.setListening(false);
      void client.end().catch(() => undefined);
      this.scheduleRetry();
    };
    client.on('error', lost);
    client.on('end', lost);
    client.on('notification', (n) => {
      if (n.channel !== this.channel) return;
      this.generation++;
      this.emit((n.payload ?? '*') as NoticeTopic);
    });
    try {
      await client.connect();
      await client.query(`LISTEN "${this.channel}"`);
      if (this.client !== client || this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      this.retryMs = RETRY_MIN_MS;
      this.setListening(true);
    } catch {
      lost();
    }
  }

  private scheduleRetry(): void {
    if (this.closed) return;
    clearTimeout(this.retry);
    this.retry = setTimeout(() => void this.connect(), this.retryMs);
    this.retry.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private setListening(listening: boolean): void {
    if (this.listening === listening) return;
    this.listening = listening;
    this.generation++;
    this.emit('*');
  }

  private emit(topic: NoticeTopic): void {
    for (const listener of this.listeners) listener(topic);
  }
}
