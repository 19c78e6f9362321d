import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { col } from './1763900000000-initial';

/**
 * followups.step_spec: what a step of a seed 003 configuration sends (its prompt or template, the
 * connection of an official channel, the working hours it keeps to), stored with the follow-up so
 * it goes out as scheduled even when the configuration is changed or deleted (as seed 003 says).
 */
export class ConfigSteps1764600000000 implements MigrationInterface {
  name = 'ConfigSteps1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('followups', new TableColumn(col.text('step_spec', true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('followups', 'step_spec');
  }
}
