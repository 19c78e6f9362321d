import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './1763900000000-initial';

/** The table @socket.io/postgres-adapter keeps the broadcasts too large for a NOTIFY in (PostgreSQL only). */
export const SOCKET_IO_ATTACHMENTS = 'socket_io_attachments';

/**
 * Live chat: a conversation knows its contact's id on the channel (the visitor id) and when the
 * contact was last seen present there. On PostgreSQL, the table the socket.io adapter needs for
 * broadcasts over NOTIFY's 8000-byte limit (no entity: only the adapter reads and prunes it).
 */
export class LiveChat1764700000000 implements MigrationInterface {
  name = 'LiveChat1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('conversations', [
      new TableColumn(col.text('channel_contact_id', true)),
      new TableColumn(col.instant('contact_seen_at', true)),
    ]);
    await q.createIndex(
      'conversations',
      // NULLs are distinct in a unique index on both engines: only conversations with a channel id are constrained.
      new TableIndex({ name: 'UQ_conversations_channel_contact', columnNames: ['connection_id', 'channel_contact_id'], isUnique: true }),
    );
    if (q.connection.options.type !== 'postgres') return;
    await q.createTable(
      new Table({
        name: SOCKET_IO_ATTACHMENTS,
        columns: [
          { name: 'id', type: 'bigint', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          { name: 'created_at', type: 'timestamptz', default: 'now()' },
          { name: 'payload', type: 'bytea' },
        ],
      }),
      true,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') await q.dropTable(SOCKET_IO_ATTACHMENTS, true);
    await q.dropIndex('conversations', 'UQ_conversations_channel_contact');
    for (const column of ['channel_contact_id', 'contact_seen_at']) await q.dropColumn('conversations', column);
  }
}
