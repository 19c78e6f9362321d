import { literalUrlProblem } from '@followup/util';

/**
 * Problems with a connection's `api_base_url` (an http(s) URL without a path), one line each: a
 * loopback or private address written in it is refused unless the network policy allows it (a
 * name is checked when sending, after DNS).
 */
export function apiBaseUrlProblems(value: unknown): string[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(value))
    return ['settings.api_base_url must be an http(s) URL without a path, such as https://api.twilio.com'];
  const refused = literalUrlProblem(value);
  return refused ? [`settings.api_base_url: ${refused}`] : [];
}
