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

interface Visit {
  value: unknown;
  path: string;
  depth: number;
  /** Set when the key leading here holds a NUL: the path of the object that has it. */
  badKeyOf?: string;
}

/** How deep a request body may nest objects and arrays (the seeds' deepest body needs 5). */
export const MAX_JSON_DEPTH = 32;

/**
 * Finds strings holding a NUL character (no database accepts them as text), and refuses values
 * nested deeper than `maxDepth` with one line naming the limit. Iterative: a body of any depth
 * cannot overflow the stack. Buffers (raw bodies) are not walked.
 */
export function findNulStrings(value: unknown, path = '', maxDepth = MAX_JSON_DEPTH): string[] {
  const errors: string[] = [];
  const stack: Visit[] = [{ value, path, depth: 0 }];
  while (stack.length) {
    const item = stack.pop() as Visit;
    if (item.badKeyOf !== undefined) errors.push(`${item.badKeyOf || 'body'} has a key with a NUL character`);
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) errors.push(`${item.path || 'value'} must not contain NUL characters`);
      continue;
    }
    if (item.value === null || typeof item.value !== 'object' || Buffer.isBuffer(item.value)) continue;
    if (item.depth >= maxDepth) return [`${path || 'body'} is nested deeper than ${maxDepth} levels`];
    const entries = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v] as const) : Object.entries(item.value);
    const children: Visit[] = [];
    for (const [key, child] of entries) {
      const badKeyOf = key.includes('\u0000') ? item.path : undefined;
      children.push({ value: child, path: item.path ? `${item.path}.${key}` : key, depth: item.depth + 1, badKeyOf });
    }
    stack.push(...children.reverse());
  }
  return errors;
}
