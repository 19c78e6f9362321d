import { EntityManager } from 'typeorm';
import { VoiceAgentEntity } from '../entities';
import { row, guardDuplicates, likeContains, insertRows } from './errors';

export class VoiceAgentsRepository {
  constructor(private readonly manager: EntityManager) {}

  async insert(agent: VoiceAgentEntity): Promise<VoiceAgentEntity> {
    await guardDuplicates(() => insertRows(this.manager, VoiceAgentEntity, [agent]));
    return agent;
  }

  findById(locationId: string, id: string): Promise<VoiceAgentEntity | null> {
    return this.manager.findOneBy(VoiceAgentEntity, { locationId, id });
  }

  /** One page (1-based) in creation order, filtered by a case-insensitive name substring. */
  async page(locationId: string, page: number, pageSize: number, query?: string): Promise<{ total: number; items: VoiceAgentEntity[] }> {
    const qb = this.manager.createQueryBuilder(VoiceAgentEntity, 'v').where('v.location_id = :locationId', { locationId });
    if (query) qb.andWhere(`LOWER(v.agent_name) LIKE :q ESCAPE '\\'`, { q: likeContains(query) });
    const [items, total] = await qb
      .orderBy('v.created_at', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { total, items };
  }

  async save(agent: VoiceAgentEntity): Promise<VoiceAgentEntity> {
    await this.manager.update(VoiceAgentEntity, { locationId: agent.locationId, id: agent.id }, row(agent));
    return agent;
  }

  async delete(locationId: string, id: string): Promise<boolean> {
    const result = await this.manager.delete(VoiceAgentEntity, { locationId, id });
    return (result.affected ?? 0) > 0;
  }
}
