import { isIanaZone, suggestIanaZone } from '@followup/util';
import { Duration } from 'luxon';
import { ValidateBy, ValidationOptions, isEmail } from 'class-validator';

/** The line a zone that is not an IANA region name gets, suggesting the region an abbreviation means. */
export function ianaZoneProblem(property: string, value: unknown): string {
  const region = typeof value === 'string' ? suggestIanaZone(value) : undefined;
  return region
    ? `${property} must be an IANA region name such as ${region} ("${String(value)}" is an abbreviation or offset rule; use ${region})`
    : `${property} must be an IANA region name (Area/Location, e.g. America/New_York) or UTC`;
}

/**
 * A real IANA region name (`Europe/London`, `UTC`), checked against the runtime's time zone data;
 * abbreviations (`BST`, `PST`) and POSIX rules (`EST5EDT`) are refused with the region they likely mean.
 */
export function IsIanaTimezone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIanaTimezone',
      validator: {
        validate: (value) => typeof value === 'string' && isIanaZone(value),
        defaultMessage: (args) => ianaZoneProblem(args?.property ?? 'timezone', args?.value),
      },
    },
    options,
  );
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * An email address. Total: validator.js's isEmail throws (URIError) on strings with lone UTF-16
 * surrogates; those are refused like any other bad address instead of answering 500.
 */
export function IsEmailAddress(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEmailAddress',
      validator: {
        validate: (value) => {
          if (typeof value !== 'string' || LONE_SURROGATE.test(value)) return false;
          try {
            return isEmail(value);
          } catch {
            return false;
          }
        },
        defaultMessage: (args) => `${args?.property} must be an email address`,
      },
    },
    options,
  );
}

/**
 * A whole number query parameter from `min` to `max`, written as plain digits (`?limit=20`); read as a
 * number. Anything else (`abc`, `1.5`, `1e1`, ` 5`, a repeated parameter) gets one line naming the range.
 */
export function IsIntParam(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isIntParam',
      validator: {
        validate: (value) => typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max,
        defaultMessage: (args) => `${args?.property} must be an integer from ${min} to ${max}`,
      },
    },
    options,
  );
}

/** Reads a query string's digits as a number; anything else stays as it came (and fails IsIntParam). */
export function intParam({ value }: { value: unknown }): unknown {
  return typeof value === 'string' && /^(0|[1-9]\d{0,8})$/.test(value) ? Number(value) : value;
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
