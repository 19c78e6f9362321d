import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Check, IsIanaTimezone, LONG_TEXT, MAX_LIST, SHORT_TEXT } from '../validation';

export const AGENT_MODES = ['off', 'suggestive', 'auto-pilot'] as const;
export const AGENT_CHANNELS = ['IG', 'FB', 'SMS', 'WebChat', 'WhatsApp', 'Live_Chat'] as const;
export const WAIT_TIME_UNITS = ['minutes', 'seconds'] as const;
export const AGENT_SLEEP_TIME_UNITS = ['hours', 'minutes', 'seconds'] as const;

/** Seed limits: waitTime max 5 minutes / 300 seconds; sleepTime max 48 h / 2880 min / 172800 s. */
export const WAIT_TIME_MAX: Record<string, number> = { minutes: 5, seconds: 300 };
export const AGENT_SLEEP_TIME_MAX: Record<string, number> = { hours: 48, minutes: 2880, seconds: 172800 };

const withinUnitMax =
  (table: Record<string, number>, unitOf: (o: ConversationAgentFields) => unknown) =>
  (value: unknown, o: ConversationAgentFields) => {
    const max = table[String(unitOf(o))];
    return typeof value !== 'number' || max === undefined || value <= max;
  };

/**
 * Every field of a Conversation AI agent (the official client's CreateEmployeeDto) plus two of
 * ours: `timezone` (the business's IANA zone) and `active` (an inactive agent sends no follow-ups).
 * Defaults are the seed's.
 */
export class ConversationAgentFields {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name!: string;
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) businessName?: string;
  @IsOptional() @IsIn(AGENT_MODES) mode?: (typeof AGENT_MODES)[number] = 'off';

  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AGENT_CHANNELS, { each: true })
  channels?: string[] = [];

  @IsOptional() @IsBoolean() isPrimary?: boolean;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Check<ConversationAgentFields>(
    withinUnitMax(WAIT_TIME_MAX, (o) => o.waitTimeUnit),
    (_v, o) => `waitTime must not be greater than ${WAIT_TIME_MAX[String(o.waitTimeUnit)]} when waitTimeUnit is ${o.waitTimeUnit}`,
  )
  waitTime?: number = 2;

  @IsOptional() @IsIn(WAIT_TIME_UNITS) waitTimeUnit?: string = 'seconds';
  @IsOptional() @IsBoolean() sleepEnabled?: boolean = false;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Check<ConversationAgentFields>(
    withinUnitMax(AGENT_SLEEP_TIME_MAX, (o) => o.sleepTimeUnit),
    (_v, o) => `sleepTime must not be greater than ${AGENT_SLEEP_TIME_MAX[String(o.sleepTimeUnit)]} when sleepTimeUnit is ${o.sleepTimeUnit}`,
  )
  sleepTime?: number = 2;

  @IsOptional() @IsIn(AGENT_SLEEP_TIME_UNITS) sleepTimeUnit?: string = 'hours';
  @IsString() @MaxLength(LONG_TEXT) personality!: string;
  @IsString() @MaxLength(LONG_TEXT) goal!: string;
  @IsString() @MaxLength(LONG_TEXT) instructions!: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) autoPilotMaxMessages?: number = 25;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  knowledgeBaseIds?: string[] = [];

  @IsOptional() @IsBoolean() respondToImages?: boolean = false;
  @IsOptional() @IsBoolean() respondToAudio?: boolean = false;
  @IsOptional() @IsBoolean() sleepOnManualMessage?: boolean = false;
  @IsOptional() @IsBoolean() sleepOnWorkflowMessage?: boolean = false;

  /** The business's IANA time zone (follow-ups with `timezoneToUse: business` use it). */
  @IsOptional() @IsIanaTimezone() timezone?: string | null;

  /** An inactive agent sends no follow-ups. */
  @IsOptional() @IsBoolean() active?: boolean = true;
}

/** Body of `POST /conversation-ai/agents`. */
export class CreateConversationAgentDto extends ConversationAgentFields {}

/**
 * Body of `PUT /conversation-ai/agents/:agentId`: any subset of the fields; the result of applying
 * it to the stored agent must still be a valid agent.
 */
export class UpdateConversationAgentDto {
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name?: string;
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) businessName?: string;
  @IsOptional() @IsIn(AGENT_MODES) mode?: string;
  @IsOptional() @IsArray() @ArrayUnique() @IsIn(AGENT_CHANNELS, { each: true }) channels?: string[];
  @IsOptional() @IsBoolean() isPrimary?: boolean;
  @IsOptional() @IsInt() @Min(0) waitTime?: number;
  @IsOptional() @IsIn(WAIT_TIME_UNITS) waitTimeUnit?: string;
  @IsOptional() @IsBoolean() sleepEnabled?: boolean;
  @IsOptional() @IsInt() @Min(1) sleepTime?: number;
  @IsOptional() @IsIn(AGENT_SLEEP_TIME_UNITS) sleepTimeUnit?: string;
  @IsOptional() @IsString() @MaxLength(LONG_TEXT) personality?: string;
  @IsOptional() @IsString() @MaxLength(LONG_TEXT) goal?: string;
  @IsOptional() @IsString() @MaxLength(LONG_TEXT) instructions?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) autoPilotMaxMessages?: number;
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_LIST) @IsString({ each: true }) @MaxLength(SHORT_TEXT, { each: true }) knowledgeBaseIds?: string[];
  @IsOptional() @IsBoolean() respondToImages?: boolean;
  @IsOptional() @IsBoolean() respondToAudio?: boolean;
  @IsOptional() @IsBoolean() sleepOnManualMessage?: boolean;
  @IsOptional() @IsBoolean() sleepOnWorkflowMessage?: boolean;
  @IsOptional() @IsIanaTimezone() timezone?: string | null;
  @IsOptional() @IsBoolean() active?: boolean;
}

/** Query of `GET /conversation-ai/agents/search`. */
export class SearchConversationAgentsQuery {
  /** Id of the last agent of the previous page; empty for the first page. */
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) startAfter?: string;
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
  /** Case-insensitive substring of the agent name. */
  @IsOptional() @IsString() @MaxLength(SHORT_TEXT) query?: string;
}
