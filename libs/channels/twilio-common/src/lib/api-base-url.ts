/** Problems with a connection's `api_base_url` (an http(s) URL without a path), one line each. */
export function apiBaseUrlProblems(value: unknown): string[] {
  if (value === undefined) return [];
  if (typeof value !== 'string' || !/^https?:\/\/[^\s/]+(:\d+)?\/?$/.test(value))
    return ['settings.api_base_url must be an http(s) URL without a path, such as https://api.twilio.com'];
  return [];
}
