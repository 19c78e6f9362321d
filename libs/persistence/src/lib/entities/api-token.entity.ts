import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { LocationEntity } from './location.entity';
import { IdColumn, InstantColumn, JsonColumn, TextColumn } from './columns';

/** A bearer token bound to one location. Only its SHA-256 is stored. */
@Index('UQ_api_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('IX_api_tokens_location', ['locationId'])
@Entity('api_tokens')
export class ApiTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @TextColumn() name!: string;
  @Column({ type: 'varchar', length: 64 }) tokenHash!: string;
  /** The first characters of the token, to recognise it in listings. */
  @Column({ type: 'varchar', length: 16 }) tokenPrefix!: string;
  @JsonColumn() scopes!: string[];
  @InstantColumn() createdAt!: Date;
  @InstantColumn({ nullable: true }) lastUsedAt!: Date | null;
  @InstantColumn({ nullable: true }) revokedAt!: Date | null;

  @ManyToOne(() => LocationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'location_id' })
  location?: LocationEntity;
}
