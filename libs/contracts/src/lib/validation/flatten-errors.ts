import { ValidationError } from 'class-validator';

/**
 * Turns class-validator's error tree into one line per problem, each naming the full path of the
 * field (`details.followupSequence.0.followupTime must not be greater than 60`). Needs the errors
 * to carry their values (`validationError.value` left on), to tell a missing field from a bad one.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const path = parentPath ? `${parentPath}.${error.property}` : error.property;
    const constraints = error.constraints ?? {};
    if (error.value === undefined && Object.keys(constraints).length > 0) {
      // A missing field: one line saying so, not one per rule it would have had to pass.
      lines.push(constraints['isDefined'] ? withPath(constraints['isDefined'], error.property, path) : `${path} is required`);
    } else {
      for (const message of Object.values(constraints)) lines.push(withPath(message, error.property, path));
    }
    if (error.children?.length) {
      lines.push(...flattenValidationErrors(error.children, path));
    }
  }
  return lines;
}

function withPath(message: string, property: string, path: string): string {
  if (property === path) return message;
  const escaped = property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|\\s)${escaped}(?=\\s|$|\\.|,)`);
  if (re.test(message)) return message.replace(re, (_m, lead: string) => `${lead}${path}`);
  return `${path}: ${message}`;
}
