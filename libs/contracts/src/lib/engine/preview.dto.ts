import { Type } from 'class-transformer';
import { IsISO8601, IsNotEmpty, IsObject, IsString, MaxLength, ValidateNested } from 'class-validator';
import { FollowupSettingsDto } from '../conversation-ai/followup-settings.dto';
import { Check, IsIanaTimezone, Optional, SHORT_TEXT } from '../validation';

type Preview = PreviewFollowupsDto;

/** Body of `POST /followups/preview`: plans the steps of an advancedFollowup action, stores nothing. */
export class PreviewFollowupsDto {
  /** The advancedFollowup `details` to plan (or name a stored action with action_id). */
  @Check<Preview>((v, o) => (v === undefined) !== (o.action_id === undefined), 'action or action_id is required (one of them)')
  @Optional()
  @IsObject()
  action?: Record<string, unknown>;

  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) action_id?: string;

  /** Overrides the action's own follow-up settings. */
  @Optional() @ValidateNested() @Type(() => FollowupSettingsDto) settings?: FollowupSettingsDto;

  /** The message that starts the sequence (the outbound message, or the busy reply). */
  @IsISO8601({ strict: true }, { message: 'start_at must be an ISO 8601 date-time' }) start_at!: string;
  @Optional() @IsIanaTimezone() contact_timezone?: string;
  /** The business zone when no action_id names an agent (defaults to the agent's, else UTC). */
  @Optional() @IsIanaTimezone() business_timezone?: string;
  /** For contactRequested: when the contact asked to be contacted. */
  @Optional() @IsISO8601({ strict: true }, { message: 'requested_at must be an ISO 8601 date-time' }) requested_at?: string;
}

export class PreviewStepDto {
  step!: number;
  due_at!: string;
  local_due_at!: string;
  timezone!: string;
  moved_by_working_hours!: boolean;
}

export class PreviewResponseDto {
  steps!: PreviewStepDto[];
}
