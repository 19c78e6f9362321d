import { isIanaZone } from '@followup/util';
import { Duration } from 'luxon';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** A real IANA zone (checked against the runtime's time zone data, not only its shape). */
export function IsIanaTimezone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimezone',
      validator: {
        validate: (value) => typeof value === 'string' && isIanaZone(value),
        defaultMessage: (args) => `${args?.property} must be a valid IANA time zone (e.g. America/New_York)`,
      },
    },
    options,
  );
}

/** Milliseconds of an ISO 8601 duration (`PT30M`, `P1DT12H`), or null when it is not one. */
export function isoDurationMs(value: unknown): number | null {
  if (typeof value !== 'string' || !/^P/.test(value)) return null;
  const duration = Duration.fromISO(value);
  if (!duration.isValid) return null;
  const ms = duration.as('milliseconds');
  return Number.isFinite(ms) ? ms : null;
}

export function IsIsoDuration(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIsoDuration',
      validator: {
        validate: (value) => isoDurationMs(value) !== null,
        defaultMessage: (args) => `${args?.property} must be an ISO 8601 duration such as PT30M or P1D`,
      },
    },
    options,
  );
}

/** E.164 phone number: `+` then 8 to 15 digits, no leading zero. */
export const E164_RE = /^\+[1-9]\d{7,14}$/;

/** Max length for names and short labels; free text gets LONG_TEXT. */
export const SHORT_TEXT = 255;
export const MEDIUM_TEXT = 2000;
export const LONG_TEXT = 20000;
export const MAX_LIST = 100;
