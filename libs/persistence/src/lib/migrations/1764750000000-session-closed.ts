import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './1763900000000-initial';

/**
 * A conversation remembers when the provider said its session window had closed (WhatsApp 131047),
 * so only templates go out on it until the contact writes again.
 */
export class SessionClosed1764750000000 implements MigrationInterface {
  name = 'SessionClosed1764750000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('conversations', new TableColumn(col.instant('session_closed_at', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('conversations', 'session_closed_at');
  }
}
