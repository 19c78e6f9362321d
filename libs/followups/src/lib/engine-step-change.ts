import { UpdateFollowupDto, reason } from '@followup/contracts';
import type { FollowupEntity } from '@followup/persistence';

/** Statuses of a step the engine has not sent yet, which a person may still cancel or move. */
const PENDING = ['scheduled', 'on_hold'];

export interface EngineStepChange {
  /** 409: the step is being sent or is done; nothing changes. */
  refused?: string;
  /** 422 lines. */
  problems?: string[];
  /** Columns the change sets besides the request's fields. */
  changes?: Partial<FollowupEntity>;
  /** The step is due at a new time: the dispatcher is woken once it is committed. */
  wake?: boolean;
}

/**
 * What `PUT /followups/:id` means for a step the engine sends (it names its action). A new
 * `scheduled_at` reschedules a pending step: it is due at that time (a held step goes back to the
 * queue), no longer marked as moved by working hours (the hours are still checked when it is
 * sent), with reason `rescheduled`. `status: cancelled` cancels it with reason `cancelled_by_user`.
 * A step being sent, or already sent, failed or cancelled, cannot be rescheduled or cancelled (409).
 */
export function engineStepChange(step: FollowupEntity, dto: UpdateFollowupDto): EngineStepChange {
  const reschedules = dto.scheduled_at !== undefined;
  const cancels = dto.status === 'cancelled' && step.status !== 'cancelled';
  if (!reschedules && !cancels) return {};
  if (!PENDING.includes(step.status)) {
    const what = step.status === 'in_progress' ? 'is being sent right now' : `is ${step.status}`;
    return { refused: `follow-up ${step.id} ${what}: only a scheduled or held follow-up can be ${cancels ? 'cancelled' : 'rescheduled'}` };
  }
  if (cancels) {
    const why = reason('cancelled_by_user', reschedules ? 'cancelled (the new scheduled_at is kept)' : null);
    return { changes: { status: 'cancelled', statusReason: why.text, reasonCode: why.code, leaseOwner: null, leaseExpiresAt: null } };
  }
  if (dto.scheduled_at === null)
    return { problems: ['scheduled_at cannot be cleared on a follow-up the engine sends (cancel it instead)'] };
  const at = new Date(dto.scheduled_at as string);
  const why = reason('rescheduled', `due at ${at.toISOString()}`);
  const status = dto.status ?? 'scheduled';
  return {
    changes: { status, statusReason: why.text, reasonCode: why.code, originalDueAt: null, movedByWorkingHours: false },
    wake: status === 'scheduled',
  };
}
