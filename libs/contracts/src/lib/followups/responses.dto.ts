/** A follow-up configuration (seed 003), snake_case. */
export class FollowupConfigStepResponseDto {
  interval!: string;
  prompt?: string;
  template_name?: string;
  template_language?: string;
  template_params?: string[];
}

export class OfficialChannelResponseDto {
  channel_id!: string;
  channel_name?: string;
  app_id!: string;
  steps!: FollowupConfigStepResponseDto[];
}

export class FollowupConfigDto {
  id!: string;
  /** The location (tenant) owning the configuration. */
  tenant_id!: string;
  assistant_id!: string;
  trigger_status_ids!: string[];
  steps!: FollowupConfigStepResponseDto[];
  official_steps!: OfficialChannelResponseDto[];
  is_active!: boolean;
  created_at!: string;
  updated_at!: string;
}

/** One try of a follow-up step on a channel (the engine's steps have one per channel tried). */
export class DeliveryAttemptDto {
  channel!: string;
  connection_id!: string | null;
  provider_message_id!: string | null;
  /** sending, queued, sent, delivered, read, failed, undelivered, unknown (the outcome could not be known). */
  status!: string;
  error_code!: string | null;
  /** The typed reason code (see the README's table of reason codes). */
  reason_code!: string | null;
  reason!: string | null;
  /** When the attempt started (just before the provider was called). */
  at!: string;
  updated_at!: string;
}

/** A follow-up record (seed 004), snake_case; dates in ISO 8601 UTC. */
export class FollowupDto {
  id!: string;
  debt_id!: string | null;
  contact_id!: string | null;
  conversation_id!: string | null;
  status!: string;
  type!: string;
  call_date!: string | null;
  scheduled_at!: string | null;
  summary!: string | null;
  notes!: string | null;
  call_id!: string | null;
  audio_url!: string | null;
  duration_ms!: number | null;
  disconnection_reason!: string | null;
  direction!: string | null;
  phone_number_used!: string | null;
  is_retry!: boolean;
  processed_at!: string | null;
  /** Why it is in its status, in words, and as a typed code. */
  status_reason!: string | null;
  reason_code!: string | null;
  /** Its delivery attempts, oldest first (none for a manual record). */
  attempts!: DeliveryAttemptDto[];
  created_at!: string;
  updated_at!: string;
}

export class FollowupEnvelopeDto {
  error!: boolean;
  message!: string;
  data!: FollowupDto;
}

export class CursorPaginationDto {
  limit!: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  next_cursor!: string | null;
}

export class FollowupListDto {
  error!: boolean;
  data!: FollowupDto[];
  pagination!: CursorPaginationDto;
}
