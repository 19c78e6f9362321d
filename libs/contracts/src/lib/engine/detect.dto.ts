import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsIanaTimezone, LONG_TEXT, Optional, SHORT_TEXT } from '../validation';
import type { MessageIntent } from './conversations.dto';

/** Body of `POST /detect`: a reply to read as the engine would. */
export class DetectRequestDto {
  /** The contact's words. */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT) text!: string;
  /** The zone times in the text are read in (default: the agent's, else UTC). */
  @Optional() @IsIanaTimezone() timezone?: string;
  /** When the message was sent (default: now); "tomorrow at 3" counts from here. */
  @Optional() @IsISO8601({ strict: true }, { message: 'at must be an ISO 8601 date-time' }) at?: string;
  /** A Conversation AI agent of this location: its actions' example phrases count too. */
  @Optional() @IsString() @MaxLength(SHORT_TEXT) agent_id?: string;
}

/** What the detector read. */
export class DetectResultDto {
  intent!: MessageIntent;
  /** requested_followup: the instant asked for (the start of the day or period when no time was named). */
  followup_at!: string | null;
  /** requested_followup: whether a time of day was named (kept as asked) or only a day or period. */
  time_given!: boolean | null;
  language!: 'en' | 'es' | 'pt';
  /** 0..1. */
  confidence!: number;
  /** The agent action whose example phrases matched, if one did. */
  action!: 'humanHandOver' | 'stopBot' | 'transferBot' | null;
  /** The zone the text was read in. */
  timezone!: string;
}
