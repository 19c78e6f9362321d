import { IsDefined, ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';

/**
 * A rule that may look at the whole object (cross-field rules such as "required when X",
 * "cannot be true when Y", "max 60 when the unit is minutes"). The message should start with
 * the property name; the error flattener replaces it with the full path.
 */
export function Check<T extends object = Record<string, unknown>>(
  test: (value: unknown, object: T) => boolean,
  message: string | ((value: unknown, object: T) => string),
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'check',
      validator: {
        validate: (value, args) => test(value, (args?.object ?? {}) as T),
        defaultMessage: (args) => (typeof message === 'function' ? message(args?.value, (args?.object ?? {}) as T) : message),
      },
    },
    options,
  );
}

/**
 * "required when": optional, unless `when` holds, then it must be present (not undefined/null).
 * Use it instead of @IsOptional (which would skip this rule too); the property's other decorators
 * check its type and format whenever it is present.
 */
export function RequiredWhen<T extends object = Record<string, unknown>>(when: (object: T) => boolean, message: string): PropertyDecorator {
  return (target, key) => {
    ValidateIf((object: T, value: unknown) => (value !== undefined && value !== null) || when(object))(target, key);
    IsDefined({ message })(target, key);
  };
}

/** "cannot be true when": a boolean that must not be true while `when` holds. */
export function NotTrueWhen<T extends object = Record<string, unknown>>(when: (object: T) => boolean, message: string): PropertyDecorator {
  return Check<T>((value, object) => !(value === true && when(object)), message);
}

/**
 * May be left out, but is not nullable: `null` is checked like any other value (and refused by
 * the type rules). Use @IsOptional only where null is a meaningful value ("clear this field").
 */
export function Optional(): PropertyDecorator {
  return ValidateIf((_object: unknown, value: unknown) => value !== undefined);
}
