import { Agent, request } from 'node:http';

/** How long a load runs and over how many keep-alive connections. */
export interface LoadWindow {
  connections: number;
  warmupMs: number;
  measureMs: number;
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
  /** Per kind of request (the `kind` each send names): 2xx answers in the window per second, and p99. */
  kinds: Record<string, { rps: number; p99: number }>;
}

/** One request: what kind it is (for the per-kind figures), and how it went. */
export interface Sent {
  kind: string;
  status: number | 'error';
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** A keep-alive HTTP/1.1 request with a body; answers the status and the body's text (or 'error'). */
export function httpRequest(
  agent: Agent,
  url: URL,
  method: string,
  headers: Record<string, string | number>,
  body: string,
): Promise<{ status: number | 'error'; text: string }> {
  return new Promise((resolve) => {
    const req = request({ agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 500, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', () => resolve({ status: 'error', text: '' }));
    req.end(body);
  });
}

/**
 * A closed loop, as a provider's webhook workers or an API client's workers run: `connections`
 * workers, each sending its next request when the last is answered, for the warm-up and then the
 * measured window. Latencies count only requests started inside the measured window.
 * `send(n, worker)` makes request number n (over all workers) for that worker.
 */
export async function closedLoop(window: LoadWindow, send: (n: number, worker: number) => Promise<Sent>): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const byKind = new Map<string, number[]>();
  let sent = 0;
  let ok = 0;
  let okMeasured = 0;
  const measureFrom = Date.now() + window.warmupMs;
  const end = measureFrom + window.measureMs;
  await Promise.all(
    Array.from({ length: window.connections }, async (_, worker) => {
      while (Date.now() < end) {
        const began = Date.now();
        const { kind, status } = await send(sent++, worker);
        statuses[String(status)] = (statuses[String(status)] ?? 0) + 1;
        const good = status !== 'error' && status < 300;
        if (good) ok++;
        if (began >= measureFrom && began < end) {
          const took = Date.now() - began;
          latencies.push(took);
          if (good) {
            okMeasured++;
            const list = byKind.get(kind) ?? [];
            list.push(took);
            byKind.set(kind, list);
          }
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = window.measureMs / 1000;
  const kinds: LoadResult['kinds'] = {};
  for (const [kind, list] of byKind) {
    list.sort((a, b) => a - b);
    kinds[kind] = { rps: Math.round(list.length / seconds), p99: percentile(list, 99) };
  }
  return {
    rps: Math.round(okMeasured / seconds),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    sent,
    ok,
    statuses,
    kinds,
  };
}

/** Runs a load generator's main: its spec is JSON in argv[2], its result JSON on stdout. */
export function loadMain<Spec>(run: (spec: Spec) => Promise<LoadResult>): void {
  void run(JSON.parse(process.argv[2] as string) as Spec).then((result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  });
}
