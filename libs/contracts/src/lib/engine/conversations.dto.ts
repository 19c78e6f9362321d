import { IsBoolean, IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Check, LONG_TEXT, Optional, RequiredWhen, SHORT_TEXT } from '../validation';
import { CHANNEL_TYPES } from './channels';
import { ListQuery } from './contacts.dto';

export class CreateConversationDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) contact_id!: string;
  /** The Conversation AI agent whose advancedFollowup actions drive the follow-ups. */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) agent_id!: string;
  @IsIn(CHANNEL_TYPES) channel!: string;
  /** The channel connection it runs on (default: the location's first connection of its channel). */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) connection_id?: string;
}

export class ListConversationsQuery extends ListQuery {
  @Optional() @IsString() @MaxLength(SHORT_TEXT) contact_id?: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) agent_id?: string;
}

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
export const MESSAGE_INTENTS = ['busy', 'requested_followup', 'none'] as const;
export type MessageIntent = (typeof MESSAGE_INTENTS)[number];

type Msg = RecordMessageDto;

/** Body of `POST /conversations/:id/messages`. */
export class RecordMessageDto {
  @IsIn(MESSAGE_DIRECTIONS) direction!: 'inbound' | 'outbound';
  /** Defaults to the conversation's channel. */
  @Optional() @IsIn(CHANNEL_TYPES) channel?: string;
  @IsString() @MaxLength(LONG_TEXT) body!: string;
  /** The provider's id of the message: the same id twice records one message. */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) provider_message_id?: string;
  /** When it happened (default: now). */
  @Optional() @IsISO8601({ strict: true }, { message: 'occurred_at must be an ISO 8601 date-time' }) occurred_at?: string;
  /** For inbound messages: what the contact meant; when absent the built-in detector decides. */
  @Optional() @IsIn(MESSAGE_INTENTS) intent?: MessageIntent;

  @RequiredWhen<Msg>((o) => o.intent === 'requested_followup', 'requested_at is required when intent is requested_followup')
  @IsISO8601({ strict: true }, { message: 'requested_at must be an ISO 8601 date-time' })
  requested_at?: string;

  /**
   * Outbound only: send the text to the contact on the conversation's channel (through its
   * connection) and record it with the provider's id, instead of only recording it.
   */
  @Optional()
  @Check<Msg>((_value, o) => o.send !== true || o.direction === 'outbound', 'send can only be true for an outbound message')
  @IsBoolean()
  send?: boolean;
  /** Email subject (default: the thread's, or the connection's default subject). */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) subject?: string;
}

export class ConversationDto {
  id!: string;
  contact_id!: string;
  agent_id!: string | null;
  channel!: string;
  connection_id!: string | null;
  last_inbound_at!: string | null;
  last_outbound_at!: string | null;
  created_at!: string;
  updated_at!: string;
}

export class ConversationListDto {
  data!: ConversationDto[];
  next_cursor!: string | null;
}

export class MessageDto {
  id!: string;
  conversation_id!: string;
  direction!: string;
  channel!: string;
  body!: string;
  provider_message_id!: string | null;
  intent!: string | null;
  intent_source!: string | null;
  requested_at!: string | null;
  occurred_at!: string;
  connection_id!: string | null;
  /** received (inbound); queued, sent, delivered, read, failed, undelivered or refused (sent through the gateway); null when only recorded. */
  status!: string | null;
  /** Why it failed or was refused. */
  status_reason!: string | null;
  /** The provider's error code (Twilio 30003, SMTP 5.1.1). */
  error_code!: string | null;
  subject!: string | null;
}

/** A follow-up as the timeline shows it: every scheduled one is visible, with the why of it. */
export class TimelineFollowupDto {
  /** Null for a step that is planned but not stored yet (it is stored when the previous one is sent). */
  id!: string | null;
  scenario!: string | null;
  step!: number | null;
  status!: string;
  /** Due time in UTC, and in the zone the working hours were read in. */
  due_at!: string | null;
  local_due_at!: string | null;
  timezone!: string | null;
  /** The due time before working hours moved it (null when not moved). */
  original_due_at!: string | null;
  moved_by_working_hours!: boolean;
  channel!: string | null;
  /** Why it was moved, held, cancelled or failed. */
  reason!: string | null;
  sent_at!: string | null;
  body!: string | null;
}

export class TimelineItemDto {
  kind!: 'message' | 'followup';
  /** The instant the item is ordered by (message time, or follow-up due/sent time). */
  at!: string;
  message?: MessageDto;
  followup?: TimelineFollowupDto;
}

export class TimelineDto {
  conversation!: ConversationDto;
  items!: TimelineItemDto[];
}
