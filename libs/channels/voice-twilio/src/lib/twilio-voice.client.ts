import twilio from 'twilio';
import { TWILIO_API } from './twilio-voice.settings';

const TIMEOUT_MS = 10_000;

type RequestClient = InstanceType<typeof twilio.RequestClient>;
type RequestOptions = Parameters<RequestClient['request']>[0];

/**
 * The real `twilio` SDK, pointed at the connection's `api_base_url` (a regional edge, a proxy, a
 * test double): a request client that rewrites Twilio's hosts to it. The SMS library has its own
 * copy: a channel library imports only channels-core, contracts and util.
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

const clients = new Map<string, ReturnType<typeof twilio>>();

/** One SDK client per account, token and base URL (clients hold keep-alive connections). */
export function twilioVoiceClient(accountSid: string, authToken: string, apiBaseUrl = TWILIO_API): ReturnType<typeof twilio> {
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
