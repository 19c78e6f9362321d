import { WebhookRejected } from '@followup/channels-core';

/** A JSON object of a provider payload, read field by field; every problem names its path. */
export type Obj = Record<string, unknown>;

/** 400 naming the part of the payload that is not what Meta sends. */
export function malformed(path: string, text: string): WebhookRejected {
  return new WebhookRejected(400, `${path} ${text}`);
}

export function object(value: unknown, path: string): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw malformed(path, 'must be an object');
  return value as Obj;
}

export function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw malformed(path, 'must be an array');
  return value;
}

/** A list that may be left out. */
export function optionalList(value: unknown, path: string): unknown[] {
  return value === undefined || value === null ? [] : list(value, path);
}

/** A non-empty string (`pattern`, when given, must match it). */
export function text(o: Obj, key: string, path: string, pattern?: RegExp): string {
  const value = o[key];
  if (typeof value !== 'string' || !value) throw malformed(`${path}.${key}`, 'must be a non-empty string');
  if (pattern && !pattern.test(value)) throw malformed(`${path}.${key}`, `${JSON.stringify(value.slice(0, 80))} does not match ${pattern}`);
  return value;
}

/** A string that may be left out (an empty one reads as left out). */
export function optionalText(o: Obj, key: string, path: string): string | undefined {
  const value = o[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw malformed(`${path}.${key}`, 'must be a string');
  return value;
}

/** Meta's Unix timestamps (seconds, sent as a string of digits), as a Date. */
export function seconds(o: Obj, key: string, path: string): Date {
  const value = o[key];
  const digits = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  if (typeof digits !== 'string' || !/^\d{1,12}$/.test(digits)) throw malformed(`${path}.${key}`, 'must be a Unix time in seconds');
  return new Date(Number(digits) * 1000);
}
