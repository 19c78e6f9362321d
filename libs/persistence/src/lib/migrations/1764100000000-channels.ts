import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { col } from './1763900000000-initial';

/**
 * Channel plugins: messages carry their delivery status, subject and connection; conversations the
 * connection they run on; contacts the channels whose address failed (bounced, carrier opt-out);
 * follow-ups are found by the provider's message id when a delivery status arrives.
 */
export class Channels1764100000000 implements MigrationInterface {
  name = 'Channels1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('messages', [
      new TableColumn(col.ref('connection_id', true)),
      new TableColumn(col.ref('status', true)),
      new TableColumn(col.text('status_reason', true)),
      new TableColumn(col.text('error_code', true)),
      new TableColumn(col.text('subject', true)),
    ]);
    await q.addColumn('conversations', new TableColumn(col.ref('connection_id', true)));
    await q.addColumn('contacts', new TableColumn(col.text('undeliverable', true)));
    await q.createIndex(
      'followups',
      new TableIndex({ name: 'IX_followups_location_provider_id', columnNames: ['location_id', 'provider_message_id'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('followups', 'IX_followups_location_provider_id');
    await q.dropColumn('contacts', 'undeliverable');
    await q.dropColumn('conversations', 'connection_id');
    for (const column of ['connection_id', 'status', 'status_reason', 'error_code', 'subject']) await q.dropColumn('messages', column);
  }
}
