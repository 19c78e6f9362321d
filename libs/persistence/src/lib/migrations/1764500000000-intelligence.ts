import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './1763900000000-initial';

/**
 * What understanding replies needs kept:
 * - messages.requested_exact: the contact named a time of day ("at 3") rather than a day or a
 *   period ("tomorrow", "next week"); an exact time is kept as asked, a day goes into working hours;
 * - followups.timing_rule: `as_requested` for a step the contact timed (the business's working hours
 *   do not move it; only the contact's own 08:00-21:00 does);
 * - conversations.followups_paused: why no sequence starts on the conversation until the contact
 *   writes again (`not_interested`).
 */
export class Intelligence1764500000000 implements MigrationInterface {
  name = 'Intelligence1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('messages', new TableColumn({ ...col.bool('requested_exact'), isNullable: true }));
    await q.addColumn('followups', new TableColumn(col.varchar('timing_rule', 16, true)));
    await q.addColumn('conversations', new TableColumn(col.varchar('followups_paused', 32, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('conversations', 'followups_paused');
    await q.dropColumn('followups', 'timing_rule');
    await q.dropColumn('messages', 'requested_exact');
  }
}
