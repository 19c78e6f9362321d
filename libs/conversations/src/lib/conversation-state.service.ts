import { Injectable } from '@nestjs/common';
import { ConversationDto, ReasonCode, UpdateConversationDto } from '@followup/contracts';
import { ConversationEntity, Store } from '@followup/persistence';
import { ConfigPlanner } from '@followup/scheduler';
import { Clock, SchedulerSignals, notFound, throwIfProblems } from '@followup/util';
import { toConversationDto } from './mappers';

/** The state a new conversation starts in: the bot is active, nobody is assigned, no CRM status, never seen present. */
export const INITIAL_STATE = {
  botStatus: 'active',
  botSleepUntil: null,
  assignedUserId: null,
  statusId: null,
  followupsPaused: null,
  channelContactId: null,
  contactSeenAt: null,
} as const satisfies Pick<
  ConversationEntity,
  'botStatus' | 'botSleepUntil' | 'assignedUserId' | 'statusId' | 'followupsPaused' | 'channelContactId' | 'contactSeenAt'
>;

/** The reason code of a follow-up held because the conversation's bot was not active. */
export const BOT_NOT_ACTIVE: ReasonCode = 'bot_not_active';

/**
 * `PATCH /conversations/:id`: the bot's status (active, sleeping until a time, stopped, handed
 * over), the assignee and the CRM status. Only an active bot follows up; the dispatcher holds the
 * follow-ups of any other (reason `bot_not_active`), and setting the bot active again releases them.
 */
@Injectable()
export class ConversationStateService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly signals: SchedulerSignals,
    private readonly configs: ConfigPlanner,
  ) {}

  async update(locationId: string, id: string, dto: UpdateConversationDto): Promise<ConversationDto> {
    const now = this.clock.now();
    return this.store.transaction(async (r) => {
      const conversation = await r.conversations.findById(locationId, id);
      if (!conversation) throw notFound('Conversation', id);
      if (dto.bot_status !== undefined) {
        const sleepUntil = dto.bot_status === 'sleeping' && dto.bot_sleep_until ? new Date(dto.bot_sleep_until) : null;
        throwIfProblems(
          sleepUntil && sleepUntil.getTime() <= now.getTime()
            ? [`bot_sleep_until must be in the future (now is ${now.toISOString()})`]
            : [],
        );
        conversation.botStatus = dto.bot_status;
        // Any status but sleeping clears the wake-up time.
        conversation.botSleepUntil = sleepUntil;
      }
      if (dto.assigned_user_id !== undefined) conversation.assignedUserId = dto.assigned_user_id;
      const entered =
        dto.status_id !== undefined && dto.status_id !== null && dto.status_id !== conversation.statusId ? dto.status_id : null;
      if (dto.status_id !== undefined) conversation.statusId = dto.status_id;
      conversation.updatedAt = now;
      await r.conversations.saveState(conversation);
      if (dto.bot_status === 'active') {
        // Follow-ups held while the bot was not active are due again now.
        const released = await r.queue.releaseHeld(conversation.id, BOT_NOT_ACTIVE, now);
        if (released > 0) r.afterCommit(() => this.signals.scheduled(now));
      }
      // A status in the trigger_status_ids of the agent's seed 003 configuration schedules its steps.
      if (entered) await this.configs.onStatus(r, conversation, entered);
      return toConversationDto(conversation);
    });
  }
}
