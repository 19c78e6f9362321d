import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  Check,
  E164_RE,
  intParam,
  IsEmailAddress,
  IsIanaTimezone,
  IsIntParam,
  LONG_TEXT,
  MAX_LIST,
  Optional,
  SHORT_TEXT,
} from '../validation';
import { VoiceWorkingDayDto, duplicateDaysMessage, noDuplicateDays } from '../working-hours/working-hours.dto';

export const VOICE_LANGUAGES = ['en-US', 'pt-BR', 'es', 'fr', 'de', 'it', 'nl-NL', 'multi'] as const;
export const PATIENCE_LEVELS = ['low', 'medium', 'high'] as const;
/** The seed's pattern for `timezone`; the zone must also exist (IsIanaTimezone). */
export const VOICE_TIMEZONE_RE = /^[A-Za-z_]+\/[A-Za-z_]+$/;

export class PostCallNotificationDto {
  @IsBoolean() admins!: boolean;
  @IsBoolean() allUsers!: boolean;
  @IsBoolean() contactAssignedUser!: boolean;
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  specificUsers!: string[];
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsEmailAddress({ each: true, message: 'each value in $property must be an email' })
  @MaxLength(SHORT_TEXT, { each: true })
  customEmails!: string[];
}

export class TranslationDto {
  @IsBoolean() enabled!: boolean;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(16) language?: string;
}

/**
 * The three translation rules of seed 002, checked on the agent as it will be stored
 * (so a PATCH of `language` alone cannot leave an invalid translation behind).
 */
export function translationProblems(agent: { language?: unknown; translation?: unknown }): string[] {
  const t = agent.translation as { enabled?: unknown; language?: unknown } | null | undefined;
  if (!t || t.enabled !== true) return [];
  const language = agent.language ?? 'en-US';
  if (language === 'en-US') return ['translation.enabled can only be true when the agent language is not en-US'];
  if (t.language === undefined || t.language === null || t.language === '') {
    return ['translation.language is required when translation is enabled'];
  }
  if (t.language !== language && t.language !== 'en-US') {
    return [`translation.language must be the agent language (${String(language)}) or en-US`];
  }
  return [];
}

/** Every optional field of a voice agent, shared by create (plus locationId) and patch. */
export class VoiceAgentFields {
  @Optional() @IsString() @IsNotEmpty() @MaxLength(40) agentName?: string;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) businessName?: string;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(190) welcomeMessage?: string;
  @Optional() @IsString() @MaxLength(LONG_TEXT) agentPrompt?: string;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) voiceId?: string;
  @Optional() @IsIn(VOICE_LANGUAGES) language?: string;
  @Optional() @IsIn(PATIENCE_LEVELS) patienceLevel?: string;
  @Optional() @IsInt() @Min(180) @Max(900) maxCallDuration?: number;
  @Optional() @IsBoolean() sendUserIdleReminders?: boolean;
  @Optional() @IsInt() @Min(1) @Max(20) reminderAfterIdleTimeSeconds?: number;

  @IsOptional()
  @Matches(E164_RE, { message: 'inboundNumber must be an E.164 phone number such as +14155550123' })
  inboundNumber?: string | null;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) numberPoolId?: string | null;

  @Optional()
  @IsArray()
  @ArrayMaxSize(10, { message: 'callEndWorkflowIds must contain at most 10 workflow ids' })
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(SHORT_TEXT, { each: true })
  callEndWorkflowIds?: string[];

  @Optional() @ValidateNested() @Type(() => PostCallNotificationDto) sendPostCallNotificationTo?: PostCallNotificationDto;

  @Optional()
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => VoiceWorkingDayDto)
  @Check(noDuplicateDays, duplicateDaysMessage('agentWorkingHours'))
  agentWorkingHours?: VoiceWorkingDayDto[];

  @Optional()
  @Matches(VOICE_TIMEZONE_RE, { message: 'timezone must match ^[A-Za-z_]+/[A-Za-z_]+$ (e.g. America/New_York)' })
  @IsIanaTimezone()
  timezone?: string;

  @Optional() @IsBoolean() isAgentAsBackupDisabled?: boolean;
  @Optional() @ValidateNested() @Type(() => TranslationDto) translation?: TranslationDto;
}

/** Body of `POST /voice-ai/agents`. */
export class CreateVoiceAgentDto extends VoiceAgentFields {
  /** Must be the token's own location. */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) locationId!: string;
}

/** Body of `PATCH /voice-ai/agents/:agentId`. */
export class PatchVoiceAgentDto extends VoiceAgentFields {}

/** `?locationId=` of the single-agent routes (optional here: the token already names the location). */
export class VoiceLocationQuery {
  @Optional() @IsString() @MaxLength(SHORT_TEXT) locationId?: string;
}

/** Query of `GET /voice-ai/agents`. */
export class ListVoiceAgentsQuery extends VoiceLocationQuery {
  @Optional() @Transform(intParam) @IsIntParam(1, 5000) page?: number;
  @Optional() @Transform(intParam) @IsIntParam(1, 50) pageSize?: number;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) query?: string;
}
