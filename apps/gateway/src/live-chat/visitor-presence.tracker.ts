import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { ChatVisitor, ChatVisitorsService } from '@followup/conversations';

/** How often the visitors with a socket open in this process are marked seen (well under the 2-minute shortest idle timeout). */
export const PRESENCE_REFRESH_MS = 30_000;

/**
 * This process's open chat sockets per visitor, and their presence in the store (the conversation's
 * `contact_seen_at`, which the live chat adapter's session reads, on any replica): seen when a
 * socket opens, every 30 s while one is open (so a process that dies stops vouching for its
 * visitors within 30 s), and when the last one closes. A visitor with tabs on two processes is
 * vouched for by both.
 */
@Injectable()
export class VisitorPresence implements BeforeApplicationShutdown {
  private readonly log = new Logger('LiveChatPresence');
  private readonly open = new Map<string, { visitor: ChatVisitor; sockets: number }>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly visitors: ChatVisitorsService) {}

  opened(visitor: ChatVisitor): void {
    const key = keyOf(visitor);
    const entry = this.open.get(key) ?? { visitor, sockets: 0 };
    entry.sockets++;
    this.open.set(key, entry);
    this.timer ??= setInterval(
      () => void this.refresh().catch((e: unknown) => this.log.warn(`presence refresh failed: ${String(e)}`)),
      PRESENCE_REFRESH_MS,
    );
    this.timer.unref();
  }

  closed(visitor: ChatVisitor): void {
    const key = keyOf(visitor);
    const entry = this.open.get(key);
    if (!entry) return;
    if (--entry.sockets > 0) return;
    this.open.delete(key);
    this.visitors
      .seen(visitor.connection.id, [visitor.visitorId])
      .catch((e: unknown) => this.log.warn(`presence write failed: ${String(e)}`));
  }

  /** Marks every visitor with a socket open here as seen now (also when a test moves the clock). */
  async refresh(): Promise<void> {
    const byConnection = new Map<string, string[]>();
    for (const { visitor } of this.open.values()) {
      const ids = byConnection.get(visitor.connection.id) ?? [];
      byConnection.set(visitor.connection.id, [...ids, visitor.visitorId]);
    }
    await Promise.all([...byConnection].map(([connectionId, ids]) => this.visitors.seen(connectionId, ids)));
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // The visitors were here until now: their idle timeout runs from this instant.
    await this.refresh().catch(() => undefined);
    this.open.clear();
  }
}

function keyOf(visitor: ChatVisitor): string {
  return `${visitor.connection.id}\u0000${visitor.visitorId}`;
}
