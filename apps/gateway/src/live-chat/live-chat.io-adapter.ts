import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as postgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as redisAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Server, ServerOptions } from 'socket.io';
import { schemaChannel, type Store } from '@followup/persistence';

/** The largest frame a chat socket may send (a message is at most 4096 characters): larger ones close the socket. */
export const MAX_FRAME_BYTES = 64 * 1024;

/** How messages reach sockets held by other gateway processes. */
export type ChatBus = 'redis' | 'postgres' | 'none';

type BusAdapter = ReturnType<typeof postgresAdapter> | ReturnType<typeof redisAdapter>;

/**
 * socket.io on the gateway's HTTP server, WebSocket only (no long polling: it would need sticky
 * sessions behind a load balancer), frames up to 64 KiB. Across processes, each broadcast (a message
 * to a visitor's room) goes through socket.io's Redis adapter when REDIS_URL is set, else on
 * PostgreSQL through its Postgres adapter (NOTIFY on a channel named after the schema, LISTEN on a
 * connection of its own; broadcasts over NOTIFY's 8000 bytes go through `socket_io_attachments`).
 * SQLite is one process: the in-memory adapter.
 */
export class LiveChatIoAdapter extends IoAdapter {
  readonly bus: ChatBus;
  private adapter?: BusAdapter;
  private readonly closers: (() => Promise<unknown>)[] = [];

  constructor(app: INestApplicationContext, store: Store, redisUrl: string | undefined, logger: Logger) {
    super(app);
    const onError = (error: Error) => logger.warn({ err: error }, 'live chat bus error');
    const pg = store.postgresLocation();
    if (redisUrl) {
      const pub = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: null });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) client.on('error', onError);
      this.adapter = redisAdapter(pub, sub, { key: `fgw:${busName(pg?.schema ?? 'sqlite')}` });
      this.closers.push(
        () => pub.quit(),
        () => sub.quit(),
      );
      this.bus = 'redis';
    } else if (pg) {
      const pool = new Pool({ connectionString: pg.url, max: 3 });
      pool.on('error', onError);
      this.adapter = postgresAdapter(pool, {
        channelPrefix: busName(pg.schema),
        tableName: `"${pg.schema}".socket_io_attachments`,
        errorHandler: onError,
      });
      this.closers.push(() => pool.end());
      this.bus = 'postgres';
    } else {
      this.bus = 'none';
    }
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      transports: ['websocket'],
      serveClient: false,
      maxHttpBufferSize: MAX_FRAME_BYTES,
    }) as Server;
    if (this.adapter) server.adapter(this.adapter);
    return server;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.allSettled(this.closers.map((close) => close()));
  }
}

/** The live chat's channel per store: `fgw_<hash of the schema>` (schemaChannel). */
function busName(schema: string): string {
  return schemaChannel('fgw', schema);
}
