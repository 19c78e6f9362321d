import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Matches, Max, MaxLength, Min } from 'class-validator';
import { E164_RE, intParam, IsIntParam, LONG_TEXT, MEDIUM_TEXT, Optional, SHORT_TEXT } from '../validation';

/** Seed 004 status vocabulary. */
export const FOLLOWUP_STATUSES = [
  'on_hold',
  'scheduled',
  'in_progress',
  'sent',
  'delivered',
  'deal_found',
  'no_answer',
  'deal_not_found',
  'bad_behavior',
  'failed',
  'cancelled',
] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];

/** Seed 004 follow-up types, plus `live_chat` for follow-ups the engine sends on a chat conversation. */
export const FOLLOWUP_TYPES = [
  'call',
  'email',
  'sms',
  'whatsapp',
  'voicemail',
  'manual_call',
  'physical',
  'postmail',
  'live_chat',
] as const;
export type FollowupType = (typeof FOLLOWUP_TYPES)[number];
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;

const iso = (field: string) => IsISO8601({ strict: true }, { message: `${field} must be an ISO 8601 date-time` });

/** Fields a client may set on a follow-up record (seed 004 names). */
export class FollowupRecordFields {
  @Optional() @IsIn(FOLLOWUP_STATUSES) status?: FollowupStatus;
  /** When the follow-up was executed. */
  @IsOptional() @iso('call_date') call_date?: string | null;
  /** When to execute the follow-up. */
  @IsOptional() @iso('scheduled_at') scheduled_at?: string | null;
  @IsOptional() @IsString() @MaxLength(MEDIUM_TEXT) summary?: string | null;
  @IsOptional() @IsString() @MaxLength(LONG_TEXT) notes?: string | null;
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) call_id?: string | null;
  @IsOptional() @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }) @MaxLength(MEDIUM_TEXT) audio_url?: string | null;
  @IsOptional() @IsInt() @Min(0) @Max(2_147_483_647) duration_ms?: number | null;
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) disconnection_reason?: string | null;
  @IsOptional() @IsIn(CALL_DIRECTIONS) direction?: string | null;
  @IsOptional() @Matches(E164_RE, { message: 'phone_number_used must be an E.164 phone number such as +14155550123' }) phone_number_used?:
    | string
    | null;
  @Optional() @IsBoolean() is_retry?: boolean;
}

/** Body of `POST /followups` (a manual follow-up, e.g. a `manual_call` task). */
export class CreateFollowupDto extends FollowupRecordFields {
  @IsIn(FOLLOWUP_TYPES) type!: FollowupType;
  /** External reference (the deal or case this follow-up belongs to); cannot change later. */
  @Optional() @IsString() @MaxLength(SHORT_TEXT) debt_id?: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) contact_id?: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) conversation_id?: string;
}

/** Body of `PUT /followups/:id`; `debt_id` may be repeated but not changed. */
export class UpdateFollowupDto extends FollowupRecordFields {
  @Optional() @IsIn(FOLLOWUP_TYPES) type?: FollowupType;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) debt_id?: string;
}

/** Query of `GET /followups`. */
export class ListFollowupsQuery {
  @Optional() @IsIn(FOLLOWUP_STATUSES) status?: FollowupStatus;
  @Optional() @IsIn(FOLLOWUP_TYPES) type?: FollowupType;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) contact_id?: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) conversation_id?: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) debt_id?: string;
  /** Only follow-ups scheduled at or after this instant. */
  @Optional() @iso('scheduled_from') scheduled_from?: string;
  /** Only follow-ups scheduled before this instant. */
  @Optional() @iso('scheduled_to') scheduled_to?: string;
  @Optional() @Transform(intParam) @IsIntParam(1, 100) limit?: number;
  /** `next_cursor` of the previous page. */
  @Optional() @IsString() @MaxLength(512) cursor?: string;
}
