import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';
import { col } from './1763900000000-initial';

/** The follow-up engine: contacts, conversations, messages, channels, workflows, queue columns. */
export class Engine1764000000000 implements MigrationInterface {
  name = 'Engine1764000000000';

  async up(q: QueryRunner): Promise<void> {
    // A column default is SQL: `false` on PostgreSQL, `0` on SQLite (what TypeORM compares with).
    const falseSql = q.connection.options.type === 'postgres' ? 'false' : '0';
    await q.createTable(
      new Table({
        name: 'contacts',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.text('name', true),
          col.text('first_name', true),
          col.text('phone', true),
          col.text('email', true),
          col.text('whatsapp', true),
          col.varchar('timezone', 64, true),
          col.text('opted_out'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_contacts_location_phone', columnNames: ['location_id', 'phone'], isUnique: true }),
          new TableIndex({ name: 'UQ_contacts_location_email', columnNames: ['location_id', 'email'], isUnique: true }),
          new TableIndex({ name: 'IX_contacts_location_created', columnNames: ['location_id', 'created_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'conversations',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.ref('contact_id'),
          col.ref('agent_id', true),
          col.ref('channel'),
          col.int('version'),
          col.instant('last_inbound_at', true),
          col.instant('last_outbound_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IX_conversations_location_created', columnNames: ['location_id', 'created_at'] }),
          new TableIndex({ name: 'IX_conversations_contact', columnNames: ['location_id', 'contact_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'messages',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.ref('conversation_id'),
          col.ref('direction'),
          col.ref('channel'),
          col.text('body'),
          col.text('provider_message_id', true),
          col.ref('intent', true),
          col.instant('requested_at', true),
          col.ref('intent_source', true),
          col.instant('occurred_at'),
          col.instant('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'UQ_messages_location_provider_id', columnNames: ['location_id', 'provider_message_id'], isUnique: true }),
          new TableIndex({ name: 'IX_messages_conversation_occurred', columnNames: ['conversation_id', 'occurred_at'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'channel_connections',
        columns: [
          col.id(),
          col.ref('location_id'),
          col.ref('type'),
          col.ref('provider'),
          col.text('name'),
          col.text('settings'),
          col.ref('default_agent_id', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IX_channel_connections_location_type', columnNames: ['location_id', 'type'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'workflows',
        columns: [
          { ...col.ref('location_id'), isPrimary: true },
          { ...col.varchar('id', 128), isPrimary: true },
          col.text('name', true),
          col.text('url'),
          col.text('secret'),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'workflow_deliveries',
        columns: [
          { ...col.varchar('id', 64), isPrimary: true },
          col.ref('location_id'),
          col.varchar('workflow_id', 128),
          col.ref('followup_id', true),
          col.text('payload'),
          col.ref('status'),
          col.int('attempts'),
          col.instant('next_attempt_at', true),
          col.int('last_status_code', true),
          col.text('last_error', true),
          col.varchar('lease_owner', 64, true),
          col.instant('lease_expires_at', true),
          col.instant('delivered_at', true),
          col.instant('created_at'),
          col.instant('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'IX_workflow_deliveries_due', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'IX_workflow_deliveries_workflow', columnNames: ['location_id', 'workflow_id', 'created_at'] }),
        ],
      }),
    );
    await q.addColumns('followups', [
      new TableColumn(col.ref('agent_id', true)),
      new TableColumn(col.ref('action_id', true)),
      new TableColumn(col.ref('scenario', true)),
      new TableColumn(col.int('step', true)),
      new TableColumn(col.ref('channel', true)),
      new TableColumn({ name: 'attempt', type: 'integer', default: 0 }),
      new TableColumn(col.varchar('lease_owner', 64, true)),
      new TableColumn(col.instant('lease_expires_at', true)),
      new TableColumn(col.instant('send_started_at', true)),
      new TableColumn(col.int('conversation_version', true)),
      new TableColumn(col.text('status_reason', true)),
      new TableColumn(col.text('provider_message_id', true)),
      new TableColumn(col.instant('sent_at', true)),
      new TableColumn(col.instant('original_due_at', true)),
      new TableColumn(col.varchar('timezone', 64, true)),
      new TableColumn({ name: 'moved_by_working_hours', type: 'boolean', default: falseSql }),
      new TableColumn(col.text('body', true)),
      new TableColumn(col.text('error_code', true)),
    ]);
    await q.createIndices('followups', [
      new TableIndex({ name: 'IX_followups_due', columnNames: ['status', 'scheduled_at'] }),
      new TableIndex({ name: 'IX_followups_lease', columnNames: ['status', 'lease_expires_at'] }),
      new TableIndex({ name: 'IX_followups_conversation_status', columnNames: ['conversation_id', 'status'] }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['IX_followups_due', 'IX_followups_lease', 'IX_followups_conversation_status'])
      await q.dropIndex('followups', index);
    for (const column of [
      'agent_id',
      'action_id',
      'scenario',
      'step',
      'channel',
      'attempt',
      'lease_owner',
      'lease_expires_at',
      'send_started_at',
      'conversation_version',
      'status_reason',
      'provider_message_id',
      'sent_at',
      'original_due_at',
      'timezone',
      'moved_by_working_hours',
      'body',
      'error_code',
    ]) {
      await q.dropColumn('followups', column);
    }
    for (const table of ['workflow_deliveries', 'workflows', 'channel_connections', 'messages', 'conversations', 'contacts'])
      await q.dropTable(table);
  }
}
