import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, JsonColumn, TextColumn } from './columns';

/** A person the gateway converses with; phone and email are unique within a location. */
@Index('UQ_contacts_location_phone', ['locationId', 'phone'], { unique: true })
@Index('UQ_contacts_location_email', ['locationId', 'email'], { unique: true })
@Index('IX_contacts_location_created', ['locationId', 'createdAt'])
@Entity('contacts')
export class ContactEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @IdColumn() locationId!: string;
  @TextColumn({ nullable: true }) name!: string | null;
  @TextColumn({ nullable: true }) firstName!: string | null;
  @TextColumn({ nullable: true }) phone!: string | null;
  @TextColumn({ nullable: true }) email!: string | null;
  @TextColumn({ nullable: true }) whatsapp!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) timezone!: string | null;
  /** Channels the contact opted out of (no follow-up is sent on them). */
  @JsonColumn() optedOut!: string[];
  /** Channels whose address failed for good (an email bounce, a number the carrier refuses); cleared when the address changes. */
  @JsonColumn({ nullable: true }) undeliverable!: string[] | null;
  /** Labels a client puts on the contact (deduplicated, in the order first given). */
  @JsonColumn({ default: '[]' }) tags!: string[];
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
