import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableForeignKey, TableIndex } from 'typeorm';

/*
 * Migrations are written with TypeORM's schema API (no engine-specific SQL), so the same class
 * creates the schema on SQLite and on PostgreSQL. A test checks, on both engines, that the result
 * matches the entities exactly.
 */
export const col = {
  id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: name === 'id' }),
  ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
  varchar: (name: string, length: number, nullable = false): TableColumnOptions => ({
    name,
    type: 'varchar',
    length: String(length),
    isNullable: nullable,
  }),
  text: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable }),
  int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
  bool: (name: string): TableColumnOptions => ({ name, type: 'boolean' }),
  instant: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'bigint', isNullable: nullable }),
};

export class Initial1763900000000 implements MigrationInterface {
  name = 'Initial1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'locations',
        columns: [col.id(), col.text('name'), col.varchar('timezone', 64), col.instant('created_at')],
      }),
    );

    await q.createTable(
      new Table({
        name: 'api_tokens',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.text('name'),
          col.varchar('token_hash', 64),
          col.varchar('token_prefix', 16),
          col.text('scopes'),
          col.instant('created_at'),
          col.instant('last_used_at', true),
          col.instant('revoked_at', true),
        ],
        indices: [
          new TableIndex({ name: 'UQ_api_tokens_token_hash', columnNames: ['token_hash'], isUnique: true }),
          new TableIndex({ name: 'IX_api_tokens_location', columnNames: ['location_id'] }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['location_id'],
            referencedTableName: 'locations',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'conversation_agents',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.text('name'),
          col.text('business_name', true),
          col.ref('mode'),
          col.text('channels'),
          col.bool('is_primary'),
          col.int('wait_time'),
          col.ref('wait_time_unit'),
          col.bool('sleep_enabled'),
          col.int('sleep_time', true),
          col.ref('sleep_time_unit', true),
          col.text('personality'),
          col.text('goal'),
          col.text('instructions'),
          col.int('auto_pilot_max_messages'),
          col.text('knowledge_base_ids'),
          col.bool('respond_to_images'),
          col.bool('respond_to_audio'),
          col.bool('sleep_on_manual_message'),
          col.bool('sleep_on_workflow_message'),
          col.varchar('timezone', 64, true),
          col.bool('active'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IX_conversation_agents_location_created', columnNames: ['location_id', 'created_at'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'agent_actions',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.ref('agent_id'),
          col.ref('type'),
          col.text('name'),
          col.text('details'),
          col.ref('scenario_id', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IX_agent_actions_agent', columnNames: ['agent_id'] }),
          new TableIndex({ name: 'UQ_agent_actions_agent_scenario', columnNames: ['agent_id', 'scenario_id'], isUnique: true }),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['agent_id'],
            referencedTableName: 'conversation_agents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'voice_agents',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.text('agent_name'),
          col.text('business_name'),
          col.text('welcome_message'),
          col.text('agent_prompt'),
          col.text('voice_id'),
          col.ref('language'),
          col.ref('patience_level'),
          col.int('max_call_duration'),
          col.bool('send_user_idle_reminders'),
          col.int('reminder_after_idle_time_seconds'),
          col.text('inbound_number', true),
          col.text('number_pool_id', true),
          col.text('call_end_workflow_ids'),
          col.text('send_post_call_notification_to'),
          col.text('agent_working_hours'),
          col.varchar('timezone', 64),
          col.bool('is_agent_as_backup_disabled'),
          col.text('translation'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IX_voice_agents_location_created', columnNames: ['location_id', 'created_at'] })],
      }),
    );

    await q.createTable(
      new Table({
        name: 'followup_configs',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.ref('assistant_id'),
          col.text('trigger_status_ids'),
          col.text('steps'),
          col.text('official_steps'),
          col.bool('is_active'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_followup_configs_location_assistant', columnNames: ['location_id', 'assistant_id'], isUnique: true }),
        ],
      }),
    );

    await q.createTable(
      new Table({
        name: 'followups',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.text('debt_id', true),
          col.text('contact_id', true),
          col.text('conversation_id', true),
          col.ref('status'),
          col.ref('type'),
          col.instant('call_date', true),
          col.instant('scheduled_at', true),
          col.text('summary', true),
          col.text('notes', true),
          col.text('call_id', true),
          col.text('audio_url', true),
          col.int('duration_ms', true),
          col.text('disconnection_reason', true),
          col.ref('direction', true),
          col.text('phone_number_used', true),
          col.bool('is_retry'),
          col.instant('processed_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IX_followups_location_created', columnNames: ['location_id', 'created_at'] }),
          new TableIndex({ name: 'IX_followups_location_status', columnNames: ['location_id', 'status'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'followups',
      'followup_configs',
      'voice_agents',
      'agent_actions',
      'conversation_agents',
      'api_tokens',
      'locations',
    ]) {
      await q.dropTable(table);
    }
  }
}
