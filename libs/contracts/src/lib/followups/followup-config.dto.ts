import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { Check, IsIsoDuration, MAX_LIST, MEDIUM_TEXT, Optional, RequiredWhen, SHORT_TEXT, isoDurationMs } from '../validation';

/** Seed 003 limits. */
export const CONFIG_MAX_STEPS = 3;
export const CONFIG_MIN_INTERVAL_MS = 30 * 60_000;
export const CONFIG_TEMPLATE_FROM_MS = 24 * 3_600_000;
export const DEFAULT_TEMPLATE_LANGUAGE = 'pt_BR';

type Step = FollowupConfigStepDto;

/**
 * A step: after `interval` without a reply, send an AI message from `prompt`, or (required from
 * 24 hours on, when the WhatsApp session window has closed) the approved template `template_name`.
 */
export class FollowupConfigStepDto {
  @IsIsoDuration()
  @Check((v) => {
    const ms = isoDurationMs(v);
    return ms === null || ms >= CONFIG_MIN_INTERVAL_MS;
  }, 'interval must be at least 30 minutes (PT30M)')
  interval!: string;

  @RequiredWhen<Step>(
    (o) => o.template_name === undefined || o.template_name === null,
    'prompt is required when the step has no template_name',
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(MEDIUM_TEXT)
  prompt?: string;

  @RequiredWhen<Step>(
    (o) => (isoDurationMs(o.interval) ?? 0) >= CONFIG_TEMPLATE_FROM_MS,
    'template_name is required when interval is 24 hours or more',
  )
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT)
  template_name?: string;

  @Optional() @IsString() @IsNotEmpty() @MaxLength(16) template_language?: string;

  @Optional()
  @IsArray()
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @MaxLength(MEDIUM_TEXT, { each: true })
  template_params?: string[];
}

const stepList = (path: string): PropertyDecorator[] => [
  IsArray(),
  ArrayMaxSize(CONFIG_MAX_STEPS, { message: `${path} must contain at most ${CONFIG_MAX_STEPS} steps` }),
  ValidateNested({ each: true }),
  Type(() => FollowupConfigStepDto),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (t, k) =>
    decorators.forEach((d) => d(t, k));

export class OfficialChannelStepsDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) channel_id!: string;
  @Optional() @IsString() @MaxLength(SHORT_TEXT) channel_name?: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) app_id!: string;
  @apply(stepList('steps')) @ArrayMinSize(1, { message: 'steps must contain at least 1 step' }) steps!: FollowupConfigStepDto[];
}

function duplicateChannels(channels: unknown): string[] {
  if (!Array.isArray(channels)) return [];
  const ids = channels.map((c) => (c as { channel_id?: unknown } | null)?.channel_id).filter((id): id is string => typeof id === 'string');
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

const officialSteps: PropertyDecorator[] = [
  IsArray(),
  ArrayMaxSize(20),
  ValidateNested({ each: true }),
  Type(() => OfficialChannelStepsDto),
  Check(
    (v) => duplicateChannels(v).length === 0,
    (v) => `official_steps repeats channel_id ${duplicateChannels(v).join(', ')}`,
  ),
];

const triggerStatuses: PropertyDecorator[] = [
  IsArray(),
  ArrayNotEmpty(),
  ArrayMaxSize(MAX_LIST),
  IsUUID('all', { each: true, message: 'each value in trigger_status_ids must be a UUID' }),
];

/** At least one step in `steps` or in an official channel. */
export function hasAnyStep(config: { steps?: unknown; official_steps?: unknown }): boolean {
  const steps = Array.isArray(config.steps) ? config.steps.length : 0;
  const official = Array.isArray(config.official_steps) ? config.official_steps.length : 0;
  return steps + official > 0;
}

/** Body of `POST /backend/followup/configs`. */
export class CreateFollowupConfigDto {
  @IsUUID('all', { message: 'assistant_id must be a UUID' }) assistant_id!: string;
  @apply(triggerStatuses) trigger_status_ids!: string[];

  @RequiredWhen<CreateFollowupConfigDto>(
    (o) => !hasAnyStep({ official_steps: o.official_steps }),
    'steps is required when there are no official_steps (at least one step)',
  )
  @Check<CreateFollowupConfigDto>((_v, o) => hasAnyStep(o), 'steps must contain at least one step when there are no official_steps')
  @apply(stepList('steps'))
  steps?: FollowupConfigStepDto[];

  @Optional() @apply(officialSteps) official_steps?: OfficialChannelStepsDto[];
  @Optional() @IsBoolean() is_active?: boolean;
}

/** Body of `PUT /backend/followup/configs/:id` (all optional). */
export class UpdateFollowupConfigDto {
  @Optional() @apply(triggerStatuses) trigger_status_ids?: string[];
  @Optional() @apply(stepList('steps')) steps?: FollowupConfigStepDto[];
  @Optional() @apply(officialSteps) official_steps?: OfficialChannelStepsDto[];
  @Optional() @IsBoolean() is_active?: boolean;
}
