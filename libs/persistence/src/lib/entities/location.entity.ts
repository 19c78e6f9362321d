import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn, TextColumn } from './columns';

/** A tenant: every other row belongs to exactly one location. */
@Entity('locations')
export class LocationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @TextColumn() name!: string;
  /** IANA zone used where nothing more specific is set (voice agents' default). */
  @Column({ type: 'varchar', length: 64 }) timezone!: string;
  @InstantColumn() createdAt!: Date;
}
