import { EntityManager, LessThanOrEqual } from 'typeorm';
import { ChannelConnectionEntity, WorkflowDeliveryEntity, WorkflowEntity } from '../entities';
import { isSealed, SecretBox } from '@followup/util';
import { guardDuplicates, row, insertRows } from './errors';
import { EntitySql } from './entity-sql';

/**
 * Channel connections. Secret settings (auth tokens, SMTP passwords) are sealed with the Store's
 * SecretBox (AES-256-GCM) as they are written, and opened as they are read: callers see them in
 * clear, the database never does. Values written in clear before encryption existed still read.
 */
export class ChannelConnectionsRepository {
  /** `wrote`: called before every write (the Catalog's cache must not outlive it). */
  constructor(
    private readonly manager: EntityManager,
    private readonly secrets?: SecretBox,
    private readonly wrote: () => void = () => undefined,
  ) {}

  async insert(connection: ChannelConnectionEntity, secretKeys: readonly string[]): Promise<ChannelConnectionEntity> {
    this.wrote();
    await insertRows(this.manager, ChannelConnectionEntity, [this.stored(connection, secretKeys)]);
    return connection;
  }

  async findById(locationId: string, id: string): Promise<ChannelConnectionEntity | null> {
    return this.open(await this.manager.findOneBy(ChannelConnectionEntity, { locationId, id }));
  }

  /** A connection by id alone: webhooks name the connection in their URL, not the location. */
  async findByIdAnyLocation(id: string): Promise<ChannelConnectionEntity | null> {
    return this.open(await this.manager.findOneBy(ChannelConnectionEntity, { id }));
  }

  async list(locationId: string): Promise<ChannelConnectionEntity[]> {
    return this.openAll(
      await this.manager.find(ChannelConnectionEntity, { where: { locationId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
  }

  /** Every connection of the given locations (the dispatcher loads a batch's at once). */
  async listForLocations(locationIds: string[]): Promise<ChannelConnectionEntity[]> {
    if (!locationIds.length) return [];
    return this.openAll(await EntitySql.of(this.manager, ChannelConnectionEntity).findIn('locationId', locationIds, 'created_at, id'));
  }

  /** Every connection, settings as stored (sealed): for re-sealing secrets written in clear. */
  listStored(): Promise<ChannelConnectionEntity[]> {
    return this.manager.find(ChannelConnectionEntity, { order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async save(connection: ChannelConnectionEntity, secretKeys: readonly string[]): Promise<ChannelConnectionEntity> {
    this.wrote();
    await this.manager.update(
      ChannelConnectionEntity,
      { locationId: connection.locationId, id: connection.id },
      row(this.stored(connection, secretKeys)),
    );
    return connection;
  }

  async delete(locationId: string, id: string): Promise<boolean> {
    this.wrote();
    const result = await this.manager.delete(ChannelConnectionEntity, { locationId, id });
    return (result.affected ?? 0) > 0;
  }

  /** The row as written: secrets sealed, read-time notes left out. */
  private stored(connection: ChannelConnectionEntity, secretKeys: readonly string[]): ChannelConnectionEntity {
    const { unreadableSecrets: _notStored, ...columns } = connection;
    return { ...columns, settings: this.seal(connection.settings, secretKeys) } as ChannelConnectionEntity;
  }

  private seal(settings: Record<string, unknown>, secretKeys: readonly string[]): Record<string, unknown> {
    const secret = new Set(secretKeys);
    return Object.fromEntries(
      Object.entries(settings).map(([key, value]) => {
        if (!secret.has(key) || typeof value !== 'string' || isSealed(value)) return [key, value];
        if (!this.secrets) throw new Error('no secrets key: the store was opened without one, so it cannot write a channel secret');
        return [key, this.secrets.seal(value)];
      }),
    );
  }

  private openAll(rows: ChannelConnectionEntity[]): ChannelConnectionEntity[] {
    return rows.map((r) => this.open(r) as ChannelConnectionEntity);
  }

  /**
   * Opens sealed settings. One that cannot be opened (sealed under another key, altered) reads as
   * null and is named in `unreadableSecrets`: the connection still lists, and a send through it
   * fails with that reason instead of the whole request failing.
   */
  private open(connection: ChannelConnectionEntity | null): ChannelConnectionEntity | null {
    if (!connection) return null;
    const settings: Record<string, unknown> = {};
    const unreadable: Record<string, string> = {};
    for (const [key, value] of Object.entries(connection.settings)) {
      if (!isSealed(value)) {
        settings[key] = value;
        continue;
      }
      try {
        if (!this.secrets) throw new Error('this store was opened without a secrets key');
        settings[key] = this.secrets.open(value);
      } catch (error) {
        settings[key] = null;
        unreadable[key] = error instanceof Error ? error.message : String(error);
      }
    }
    connection.settings = settings;
    if (Object.keys(unreadable).length) connection.unreadableSecrets = unreadable;
    return connection;
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
    return this.manager.find(WorkflowDeliveryEntity, {
      where: { locationId, workflowId },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
    });
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
    const next = await this.manager.findOne(WorkflowDeliveryEntity, {
      where: { status: 'pending' },
      order: { nextAttemptAt: 'ASC' },
      select: { id: true, nextAttemptAt: true },
    });
    return next?.nextAttemptAt ?? null;
  }
}
