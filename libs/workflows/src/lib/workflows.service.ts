import { Injectable } from '@nestjs/common';
import { CreateWorkflowDto, WorkflowDeliveryDto, WorkflowDto } from '@followup/contracts';
import { Store, WorkflowEntity, conflictOnDuplicate } from '@followup/persistence';
import { Clock, literalUrlProblem, maskSecret, newWebhookSecret, notFound, unprocessable } from '@followup/util';

function toDto(w: WorkflowEntity, showSecret = false): WorkflowDto {
  return {
    id: w.id,
    name: w.name,
    url: w.url,
    secret: showSecret ? w.secret : maskSecret(w.secret),
    created_at: w.createdAt.toISOString(),
  };
}

/** `/workflows`: the endpoints follow-up steps fire, and what each firing did. */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async create(locationId: string, dto: CreateWorkflowDto): Promise<WorkflowDto> {
    // A loopback or private address written in the URL is refused now (a name is checked when delivering, after DNS).
    const refused = literalUrlProblem(dto.url);
    if (refused) throw unprocessable([`url: ${refused}`]);
    const now = this.clock.now();
    const workflow = Object.assign(new WorkflowEntity(), {
      locationId,
      id: dto.id,
      name: dto.name ?? null,
      url: dto.url,
      secret: dto.secret ?? newWebhookSecret(),
      createdAt: now,
      updatedAt: now,
    });
    await conflictOnDuplicate(`workflow ${dto.id} is already registered`, () => this.store.run((r) => r.workflows.insert(workflow)));
    return toDto(workflow, true);
  }

  async list(locationId: string): Promise<WorkflowDto[]> {
    return (await this.store.run((r) => r.workflows.list(locationId))).map((w) => toDto(w));
  }

  async get(locationId: string, id: string): Promise<WorkflowDto> {
    const workflow = await this.store.run((r) => r.workflows.findById(locationId, id));
    if (!workflow) throw notFound('Workflow', id);
    return toDto(workflow);
  }

  async delete(locationId: string, id: string): Promise<void> {
    if (!(await this.store.run((r) => r.workflows.delete(locationId, id)))) throw notFound('Workflow', id);
  }

  async deliveries(locationId: string, id: string): Promise<WorkflowDeliveryDto[]> {
    await this.get(locationId, id);
    const rows = await this.store.run((r) => r.workflowDeliveries.list(locationId, id));
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return rows.map((d) => ({
      id: d.id,
      workflow_id: d.workflowId,
      followup_id: d.followupId,
      status: d.status,
      attempts: d.attempts,
      next_attempt_at: iso(d.nextAttemptAt),
      last_status_code: d.lastStatusCode,
      last_error: d.lastError,
      delivered_at: iso(d.deliveredAt),
      created_at: d.createdAt.toISOString(),
      payload: JSON.parse(d.payload) as unknown,
    }));
  }
}
