import { EntityManager, In, LessThanOrEqual } from 'typeorm';
import { ChannelConnectionEntity, WorkflowDeliveryEntity, WorkflowEntity } from '../entities';
import { guardDuplicates, row, insertRows } from './errors';

export class ChannelConnectionsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(connection: ChannelConnectionEntity): Promise<ChannelConnectionEntity> {
    await insertRows(this.manager, ChannelConnectionEntity, [connection]);
    return connection;
  }

  findById(locationId: string, id: string): Promise<ChannelConnectionEntity | null> {
    return this.manager.findOneBy(ChannelConnectionEntity, { locationId, id });
  }

  list(locationId: string): Promise<ChannelConnectionEntity[]> {
    return this.manager.find(ChannelConnectionEntity, { where: { locationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every connection of the given locations (the dispatcher loads a batch's at once). */
  listForLocations(locationIds: string[]): Promise<ChannelConnectionEntity[]> {
    if (!locationIds.length) return Promise.resolve([]);
    return this.manager.find(ChannelConnectionEntity, { where: { locationId: In(locationIds) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async save(connection: ChannelConnectionEntity): Promise<ChannelConnectionEntity> {
    await this.manager.update(ChannelConnectionEntity, { locationId: connection.locationId, id: connection.id }, row(connection));
    return connection;
  }

  async delete(locationId: string, id: string): Promise<boolean> {
    const result = await this.manager.delete(ChannelConnectionEntity, { locationId, id });
    return (result.affected ?? 0) > 0;
  }
}

export class WorkflowsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(workflow: WorkflowEntity): Promise<WorkflowEntity> {
    await guardDuplicates(() => insertRows(this.manager, WorkflowEntity, [workflow]));
    return workflow;
  }

  findById(locationId: string, id: string): Promise<WorkflowEntity | null> {
    return this.manager.findOneBy(WorkflowEntity, { locationId, id });
  }

  list(locationId: string): Promise<WorkflowEntity[]> {
    return this.manager.find(WorkflowEntity, { where: { locationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async delete(locationId: string, id: string): Promise<boolean> {
    const result = await this.manager.delete(WorkflowEntity, { locationId, id });
    return (result.affected ?? 0) > 0;
  }
}

export class WorkflowDeliveriesRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(deliveries: WorkflowDeliveryEntity[]): Promise<void> {
    await insertRows(this.manager, WorkflowDeliveryEntity, deliveries);
  }

  list(locationId: string, workflowId: string, limit = 100): Promise<WorkflowDeliveryEntity[]> {
    return this.manager.find(WorkflowDeliveryEntity, { where: { locationId, workflowId }, order: { createdAt: 'DESC', id: 'DESC' }, take: limit });
  }

  /** Takes up to `limit` deliveries that are due (or whose lease expired) under a lease. */
  async claimDue(now: Date, owner: string, leaseMs: number, limit: number): Promise<WorkflowDeliveryEntity[]> {
    const due = await this.manager.find(WorkflowDeliveryEntity, {
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) },
      order: { nextAttemptAt: 'ASC' },
      take: limit,
    });
    const claimed: WorkflowDeliveryEntity[] = [];
    for (const d of due) {
      const result = await this.manager
        .createQueryBuilder()
        .update(WorkflowDeliveryEntity)
        .set({ leaseOwner: owner, leaseExpiresAt: new Date(now.getTime() + leaseMs), nextAttemptAt: new Date(now.getTime() + leaseMs) })
        .where('id = :id AND status = :status AND next_attempt_at = :at', { id: d.id, status: 'pending', at: d.nextAttemptAt?.getTime() })
        .execute();
      if ((result.affected ?? 0) > 0) claimed.push(d);
    }
    return claimed;
  }

  async save(delivery: WorkflowDeliveryEntity): Promise<void> {
    await this.manager.update(WorkflowDeliveryEntity, { id: delivery.id }, row(delivery));
  }

  async nextDueAt(): Promise<Date | null> {
    const next = await this.manager.findOne(WorkflowDeliveryEntity, { where: { status: 'pending' }, order: { nextAttemptAt: 'ASC' }, select: { id: true, nextAttemptAt: true } });
    return next?.nextAttemptAt ?? null;
  }
}
