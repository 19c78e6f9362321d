import twilio from 'twilio';

/** Twilio's REST API, where the SDK sends unless a connection's `api_base_url` says otherwise. */
export const TWILIO_API = 'https://api.twilio.com';
const TIMEOUT_MS = 10_000;

export type TwilioClient = ReturnType<typeof twilio>;
type RequestClient = InstanceType<typeof twilio.RequestClient>;
type RequestOptions = Parameters<RequestClient['request']>[0];

/**
 * The real `twilio` SDK, pointed at a configurable API base URL: a request client that rewrites
 * `https://api.twilio.com` (and Twilio's other hosts) to the connection's `api_base_url`, so a
 * deployment can use a regional edge, a proxy or a test double without code changes.
 */
class BaseUrlRequestClient {
  private readonly inner: RequestClient;

  constructor(private readonly baseUrl: string) {
    this.inner = new twilio.RequestClient({ timeout: TIMEOUT_MS, keepAlive: true });
  }

  request(options: RequestOptions) {
    const uri = String(options.uri).replace(/^https:\/\/[a-z0-9.-]*twilio\.com/, this.baseUrl);
    return this.inner.request({ ...options, uri });
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
    client = twilio(
      accountSid,
      authToken,
      base === TWILIO_API ? { timeout: TIMEOUT_MS } : { httpClient: new BaseUrlRequestClient(base) as unknown as RequestClient },
    );
    clients.set(key, client);
  }
  return client;
}

export function forgetTwilioClients(): void {
  clients.clear();
}
