/** The gateway's HTTP API as the dashboard calls it: same origin, the signed-in token, JSON. */

/** An answer that was not 2xx, with the API's message lines (a 422 has one per problem, naming the field). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly lines: string[],
  ) {
    super(lines.join('; ') || `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
}

/** The message lines of an error body (`message` is a string or a list of them). */
export function errorLines(status: number, body: unknown): string[] {
  const message = (body as { message?: unknown } | null)?.message;
  if (Array.isArray(message)) return message.map(String);
  if (typeof message === 'string') return [message];
  if (status === 0) return ['The gateway cannot be reached. Check that it is running.'];
  return [`The gateway answered ${status}.`];
}

/** Words for an error, for people: what went wrong and, where it helps, what to do. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Your API token is not valid any more. Sign in again.';
    if (error.status === 404) return `Not found: ${error.lines.join(' ')}`;
    return error.lines.join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

/** A client for one token; `onUnauthorized` runs when the gateway refuses it (revoked, wrong). */
export function createApi(token: string, onUnauthorized: () => void = () => undefined, base = ''): Api {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', version: '2021-04-15' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, errorLines(0, null));
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok) {
      if (response.status === 401) onUnauthorized();
      throw new ApiError(response.status, errorLines(response.status, parsed));
    }
    return parsed as T;
  }
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    patch: (path, body) => call('PATCH', path, body),
    del: (path) => call('DELETE', path),
  };
}

/** `?a=1&b=2` from the defined values of an object. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
