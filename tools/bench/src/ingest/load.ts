import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import { stringify } from 'node:querystring';

/** What one load run is told (JSON in argv[2]). */
export interface LoadSpec {
  /** The URL as Twilio would call it (signatures cover it), e.g. http://127.0.0.1:4000/webhooks/twilio/<id>/messages. */
  url: string;
  authToken: string;
  accountSid: string;
  to: string;
  senders: number;
  connections: number;
  warmupMs: number;
  measureMs: number;
  /** Makes this run's MessageSids unique across runs against the same store. */
  sidPrefix: string;
  texts: string[];
}

export interface LoadResult {
  /** Requests answered 2xx during the measured window, per second. */
  rps: number;
  p50: number;
  p99: number;
  /** Every request sent (warm-up included), and how each was answered. */
  sent: number;
  ok: number;
  statuses: Record<string, number>;
}

/** Twilio's request signature: HMAC-SHA1 of the URL and the sorted form parameters, keyed by the auth token. */
function sign(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/**
 * Signed Twilio inbound webhooks from `senders` numbers over `connections` keep-alive connections,
 * each connection sending its next request when the last is answered (a closed loop, as a provider's
 * webhook workers do). Latencies count only requests started inside the measured window.
 */
async function run(spec: LoadSpec): Promise<LoadResult> {
  const target = new URL(spec.url);
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let sent = 0;
  let ok = 0;
  let okMeasured = 0;
  const start = Date.now();
  const measureFrom = start + spec.warmupMs;
  const end = measureFrom + spec.measureMs;
  const one = (n: number) =>
    new Promise<void>((resolve) => {
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
      const began = Date.now();
      const req = request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            'x-twilio-signature': sign(spec.authToken, spec.url, params),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = String(res.statusCode);
            statuses[status] = (statuses[status] ?? 0) + 1;
            const good = (res.statusCode ?? 500) < 300;
            if (good) ok++;
            if (began >= measureFrom && began < end) {
              latencies.push(Date.now() - began);
              if (good) okMeasured++;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        statuses['error'] = (statuses['error'] ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });
  await Promise.all(
    Array.from({ length: spec.connections }, async () => {
      while (Date.now() < end) await one(sent++);
    }),
  );
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(okMeasured / (spec.measureMs / 1000)),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    sent,
    ok,
    statuses,
  };
}

void run(JSON.parse(process.argv[2] as string) as LoadSpec).then((result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
});
