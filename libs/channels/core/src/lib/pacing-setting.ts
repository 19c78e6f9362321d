/**
 * The setting every connection takes, whatever its provider: how many messages per second the
 * gateway sends through it (`messages_per_second`, 0.01 to 1000). Absent: the adapter's
 * `capabilities.sendsPerSecond` (WhatsApp: 80, Meta's default per number), else unpaced (Twilio
 * queues at its end; an SMTP server answers for itself).
 */
export const PACING_SETTING = 'messages_per_second';

export function pacingProblems(settings: Record<string, unknown>): string[] {
  const value = settings[PACING_SETTING];
  if (value === undefined || value === null) return [];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0.01 && value <= 1000
    ? []
    : [`settings.${PACING_SETTING} must be a number of messages per second from 0.01 to 1000`];
}

/** The settings a provider validates itself: the common ones are checked here (pacingProblems), not by each provider. */
export function providerSettings(settings: Record<string, unknown>): Record<string, unknown> {
  if (!(PACING_SETTING in settings)) return settings;
  const { [PACING_SETTING]: _, ...rest } = settings;
  return rest;
}
