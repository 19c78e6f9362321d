import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './1763900000000-initial';

/** Delivery attempts (one row per try of a step on a channel) and the typed reason code of a follow-up. */
export class Attempts1764200000000 implements MigrationInterface {
  name = 'Attempts1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('followups', new TableColumn(col.ref('reason_code', true)));
    await q.createTable(
      new Table({
        name: 'followup_attempts',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.ref('followup_id'),
          col.ref('channel'),
          col.ref('connection_id', true),
          col.text('provider_message_id', true),
          col.ref('status'),
          col.text('error_code', true),
          col.ref('reason_code', true),
          col.text('reason', true),
          col.instant('started_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IX_followup_attempts_followup', columnNames: ['followup_id', 'started_at'] }),
          new TableIndex({ name: 'IX_followup_attempts_provider_id', columnNames: ['location_id', 'provider_message_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('followup_attempts');
    await q.dropColumn('followups', 'reason_code');
  }
}
