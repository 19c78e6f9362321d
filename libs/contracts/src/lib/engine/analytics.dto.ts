import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { Optional, SHORT_TEXT } from '../validation';

/** Query of `GET /analytics/followups`: the range (default: the 30 days before now) and one agent. */
export class FollowupAnalyticsQuery {
  /** Start of the range, included (default: 30 days before `to`). */
  @Optional() @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 date-time' }) from?: string;
  /** End of the range, excluded (default: just after now, so now is included). */
  @Optional() @IsISO8601({ strict: true }, { message: 'to must be an ISO 8601 date-time' }) to?: string;
  /** Only the follow-ups of this Conversation AI agent. */
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) agent_id?: string;
}

export class StepAnalyticsDto {
  scenario!: string;
  step!: number;
  /** Follow-ups of the step that went out in the range (delivered ones included). */
  sent!: number;
  delivered!: number;
  /** Those a reply was counted for (see reply_rate). */
  replied!: number;
  /** replied / sent (0 when nothing was sent), 4 decimals. */
  reply_rate!: number;
}

export class ChannelAnalyticsDto {
  channel!: string;
  sent!: number;
  delivered!: number;
  /** Follow-ups that failed on this channel in the range (refused, undelivered, unknown outcome, no channel). */
  failed!: number;
  replied!: number;
  reply_rate!: number;
}

export class DayAnalyticsDto {
  /** The UTC day, YYYY-MM-DD. */
  day!: string;
  sent!: number;
  delivered!: number;
  failed!: number;
  replied!: number;
}

/**
 * `GET /analytics/followups`: what the engine's follow-ups achieved. A reply counts for the last
 * follow-up of its conversation sent before it, when it came within `reply_window_hours` of it.
 */
export class FollowupAnalyticsDto {
  from!: string;
  to!: string;
  agent_id!: string | null;
  reply_window_hours!: number;
  by_step!: StepAnalyticsDto[];
  by_channel!: ChannelAnalyticsDto[];
  by_day!: DayAnalyticsDto[];
}
