import { ConflictException, Injectable, Optional } from '@nestjs/common';
import {
  CreateFollowupDto,
  DeliveryAttemptDto,
  FollowupDto,
  FollowupEnvelopeDto,
  FollowupListDto,
  FollowupRecordFields,
  ListFollowupsQuery,
  UpdateFollowupDto,
} from '@followup/contracts';
import { FollowupAttemptEntity, FollowupEntity, Repositories, Store } from '@followup/persistence';
import { Clock, SchedulerSignals, decodeCursor, encodeCursor, newId, notFound, throwIfProblems } from '@followup/util';
import { engineStepChange } from './engine-step-change';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const date = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : new Date(s));

export function toAttemptDto(a: FollowupAttemptEntity): DeliveryAttemptDto {
  return {
    channel: a.channel,
    connection_id: a.connectionId,
    provider_message_id: a.providerMessageId,
    status: a.status,
    error_code: a.errorCode,
    reason_code: a.reasonCode,
    reason: a.reason,
    at: a.startedAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

export function toFollowupDto(f: FollowupEntity, attempts: FollowupAttemptEntity[] = []): FollowupDto {
  return {
    id: f.id,
    debt_id: f.debtId,
    contact_id: f.contactId,
    conversation_id: f.conversationId,
    status: f.status,
    type: f.type,
    call_date: iso(f.callDate),
    scheduled_at: iso(f.scheduledAt),
    summary: f.summary,
    notes: f.notes,
    call_id: f.callId,
    audio_url: f.audioUrl,
    duration_ms: f.durationMs,
    disconnection_reason: f.disconnectionReason,
    direction: f.direction,
    phone_number_used: f.phoneNumberUsed,
    is_retry: f.isRetry,
    processed_at: iso(f.processedAt),
    status_reason: f.statusReason ?? null,
    reason_code: f.reasonCode ?? null,
    attempts: attempts.map(toAttemptDto),
    created_at: f.createdAt.toISOString(),
    updated_at: f.updatedAt.toISOString(),
  };
}

/** The records as DTOs with their delivery attempts, read in one query. */
export async function withAttempts(r: Repositories, followups: FollowupEntity[]): Promise<FollowupDto[]> {
  const attempts = await r.attempts.listForFollowups(followups.map((f) => f.id));
  return followups.map((f) =>
    toFollowupDto(
      f,
      attempts.filter((a) => a.followupId === f.id),
    ),
  );
}

/** The seed 004 fields a request carries, as entity properties (absent fields stay absent). */
function recordFields(dto: FollowupRecordFields & { type?: string }): Partial<FollowupEntity> {
  const fields: Partial<FollowupEntity> = {
    status: dto.status,
    type: dto.type,
    callDate: date(dto.call_date),
    scheduledAt: date(dto.scheduled_at),
    summary: dto.summary,
    notes: dto.notes,
    callId: dto.call_id,
    audioUrl: dto.audio_url,
    durationMs: dto.duration_ms,
    disconnectionReason: dto.disconnection_reason,
    direction: dto.direction,
    phoneNumberUsed: dto.phone_number_used,
    isRetry: dto.is_retry,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** A seed 004 record with nothing recorded yet (status on_hold, no call fields), not one of the engine's steps. */
export function blankRecord(locationId: string, now: Date): FollowupEntity {
  return Object.assign(new FollowupEntity(), {
    id: newId(),
    locationId,
    debtId: null,
    contactId: null,
    conversationId: null,
    status: 'on_hold',
    type: 'manual_call',
    callDate: null,
    scheduledAt: null,
    summary: null,
    notes: null,
    callId: null,
    audioUrl: null,
    durationMs: null,
    disconnectionReason: null,
    direction: null,
    phoneNumberUsed: null,
    isRetry: false,
    processedAt: null,
    createdAt: now,
    updatedAt: now,
  });
}

/** Follow-up records (seed 004): manual follow-ups, and the engine's steps as they are scheduled. */
@Injectable()
export class FollowupRecordsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Wakes the dispatcher when a step is moved earlier (absent in tests without the scheduler). */
    @Optional() private readonly signals?: SchedulerSignals,
  ) {}

  async create(locationId: string, dto: CreateFollowupDto): Promise<FollowupEnvelopeDto> {
    return this.store.transaction(
      async (r) => {
        const contactId = await this.resolveIds(r, locationId, dto);
        const followup = this.newRecord(locationId, { ...dto, contact_id: contactId });
        await r.followups.insert(followup);
        return { error: false, message: 'Followup created successfully', data: toFollowupDto(followup) };
      },
      recordLane(locationId, dto),
    );
  }

  /**
   * The ids of a body must name rows of the caller's location, and a conversation's contact is its
   * own: 422 naming the field otherwise. Answers the record's contact (the conversation's when only
   * the conversation is given).
   */
  private async resolveIds(r: Repositories, locationId: string, dto: CreateFollowupDto): Promise<string | undefined> {
    const problems: string[] = [];
    const contact = dto.contact_id === undefined ? undefined : await r.contacts.findById(locationId, dto.contact_id);
    if (contact === null) problems.push(`contact_id ${dto.contact_id} is not a contact of this location`);
    const conversation = dto.conversation_id === undefined ? undefined : await r.conversations.findById(locationId, dto.conversation_id);
    if (conversation === null) problems.push(`conversation_id ${dto.conversation_id} is not a conversation of this location`);
    if (contact && conversation && conversation.contactId !== contact.id)
      problems.push(`contact_id ${contact.id} is not the contact of conversation ${conversation.id}`);
    throwIfProblems(problems);
    return contact?.id ?? conversation?.contactId;
  }

  private newRecord(locationId: string, dto: CreateFollowupDto): FollowupEntity {
    return Object.assign(
      blankRecord(locationId, this.clock.now()),
      { debtId: dto.debt_id ?? null, contactId: dto.contact_id ?? null, conversationId: dto.conversation_id ?? null },
      recordFields(dto),
    );
  }

  async get(locationId: string, id: string): Promise<FollowupEnvelopeDto> {
    return this.store.run(async (r) => {
      const followup = await r.followups.findById(locationId, id);
      if (!followup) throw notFound('Followup', id);
      return { error: false, message: 'Success', data: (await withAttempts(r, [followup]))[0] as FollowupDto };
    });
  }

  async list(locationId: string, q: ListFollowupsQuery): Promise<FollowupListDto> {
    const limit = q.limit ?? 20;
    const cursor = q.cursor !== undefined ? decodeCursor(q.cursor) : undefined;
    throwIfProblems(cursor === null ? ['cursor is not a next_cursor this API returned'] : []);
    const [rows, dtos] = await this.store.run(async (r) => {
      const found = await r.followups.list(
        locationId,
        {
          status: q.status,
          type: q.type,
          contactId: q.contact_id,
          conversationId: q.conversation_id,
          debtId: q.debt_id,
          scheduledFrom: date(q.scheduled_from) ?? undefined,
          scheduledTo: date(q.scheduled_to) ?? undefined,
        },
        limit + 1,
        cursor ?? undefined,
      );
      return [found, await withAttempts(r, found.slice(0, limit))] as const;
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      error: false,
      data: dtos,
      pagination: { limit, next_cursor: rows.length > limit && last ? encodeCursor(last) : null },
    };
  }

  /** Updates the given fields; `debt_id` may be repeated as it is but never changed. */
  async update(locationId: string, id: string, dto: UpdateFollowupDto): Promise<FollowupEnvelopeDto> {
    return this.store.transaction(async (r) => {
      const followup = await r.followups.findById(locationId, id);
      if (!followup) throw notFound('Followup', id);
      throwIfProblems(dto.debt_id !== undefined && dto.debt_id !== followup.debtId ? ['debt_id cannot be changed'] : []);
      // A step the engine sends: only while pending, and a cancel or a new time says why (engine-step-change.ts).
      const engine = followup.actionId ? engineStepChange(followup, dto) : undefined;
      if (engine?.refused) throw new ConflictException(engine.refused);
      throwIfProblems(engine?.problems ?? []);
      Object.assign(followup, recordFields(dto), engine?.changes ?? {}, { updatedAt: this.clock.now() });
      await r.followups.save(followup);
      const dueAt = followup.scheduledAt;
      if (engine?.wake && dueAt) r.afterCommit(() => this.signals?.scheduled(dueAt));
      return { error: false, message: 'Followup updated successfully', data: (await withAttempts(r, [followup]))[0] as FollowupDto };
    });
  }
}

/** The lane of a record's unit of work (Store.transaction): its contact, else its conversation. */
function recordLane(locationId: string, dto: CreateFollowupDto): { lane?: string } {
  if (dto.contact_id !== undefined) return { lane: `api:contact:${locationId}:${dto.contact_id}` };
  if (dto.conversation_id !== undefined) return { lane: `api:conversation:${locationId}:${dto.conversation_id}` };
  return {};
}
