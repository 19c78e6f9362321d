import { DestinationNotAllowedError, GuardedHttpAgent, GuardedHttpsAgent, literalHostProblem } from '@followup/util';
import * as https from 'node:https';
import twilio from 'twilio';

/** Twilio's REST API, where the SDK sends unless a connection's `api_base_url` says otherwise. */
export const TWILIO_API = 'https://api.twilio.com';
const TIMEOUT_MS = 10_000;

export type TwilioClient = ReturnType<typeof twilio>;
type RequestClient = InstanceType<typeof twilio.RequestClient>;
type RequestOptions = Parameters<RequestClient['request']>[0];

/** Keep-alive agents that connect only where the network policy allows (util's network-policy.ts). */
const agents = {
  http: new GuardedHttpAgent({ keepAlive: true, timeout: TIMEOUT_MS }),
  https: new GuardedHttpsAgent({ keepAlive: true, timeout: TIMEOUT_MS }),
};

/**
 * The real `twilio` SDK's request client, connecting through the guarded agents, and pointed at a
 * configurable API base URL when one is given: it rewrites `https://api.twilio.com` (and Twilio's
 * other hosts) to the connection's `api_base_url`, so a deployment can use a regional edge, a proxy
 * or a test double without code changes. A base URL whose host is a non-public address written
 * out is refused before anything is sent; a name is checked by the agents' lookup.
 */
class GuardedRequestClient {
  private readonly inner: RequestClient;

  constructor(private readonly baseUrl?: string) {
    this.inner = new twilio.RequestClient({ timeout: TIMEOUT_MS, keepAlive: true });
    const defaults = this.inner.axios.defaults;
    // Twilio's own https agent, unless HTTP_PROXY made it a proxy's (then the proxy connects).
    if (defaults.httpsAgent instanceof https.Agent) defaults.httpsAgent = agents.https;
    defaults.httpAgent = agents.http;
  }

  request(options: RequestOptions) {
    const uri = this.baseUrl ? String(options.uri).replace(/^https:\/\/[a-z0-9.-]*twilio\.com/, this.baseUrl) : String(options.uri);
    const problem = literalHostProblem(hostOf(uri));
    if (problem) return Promise.reject(new DestinationNotAllowedError(problem));
    return this.inner.request({ ...options, uri });
  }
}

function hostOf(uri: string): string {
  try {
    return new URL(uri).hostname;
  } catch {
    return '';
  }
}

const clients = new Map<string, TwilioClient>();

/**
 * One SDK client per account, token and base URL (clients hold keep-alive connections), shared by
 * the SMS and voice libraries.
 */
export function twilioClient(accountSid: string, authToken: string, apiBaseUrl = TWILIO_API): TwilioClient {
  const key = `${accountSid}\u0000${authToken}\u0000${apiBaseUrl}`;
  let client = clients.get(key);
  if (!client) {
    const base = apiBaseUrl.replace(/\/+$/, '');
    const httpClient = new GuardedRequestClient(base === TWILIO_API ? undefined : base) as unknown as RequestClient;
    client = twilio(accountSid, authToken, { timeout: TIMEOUT_MS, httpClient });
    clients.set(key, client);
  }
  return client;
}

export function forgetTwilioClients(): void {
  clients.clear();
}
