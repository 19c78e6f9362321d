import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/**
 * Calls are follow-up records keyed by the provider's call id: every status callback, recording
 * and voicemail of a call finds its record by (location, call_id).
 */
export class CallRecords1764800000000 implements MigrationInterface {
  name = 'CallRecords1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('followups', new TableIndex({ name: 'IX_followups_location_call_id', columnNames: ['location_id', 'call_id'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('followups', 'IX_followups_location_call_id');
  }
}
