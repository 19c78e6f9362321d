import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import type { ClassConstructor } from 'class-transformer';
import { SHORT_TEXT, validatePlain } from '../validation';
import {
  AdvancedFollowupDetailsDto,
  AppointmentBookingDetailsDto,
  HumanHandOverDetailsDto,
  StopBotDetailsDto,
  TransferBotDetailsDto,
  TriggerWorkflowDetailsDto,
  UpdateContactFieldDetailsDto,
} from './action-details.dto';

/** The seven Conversation AI action types, as the seed spells them (camelCase). */
export const ACTION_TYPES = [
  'triggerWorkflow',
  'updateContactField',
  'appointmentBooking',
  'stopBot',
  'humanHandOver',
  'advancedFollowup',
  'transferBot',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

const UPPER_SNAKE: Record<string, ActionType> = {
  TRIGGER_WORKFLOW: 'triggerWorkflow',
  UPDATE_CONTACT_FIELD: 'updateContactField',
  APPOINTMENT_BOOKING: 'appointmentBooking',
  STOP_BOT: 'stopBot',
  HUMAN_HAND_OVER: 'humanHandOver',
  ADVANCED_FOLLOWUP: 'advancedFollowup',
  TRANSFER_BOT: 'transferBot',
};

/** Accepts `advancedFollowup` and `ADVANCED_FOLLOWUP`; anything else is returned unchanged. */
export function normalizeActionType(value: unknown): unknown {
  return typeof value === 'string' && UPPER_SNAKE[value] ? UPPER_SNAKE[value] : value;
}

const DETAILS_CLASS: Record<ActionType, ClassConstructor<object>> = {
  triggerWorkflow: TriggerWorkflowDetailsDto,
  updateContactField: UpdateContactFieldDetailsDto,
  appointmentBooking: AppointmentBookingDetailsDto,
  stopBot: StopBotDetailsDto,
  humanHandOver: HumanHandOverDetailsDto,
  advancedFollowup: AdvancedFollowupDetailsDto,
  transferBot: TransferBotDetailsDto,
};

/** Validates `details` by the action's type; returns the normalised details or the problems. */
export function parseActionDetails(type: ActionType, details: unknown): { details: Record<string, unknown>; errors: string[] } {
  const { value, errors } = validatePlain(DETAILS_CLASS[type], details, 'details');
  return { details: JSON.parse(JSON.stringify(value)) as Record<string, unknown>, errors };
}

/** Body of `POST .../actions` and `PUT .../actions/:actionId`. */
export class ActionRequestDto {
  @Transform(({ value }) => normalizeActionType(value))
  @IsIn(ACTION_TYPES, {
    message: `type must be one of: ${ACTION_TYPES.join(', ')} (or the same in UPPER_SNAKE, e.g. ADVANCED_FOLLOWUP)`,
  })
  type!: ActionType;

  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name!: string;

  /** Depends on `type`; validated with that type's rules. */
  @IsObject() details!: Record<string, unknown>;
}
