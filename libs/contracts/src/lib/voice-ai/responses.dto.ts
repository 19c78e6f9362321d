import { IntervalDto } from '../working-hours/working-hours.dto';

export class VoiceWorkingDayResponseDto {
  dayOfTheWeek!: number;
  intervals!: IntervalDto[];
}

export class PostCallNotificationResponseDto {
  admins!: boolean;
  allUsers!: boolean;
  contactAssignedUser!: boolean;
  specificUsers!: string[];
  customEmails!: string[];
}

export class TranslationResponseDto {
  enabled!: boolean;
  language?: string;
}

/** A voice agent as `POST`, `PATCH` and `GET` answer it (seed 002). */
export class VoiceAgentDto {
  id!: string;
  locationId!: string;
  agentName!: string;
  businessName!: string;
  welcomeMessage!: string;
  agentPrompt!: string;
  voiceId!: string;
  language!: string;
  patienceLevel!: string;
  maxCallDuration!: number;
  sendUserIdleReminders!: boolean;
  reminderAfterIdleTimeSeconds!: number;
  inboundNumber!: string | null;
  numberPoolId!: string | null;
  callEndWorkflowIds!: string[];
  sendPostCallNotificationTo!: PostCallNotificationResponseDto;
  agentWorkingHours!: VoiceWorkingDayResponseDto[];
  timezone!: string;
  isAgentAsBackupDisabled!: boolean;
  translation!: TranslationResponseDto;
  /** Voice actions attached to the agent (none are managed here yet). */
  actions?: Record<string, unknown>[];
}

export class VoiceAgentListDto {
  total!: number;
  page!: number;
  pageSize!: number;
  agents!: VoiceAgentDto[];
}
