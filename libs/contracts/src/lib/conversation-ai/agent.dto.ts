import { Transform } from 'class-transformer';
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
import { Check, intParam, IsIanaTimezone, IsIntParam, LONG_TEXT, MAX_LIST, Optional, SHORT_TEXT } from '../validation';

export const AGENT_MODES = ['off', 'suggestive', 'auto-pilot'] as const;
export const AGENT_CHANNELS = ['IG', 'FB', 'SMS', 'WebChat', 'WhatsApp', 'Live_Chat'] as const;
export const WAIT_TIME_UNITS = ['minutes', 'seconds'] as const;
export const AGENT_SLEEP_TIME_UNITS = ['hours', 'minutes', 'seconds'] as const;

/** Seed limits: waitTime max 5 minutes / 300 seconds; sleepTime max 48 h / 2880 min / 172800 s. */
export const WAIT_TIME_MAX: Record<string, number> = { minutes: 5, seconds: 300 };
export const AGENT_SLEEP_TIME_MAX: Record<string, number> = { hours: 48, minutes: 2880, seconds: 172800 };

const withinUnitMax =
  (table: Record<string, number>, unitOf: (o: ConversationAgentFields) => unknown) => (value: unknown, o: ConversationAgentFields) => {
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
  @Optional() @IsString() @MaxLength(SHORT_TEXT) businessName?: string;
  @Optional() @IsIn(AGENT_MODES) mode?: (typeof AGENT_MODES)[number] = 'off';

  @Optional()
  @IsArray()
  @ArrayUnique()
  @IsIn(AGENT_CHANNELS, { each: true })
  channels?: string[] = [];

  @Optional() @IsBoolean() isPrimary?: boolean;

  @Optional()
  @IsInt()
  @Min(0)
  @Check<ConversationAgentFields>(
    withinUnitMax(WAIT_TIME_MAX, (o) => o.waitTimeUnit),
    (_v, o) => `waitTime must not be greater than ${WAIT_TIME_MAX[String(o.waitTimeUnit)]} when waitTimeUnit is ${o.waitTimeUnit}`,
  )
  waitTime?: number = 2;

  @Optional() @IsIn(WAIT_TIME_UNITS) waitTimeUnit?: string = 'seconds';
  @Optional() @IsBoolean() sleepEnabled?: boolean = false;

  @Optional()
  @IsInt()
  @Min(1)
  @Check<ConversationAgentFields>(
    withinUnitMax(AGENT_SLEEP_TIME_MAX, (o) => o.sleepTimeUnit),
    (_v, o) =>
      `sleepTime must not be greater than ${AGENT_SLEEP_TIME_MAX[String(o.sleepTimeUnit)]} when sleepTimeUnit is ${o.sleepTimeUnit}`,
  )
  sleepTime?: number = 2;

  @Optional() @IsIn(AGENT_SLEEP_TIME_UNITS) sleepTimeUnit?: string = 'hours';
  @IsString() @MaxLength(LONG_TEXT) personality!: string;
  @IsString() @MaxLength(LONG_TEXT) goal!: string;
  @IsString() @MaxLength(LONG_TEXT) instructions!: string;
  @Optional() @IsInt() @Min(1) @Max(100) autoPilotMaxMessages?: number = 25;

  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  knowledgeBaseIds?: string[] = [];

  @Optional() @IsBoolean() respondToImages?: boolean = false;
  @Optional() @IsBoolean() respondToAudio?: boolean = false;
  @Optional() @IsBoolean() sleepOnManualMessage?: boolean = false;
  @Optional() @IsBoolean() sleepOnWorkflowMessage?: boolean = false;

  /** The business's IANA time zone (follow-ups with `timezoneToUse: business` use it). */
  @IsOptional() @IsIanaTimezone() timezone?: string | null;

  /** An inactive agent sends no follow-ups. */
  @Optional() @IsBoolean() active?: boolean = true;
}

/** Body of `POST /conversation-ai/agents`. */
export class CreateConversationAgentDto extends ConversationAgentFields {}

/**
 * Body of `PUT /conversation-ai/agents/:agentId`: any subset of the fields; the result of applying
 * it to the stored agent must still be a valid agent.
 */
export class UpdateConversationAgentDto {
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name?: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) businessName?: string;
  @Optional() @IsIn(AGENT_MODES) mode?: string;
  @Optional() @IsArray() @ArrayUnique() @IsIn(AGENT_CHANNELS, { each: true }) channels?: string[];
  @Optional() @IsBoolean() isPrimary?: boolean;
  @Optional() @IsInt() @Min(0) waitTime?: number;
  @Optional() @IsIn(WAIT_TIME_UNITS) waitTimeUnit?: string;
  @Optional() @IsBoolean() sleepEnabled?: boolean;
  @Optional() @IsInt() @Min(1) sleepTime?: number;
  @Optional() @IsIn(AGENT_SLEEP_TIME_UNITS) sleepTimeUnit?: string;
  @Optional() @IsString() @MaxLength(LONG_TEXT) personality?: string;
  @Optional() @IsString() @MaxLength(LONG_TEXT) goal?: string;
  @Optional() @IsString() @MaxLength(LONG_TEXT) instructions?: string;
  @Optional() @IsInt() @Min(1) @Max(100) autoPilotMaxMessages?: number;
  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  knowledgeBaseIds?: string[];
  @Optional() @IsBoolean() respondToImages?: boolean;
  @Optional() @IsBoolean() respondToAudio?: boolean;
  @Optional() @IsBoolean() sleepOnManualMessage?: boolean;
  @Optional() @IsBoolean() sleepOnWorkflowMessage?: boolean;
  @IsOptional() @IsIanaTimezone() timezone?: string | null;
  @Optional() @IsBoolean() active?: boolean;
}

/** Query of `GET /conversation-ai/agents/search`. */
export class SearchConversationAgentsQuery {
  /** Id of the last agent of the previous page; empty for the first page. */
  @Optional() @IsString() @MaxLength(SHORT_TEXT) startAfter?: string;
  @Optional() @Transform(intParam) @IsIntParam(1, 100) limit?: number;
  /** Case-insensitive substring of the agent name. */
  @Optional() @IsString() @MaxLength(SHORT_TEXT) query?: string;
}
