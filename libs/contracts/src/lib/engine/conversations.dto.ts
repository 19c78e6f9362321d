import type { DeliveryAttemptDto } from '../followups/responses.dto';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
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

/** Whether the bot follows up: only an active one sends; a sleeping one wakes at bot_sleep_until. */
export const BOT_STATUSES = ['active', 'sleeping', 'stopped', 'handed_over'] as const;
export type BotStatus = (typeof BOT_STATUSES)[number];

/** The fields of `PATCH /conversations/:id`; a body must carry at least one. */
export const CONVERSATION_STATE_FIELDS = ['bot_status', 'bot_sleep_until', 'assigned_user_id', 'status_id'] as const;

type Update = UpdateConversationDto;
const isEmptyUpdate = (o: Update) => CONVERSATION_STATE_FIELDS.every((field) => o[field] === undefined);
const sleeping = (o: Update) => o.bot_status === 'sleeping';

/** Body of `PATCH /conversations/:id`: the bot's state, the assignee and the CRM status. */
export class UpdateConversationDto {
  /** Any status but sleeping clears bot_sleep_until; active releases the follow-ups held while the bot was not. */
  @ValidateIf((o: Update, value: unknown) => value !== undefined || isEmptyUpdate(o))
  @IsDefined({ message: `at least one of ${CONVERSATION_STATE_FIELDS.join(', ')} is required` })
  @IsIn(BOT_STATUSES)
  bot_status?: BotStatus;

  /** When a sleeping bot wakes up: required with (and only with) bot_status sleeping, in the future. */
  @ValidateIf((o: Update, value: unknown) => value !== undefined || sleeping(o))
  @IsDefined({
    message: (args) =>
      sleeping(args.object as Update) ? 'bot_sleep_until is required when bot_status is sleeping' : 'bot_sleep_until must not be null',
  })
  @Check<Update>((_value, o) => sleeping(o), 'bot_sleep_until can only be given when bot_status is sleeping')
  @IsISO8601({ strict: true }, { message: 'bot_sleep_until must be an ISO 8601 date-time' })
  bot_sleep_until?: string;

  /** The user the conversation is assigned to; null unassigns it. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) assigned_user_id?: string | null;
  /** The CRM's status id; null clears it. */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) status_id?: string | null;
}

export class ListConversationsQuery extends ListQuery {
  @Optional() @IsString() @MaxLength(SHORT_TEXT) contact_id?: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) agent_id?: string;
  @Optional() @IsIn(CHANNEL_TYPES) channel?: string;
  @Optional() @IsIn(BOT_STATUSES) bot_status?: BotStatus;
  /** `true`: only conversations with a follow-up still to be sent (scheduled, on hold or being sent); `false`: only those without. */
  @Optional() @IsIn(['true', 'false'], { message: 'has_pending must be true or false' }) has_pending?: 'true' | 'false';
  /** Finds conversations whose contact's name, email or phone contains this text (case-insensitive). */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) q?: string;
}

export const MESSAGE_DIRECTIONS = ['inbound', 'outbound'] as const;
/**
 * What an inbound message can mean for follow-ups: the one vocabulary, shared by the API (an
 * `intent` given with a message) and libs/detection, which reads intents from text and maps each to
 * what the engine does (INTENT_SCENARIOS).
 */
export const MESSAGE_INTENTS = ['busy', 'requested_followup', 'goodbye', 'wants_human', 'not_interested', 'none'] as const;
export type MessageIntent = (typeof MESSAGE_INTENTS)[number];

type Msg = RecordMessageDto;
const requestedWithoutIntent = (_value: unknown, o: Msg) =>
  `requested_at goes with intent requested_followup${o.intent === 'busy' ? ' (busy follows up after the busy delay)' : ''}`;

/** A template to send by hand (WhatsApp outside its 24 hours): an approved template by name and language. */
export class MessageTemplateDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name!: string;
  /** The template's language code (`en_US`, `pt_BR`). */
  @IsString() @IsNotEmpty() @MaxLength(16) language!: string;
  /** The body parameters, in order; the contact's variables (`{{contact.first_name}}`, `{{LEAD_FIRSTNAME}}`) are filled in. */
  @Optional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(SHORT_TEXT, { each: true }) params?: string[];
}

/** Body of `POST /conversations/:id/messages`. */
export class RecordMessageDto {
  @IsIn(MESSAGE_DIRECTIONS) direction!: 'inbound' | 'outbound';
  /** Defaults to the conversation's channel. */
  @Optional() @IsIn(CHANNEL_TYPES) channel?: string;
  /** The text; may be left out when sending a `template` (the record then shows the template's rendering). */
  @RequiredWhen<Msg>((o) => o.template === undefined, 'body is required unless a template is sent')
  @IsString()
  @MaxLength(LONG_TEXT)
  body!: string;
  /** Outbound with `send: true` only: send this template instead of free text (a channel whose session takes only templates). */
  @Optional()
  @Check<Msg>((_value, o) => o.send === true, 'template goes with send: true')
  @ValidateNested()
  @Type(() => MessageTemplateDto)
  template?: MessageTemplateDto;
  /** The provider's id of the message: the same id twice records one message. */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) provider_message_id?: string;
  /** When it happened (default: now). */
  @Optional() @IsISO8601({ strict: true }, { message: 'occurred_at must be an ISO 8601 date-time' }) occurred_at?: string;
  /** For inbound messages: what the contact meant; when absent the built-in detector decides. */
  @Optional() @IsIn(MESSAGE_INTENTS) intent?: MessageIntent;

  /** When the contact asked to be contacted: with (and only with) intent requested_followup, not before the message. */
  @RequiredWhen<Msg>((o) => o.intent === 'requested_followup', 'requested_at is required when intent is requested_followup')
  @Check<Msg>((_value, o) => o.intent === 'requested_followup', requestedWithoutIntent)
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

/** `POST /conversations/:id/typing`: the bot or an agent is writing (or stopped); live chat visitors see it. */
export class ConversationTypingDto {
  @IsBoolean() typing!: boolean;
}

export class ConversationDto {
  id!: string;
  contact_id!: string;
  agent_id!: string | null;
  channel!: string;
  connection_id!: string | null;
  /** active, sleeping, stopped or handed_over, as stored (a sleeping bot whose bot_sleep_until has passed follows up again). */
  bot_status!: BotStatus;
  bot_sleep_until!: string | null;
  assigned_user_id!: string | null;
  status_id!: string | null;
  last_inbound_at!: string | null;
  last_outbound_at!: string | null;
  created_at!: string;
  updated_at!: string;
}

/** The contact of a listed conversation, as the list shows it. */
export class ConversationContactDto {
  id!: string;
  name!: string | null;
  phone!: string | null;
  email!: string | null;
  timezone!: string | null;
}

/** The latest message of a listed conversation. */
export class LastMessageDto {
  direction!: string;
  body!: string;
  channel!: string;
  occurred_at!: string;
}

/** The next follow-up of a listed conversation still to be sent (the earliest due). */
export class NextFollowupDto {
  id!: string;
  scenario!: string | null;
  step!: number | null;
  /** scheduled, on_hold or in_progress. */
  status!: string;
  channel!: string | null;
  due_at!: string | null;
  /** The due time in the zone it runs in (the contact's or the business's), with that zone. */
  local_due_at!: string | null;
  timezone!: string | null;
  reason!: string | null;
  reason_code!: string | null;
}

/** A conversation as `GET /conversations` lists it: its state, its contact, its last message and its next follow-up. */
export class ConversationSummaryDto extends ConversationDto {
  contact!: ConversationContactDto | null;
  last_message!: LastMessageDto | null;
  next_followup!: NextFollowupDto | null;
}

export class ConversationListDto {
  data!: ConversationSummaryDto[];
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
  /** Inbound only, when what the contact said scheduled nothing: why (no enabled action for the intent, no agent). */
  followup_note?: string;
}

/** A follow-up as the timeline shows it: every scheduled one is visible, with the why of it. */
export class TimelineFollowupDto {
  /** Null for a step that is planned but not stored yet (it is stored when the previous one is sent). */
  id!: string | null;
  scenario!: string | null;
  step!: number | null;
  /** The agent whose sequence it belongs to. */
  agent_id?: string | null;
  status!: string;
  /** Due time in UTC, and in the zone the working hours were read in. */
  due_at!: string | null;
  local_due_at!: string | null;
  timezone!: string | null;
  /** The due time before working hours moved it (null when not moved). */
  original_due_at!: string | null;
  moved_by_working_hours!: boolean;
  channel!: string | null;
  /** Why it was moved, held, cancelled or failed: in words, and as a typed code (the README's table). */
  reason!: string | null;
  reason_code!: string | null;
  sent_at!: string | null;
  body!: string | null;
  /** Its delivery attempts, oldest first (none until it is sent; none for a planned step). */
  attempts!: DeliveryAttemptDto[];
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
