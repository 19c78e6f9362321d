import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './1763900000000-initial';

/**
 * An inbound message's follow-up note: why the engine scheduled nothing for what the contact said
 * (no enabled action for the intent, no agent), kept so a redelivery and the timeline say it too.
 */
export class MessageNotes1764400000000 implements MigrationInterface {
  name = 'MessageNotes1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('messages', new TableColumn(col.text('followup_note', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('messages', 'followup_note');
  }
}
