import { createHmac } from 'node:crypto';
import { Agent } from 'node:http';
import { stringify } from 'node:querystring';
import { LoadResult, LoadWindow, closedLoop, httpRequest, loadMain } from '../load/closed-loop';

export type { LoadResult } from '../load/closed-loop';

/** What one load run is told (JSON in argv[2]). */
export interface LoadSpec extends LoadWindow {
  /** The URL as Twilio would call it (signatures cover it), e.g. http://127.0.0.1:4000/webhooks/twilio/<id>/messages. */
  url: string;
  authToken: string;
  accountSid: string;
  to: string;
  senders: number;
  /** Makes this run's MessageSids unique across runs against the same store. */
  sidPrefix: string;
  texts: string[];
}

/** Twilio's request signature: HMAC-SHA1 of the URL and the sorted form parameters, keyed by the auth token. */
function sign(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Signed Twilio inbound webhooks from `senders` numbers, in a closed loop (a provider's webhook workers). */
async function run(spec: LoadSpec): Promise<LoadResult> {
  const target = new URL(spec.url);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const result = await closedLoop(spec, async (n) => {
    const params = {
      AccountSid: spec.accountSid,
      ApiVersion: '2010-04-01',
      Body: spec.texts[n % spec.texts.length] as string,
      From: `+1555${String(n % spec.senders).padStart(7, '0')}`,
      MessageSid: `SM${spec.sidPrefix}${n.toString(16).padStart(32 - spec.sidPrefix.length, '0')}`,
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      To: spec.to,
    };
    const body = stringify(params);
    const headers = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-twilio-signature': sign(spec.authToken, spec.url, params),
    };
    return { kind: 'webhook', status: (await httpRequest(agent, target, 'POST', headers, body)).status };
  });
  agent.destroy();
  return result;
}

loadMain(run);
