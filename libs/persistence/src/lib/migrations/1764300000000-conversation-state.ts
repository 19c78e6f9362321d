import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './1763900000000-initial';

/**
 * Conversation state: whether the bot is active, sleeping (until when), stopped or handed over, who
 * the conversation is assigned to and its CRM status; contacts get a list of tags. Existing
 * conversations are active and existing contacts have no tags (the column defaults).
 */
export class ConversationState1764300000000 implements MigrationInterface {
  name = 'ConversationState1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // A column default is SQL: the quoted literal, the same on SQLite and PostgreSQL.
    await q.addColumns('conversations', [
      new TableColumn({ ...col.varchar('bot_status', 16), default: "'active'" }),
      new TableColumn(col.instant('bot_sleep_until', true)),
      new TableColumn(col.text('assigned_user_id', true)),
      new TableColumn(col.text('status_id', true)),
    ]);
    await q.addColumn('contacts', new TableColumn({ ...col.text('tags'), default: "'[]'" }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('contacts', 'tags');
    for (const column of ['bot_status', 'bot_sleep_until', 'assigned_user_id', 'status_id']) await q.dropColumn('conversations', column);
  }
}
