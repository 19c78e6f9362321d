import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Check, MAX_LIST, MEDIUM_TEXT, NotTrueWhen, Optional, RequiredWhen, SHORT_TEXT } from '../validation';
import { FollowupSettingsDto } from './followup-settings.dto';

export const SLEEP_TIME_UNITS = ['days', 'hours', 'minutes'] as const;
export const FOLLOWUP_TIME_UNITS = ['days', 'hours', 'minutes'] as const;
export type FollowupTimeUnit = (typeof FOLLOWUP_TIME_UNITS)[number];
/** Seed 000: followupTime at most 60 minutes, 24 hours or 180 days, by unit. */
export const FOLLOWUP_TIME_MAX: Record<FollowupTimeUnit, number> = { minutes: 60, hours: 24, days: 180 };
export const SCENARIO_IDS = ['contactStoppedReplying', 'contactIsBusy', 'contactRequested'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];
export const MAX_FOLLOWUP_STEPS = 5;

const StringList = (max = MAX_LIST) => [
  IsArray(),
  ArrayMaxSize(max),
  IsString({ each: true }),
  IsNotEmpty({ each: true }),
  MaxLength(MEDIUM_TEXT, { each: true }),
];
function applyAll(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((d) => d(target, key));
}
const isPositiveNumber = [IsNumber({ allowNaN: false, allowInfinity: false }), Min(1)];

export class TriggerWorkflowDetailsDto {
  @applyAll([...StringList(), ArrayNotEmpty()]) workflowIds!: string[];
  @IsString() @IsNotEmpty() @MaxLength(MEDIUM_TEXT) triggerCondition!: string;
  @Optional() @IsString() @MaxLength(MEDIUM_TEXT) triggerMessage?: string;
}

export class UpdateContactFieldDetailsDto {
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) contactFieldId!: string;
  @IsString() @IsNotEmpty() @MaxLength(MEDIUM_TEXT) description!: string;
  @Optional() @applyAll(StringList()) contactUpdateExamples?: string[] = [];
}

type Booking = AppointmentBookingDetailsDto;
const linkOnly = (o: Booking) => o.onlySendLink === true;

export class AppointmentBookingDetailsDto {
  @Optional() @IsString() @MaxLength(SHORT_TEXT) actionId?: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) calendarId!: string;
  @IsBoolean() onlySendLink!: boolean;

  @IsBoolean()
  @NotTrueWhen<Booking>(linkOnly, 'triggerWorkflow cannot be true when onlySendLink is true')
  triggerWorkflow!: boolean;

  @RequiredWhen<Booking>((o) => o.triggerWorkflow === true, 'workflowIds is required when triggerWorkflow is true')
  @applyAll([...StringList(), ArrayNotEmpty()])
  workflowIds?: string[];

  @IsBoolean()
  @NotTrueWhen<Booking>(linkOnly, 'sleepAfterBooking cannot be true when onlySendLink is true')
  sleepAfterBooking!: boolean;

  @RequiredWhen<Booking>((o) => o.sleepAfterBooking === true, 'sleepTimeUnit is required when sleepAfterBooking is true')
  @IsIn(SLEEP_TIME_UNITS)
  sleepTimeUnit?: string;

  @RequiredWhen<Booking>((o) => o.sleepAfterBooking === true, 'sleepTime is required when sleepAfterBooking is true')
  @applyAll(isPositiveNumber)
  sleepTime?: number;

  @IsBoolean()
  @NotTrueWhen<Booking>(linkOnly, 'transferBot cannot be true when onlySendLink is true')
  transferBot!: boolean;

  @RequiredWhen<Booking>((o) => o.transferBot === true, 'transferAgent is required when transferBot is true')
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT)
  transferAgent?: string;

  @IsBoolean()
  @NotTrueWhen<Booking>(linkOnly, 'rescheduleEnabled cannot be true when onlySendLink is true')
  rescheduleEnabled = false;

  @IsBoolean()
  @NotTrueWhen<Booking>(linkOnly, 'cancelEnabled cannot be true when onlySendLink is true')
  cancelEnabled = false;
}

/** sleepTimeUnit + sleepTime, required when the bot reactivates after sleeping. */
abstract class ReactivationFields {
  @IsBoolean() reactivateEnabled!: boolean;

  @RequiredWhen<ReactivationFields>((o) => o.reactivateEnabled === true, 'sleepTimeUnit is required when reactivateEnabled is true')
  @IsIn(SLEEP_TIME_UNITS)
  sleepTimeUnit?: string;

  @RequiredWhen<ReactivationFields>((o) => o.reactivateEnabled === true, 'sleepTime is required when reactivateEnabled is true')
  @applyAll(isPositiveNumber)
  sleepTime?: number;
}

export class StopBotDetailsDto extends ReactivationFields {
  @IsIn(['Goodbye', 'Custom']) stopBotDetectionType!: string;
  @IsString() @IsNotEmpty() @MaxLength(MEDIUM_TEXT) stopBotTriggerCondition!: string;
  @IsBoolean() enabled!: boolean;
  @applyAll(StringList()) @ArrayMinSize(2, { message: 'stopBotExamples must contain at least 2 examples' }) stopBotExamples!: string[];
  @IsString() @MaxLength(MEDIUM_TEXT) finalMessage!: string;
  @Optional() @applyAll(StringList()) tags?: string[];
}

export const HANDOVER_TYPES = ['contactRequest', 'lackOfInformation', 'failedToResolveIssue', 'custom'] as const;

export class HumanHandOverDetailsDto extends ReactivationFields {
  @IsBoolean() enabled!: boolean;
  @IsString() @IsNotEmpty() @MaxLength(MEDIUM_TEXT) triggerCondition!: string;

  @RequiredWhen<HumanHandOverDetailsDto>(
    (o) => o.handoverType === 'custom' || o.handoverType === 'contactRequest',
    'examples is required when handoverType is custom or contactRequest',
  )
  @applyAll([...StringList(), ArrayNotEmpty()])
  examples?: string[];

  @Optional() @IsString() @MaxLength(SHORT_TEXT) assignToUserId?: string;
  @Optional() @IsBoolean() skipAssignToUser?: boolean;
  @Optional() @IsBoolean() createTask?: boolean;
  @IsString() @MaxLength(MEDIUM_TEXT) finalMessage!: string;
  @Optional() @applyAll(StringList()) tags?: string[];
  @IsIn(HANDOVER_TYPES) handoverType!: string;
}

type Step = FollowupStepDto;

export class FollowupStepDto {
  /** Unique identifier of the step within its sequence. */
  @IsInt() @Min(1) @Max(1000) id!: number;
  @IsIn(FOLLOWUP_TIME_UNITS) followupTimeUnit!: FollowupTimeUnit;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Check<Step>(
    (value, o) => {
      const max = FOLLOWUP_TIME_MAX[o.followupTimeUnit];
      return typeof value !== 'number' || max === undefined || value <= max;
    },
    (_v, o) =>
      `followupTime must not be greater than ${FOLLOWUP_TIME_MAX[o.followupTimeUnit]} when followupTimeUnit is ${o.followupTimeUnit}`,
  )
  followupTime!: number;

  /** Let the AI compose the message (default); false sends `customMessage`. */
  @Optional() @IsBoolean() aiEnabledMessage?: boolean = true;
  @Optional() @IsBoolean() triggerWorkflow?: boolean = false;

  @RequiredWhen<Step>((o) => o.aiEnabledMessage === false, 'customMessage is required when aiEnabledMessage is false')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MEDIUM_TEXT)
  customMessage?: string;

  @RequiredWhen<Step>((o) => o.triggerWorkflow === true, 'workflowId is required when triggerWorkflow is true')
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT)
  workflowId?: string;

  @Optional() @IsBoolean() contactRequested?: boolean;
}

function duplicateStepIds(steps: unknown): number[] {
  if (!Array.isArray(steps)) return [];
  const ids = steps.map((s) => (s as { id?: unknown } | null)?.id).filter((id): id is number => typeof id === 'number');
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}

export class AdvancedFollowupDetailsDto {
  @IsBoolean() enabled!: boolean;
  @IsIn(SCENARIO_IDS) scenarioId!: ScenarioId;

  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_FOLLOWUP_STEPS, { message: `followupSequence must contain at most ${MAX_FOLLOWUP_STEPS} follow-ups` })
  @ValidateNested({ each: true })
  @Type(() => FollowupStepDto)
  @Check((v) => duplicateStepIds(v).length === 0, (v) => `followupSequence uses step id ${duplicateStepIds(v).join(', ')} more than once`)
  followupSequence!: FollowupStepDto[];

  @Optional()
  @ValidateNested()
  @Type(() => FollowupSettingsDto)
  followupSettings?: FollowupSettingsDto;
}

export const TRANSFER_BOT_TYPES = ['Default', 'Custom'] as const;
type Transfer = TransferBotDetailsDto;

export class TransferBotDetailsDto {
  @IsIn(TRANSFER_BOT_TYPES) transferBotType!: string;
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) transferToBot!: string;
  @IsBoolean() enabled!: boolean;

  @RequiredWhen<Transfer>((o) => o.transferBotType === 'Custom', 'transferBotTriggerCondition is required when transferBotType is Custom')
  @IsString()
  @IsNotEmpty()
  @MaxLength(MEDIUM_TEXT)
  transferBotTriggerCondition?: string;

  @RequiredWhen<Transfer>((o) => o.transferBotType === 'Custom', 'transferBotExamples is required when transferBotType is Custom')
  @Check<Transfer>(
    (v, o) => o.transferBotType !== 'Custom' || !Array.isArray(v) || v.length >= 2,
    'transferBotExamples must contain at least 2 examples when transferBotType is Custom',
  )
  @applyAll(StringList())
  transferBotExamples?: string[];
}
