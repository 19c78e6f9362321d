import { Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, TextColumn } from './columns';

/** A location's connection to a channel provider; follow-ups on that channel go through it. */
@Index('IX_channel_connections_location_type', ['locationId', 'type'])
@Entity('channel_connections')
export class ChannelConnectionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @IdColumn() type!: string;
  @IdColumn() provider!: string;
  @TextColumn() name!: string;
  /** Provider settings; the secret ones are never returned by the API. */
  @JsonColumn() settings!: Record<string, unknown>;
  @IdColumn({ nullable: true }) defaultAgentId!: string | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
  /** Not stored: secret settings that could not be decrypted when it was read (setting -> why). */
  unreadableSecrets?: Record<string, string>;
}
