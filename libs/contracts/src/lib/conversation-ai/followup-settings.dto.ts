import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsDefined, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Check, Optional, SHORT_TEXT } from '../validation';
import { FollowupWorkingDayDto, duplicateDaysMessage, noDuplicateDays } from '../working-hours/working-hours.dto';

/** `timezoneToUse`: `business` (the agent's zone) or `contact`; `location` is read as `business`. */
export const TIMEZONE_TO_USE = ['contact', 'business'] as const;
export type TimezoneToUse = (typeof TIMEZONE_TO_USE)[number];

function hasAnyInterval(days: unknown): boolean {
  return (
    Array.isArray(days) &&
    days.some(
      (d) => Array.isArray((d as { intervals?: unknown } | null)?.intervals) && (d as { intervals: unknown[] }).intervals.length > 0,
    )
  );
}

/** Follow-up settings of an advancedFollowup action (seed 000). */
export class FollowupSettingsDto {
  /** Switch to another reachable channel when the conversation's own goes inactive. */
  @IsBoolean() dynamicChannelSwitching!: boolean;

  /** Send follow-ups only inside `workingHours`. */
  @Optional()
  @IsBoolean()
  @Check<FollowupSettingsDto>(
    (value, o) => value !== true || hasAnyInterval(o.workingHours),
    'followUpHours is true but workingHours has no interval: follow-ups could never be sent',
  )
  followUpHours?: boolean;

  @Optional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => FollowupWorkingDayDto)
  @Check(noDuplicateDays, duplicateDaysMessage('workingHours'))
  workingHours?: FollowupWorkingDayDto[];

  @Optional()
  @Transform(({ value }) => (value === 'location' ? 'business' : value))
  @IsIn(TIMEZONE_TO_USE, { message: 'timezoneToUse must be one of: contact, business (or location)' })
  timezoneToUse?: TimezoneToUse;
}

/** Body of `PATCH /conversation-ai/agents/:agentId/followup-settings`. */
export class UpdateFollowupSettingsDto {
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  actionIds!: string[];

  @IsDefined()
  @ValidateNested()
  @Type(() => FollowupSettingsDto)
  followupSettings!: FollowupSettingsDto;
}
