import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidatorOptions, validateSync } from 'class-validator';
import { flattenValidationErrors } from './flatten-errors';

/** The options every request body is validated with: unknown fields are errors. */
export const STRICT_VALIDATION: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: true },
};

export interface Validated<T> {
  value: T;
  errors: string[];
}

/**
 * Validates a plain value against a DTO class outside the HTTP pipe (for bodies whose shape depends
 * on another field, or for merged "current + patch" objects). Errors are prefixed with `path`.
 */
export function validatePlain<T extends object>(cls: ClassConstructor<T>, plain: unknown, path = ''): Validated<T> {
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) {
    return { value: plain as T, errors: [`${path || 'body'} must be a JSON object`] };
  }
  const value = plainToInstance(cls, plain, { exposeDefaultValues: true });
  const errors = flattenValidationErrors(validateSync(value, STRICT_VALIDATION), path);
  return { value, errors };
}

/** Finds strings holding a NUL character (no database accepts them as text). */
export function findNulStrings(value: unknown, path = ''): string[] {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? [`${path || 'value'} must not contain NUL characters`] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => findNulStrings(item, path ? `${path}.${i}` : String(i)));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => {
      const keyErrors = key.includes('\u0000') ? [`${path || 'body'} has a key with a NUL character`] : [];
      return [...keyErrors, ...findNulStrings(item, path ? `${path}.${key}` : key)];
    });
  }
  return [];
}
