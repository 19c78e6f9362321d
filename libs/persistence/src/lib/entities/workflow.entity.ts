import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, InstantColumn, TextColumn } from './columns';

/** A workflow a follow-up step can fire: an HTTPS endpoint signed per Standard Webhooks. */
@Entity('workflows')
export class WorkflowEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 }) locationId!: string;
  /** The id steps name in `workflowId`. */
  @PrimaryColumn({ type: 'varchar', length: 128 }) id!: string;
  @TextColumn({ nullable: true }) name!: string | null;
  @TextColumn() url!: string;
  @TextColumn() secret!: string;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}

/** One firing of a workflow, retried with exponential backoff until it succeeds or gives up. */
@Index('IX_workflow_deliveries_due', ['status', 'nextAttemptAt'])
@Index('IX_workflow_deliveries_workflow', ['locationId', 'workflowId', 'createdAt'])
@Entity('workflow_deliveries')
export class WorkflowDeliveryEntity {
  /** Also the `webhook-id` header (stable across retries, so receivers can dedupe). */
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @IdColumn() locationId!: string;
  @Column({ type: 'varchar', length: 128 }) workflowId!: string;
  @IdColumn({ nullable: true }) followupId!: string | null;
  @TextColumn() payload!: string;
  @IdColumn() status!: string;
  @Column({ type: 'integer' }) attempts!: number;
  @InstantColumn({ nullable: true }) nextAttemptAt!: Date | null;
  @Column({ type: 'integer', nullable: true }) lastStatusCode!: number | null;
  @TextColumn({ nullable: true }) lastError!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) leaseOwner!: string | null;
  @InstantColumn({ nullable: true }) leaseExpiresAt!: Date | null;
  @InstantColumn({ nullable: true }) deliveredAt!: Date | null;
  @InstantColumn() createdAt!: Date;
  @InstantColumn() updatedAt!: Date;
}
