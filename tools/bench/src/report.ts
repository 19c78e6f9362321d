import { CONCURRENCY, N_STEADY, N_THROUGHPUT, PENDING_LARGE, PENDING_SMALL, RATE, RUNS } from './settings';
import { NOTES } from './notes';
import type { Row, Saved } from './saved';
import { targets } from './targets';

const ENGINES = [
  { key: 'sqlite', name: 'SQLite' },
  { key: 'postgres', name: 'PostgreSQL' },
];

export const fmt = (v: unknown, digits = 0) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : String(v ?? '–'));
export const ratio = (ours: unknown, theirs: unknown) =>
  typeof ours === 'number' && typeof theirs === 'number' && theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : '–';
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
const provenance = (run: { date: string; command: string; seconds: number; machine?: string }) =>
  `Measured on ${run.date.slice(0, 10)} by \`${run.command}\` (${Math.round(run.seconds)} s) on ${run.machine ?? 'an unrecorded machine'}.`;

function targetSection(saved: Saved): string {
  const rows = targets(saved).map((t) => [t.label, ...ENGINES.map((e) => t.verdict(e.key))]);
  return table(['target (issue 10)', ...ENGINES.map((e) => e.name)], rows);
}

function ingestSection(saved: Saved): string {
  if (!saved.ingest) return '_Not measured yet: `npm run bench -- --suites=ingest`._';
  const f = saved.ingest.figures;
  const floor = f['floor'] ?? {};
  const cols = [{ key: 'floor', name: 'bare floor' }, ...ENGINES].filter((c) => f[c.key]);
  const row = (label: string, value: (r: Row) => string) => [label, ...cols.map((c) => value(f[c.key] ?? {}))];
  return `${provenance(saved.ingest)}

${table(
  ['', ...cols.map((c) => c.name)],
  [
    row('requests/s (mean of the turns)', (r) => fmt(r['rps'])),
    row('requests/s of each turn', (r) => String(r['rps_runs'] ?? '–')),
    row('÷ the bare floor', (r) => ratio(r['rps'], floor['rps'])),
    row('p99 (ms, worst turn)', (r) => fmt(r['p99_ms'])),
    row('p99 of each turn (ms)', (r) => String(r['p99_runs'] ?? '–')),
    row('answered 2xx', (r) => fmt(r['answered_ok'])),
    row('not answered 2xx', (r) => fmt(r['not_ok'])),
    row('inbound rows stored', (r) => fmt(r['rows'])),
    row('lost (2xx without a row)', (r) => fmt(r['lost'])),
    row('recorded twice', (r) => fmt(r['duplicated'])),
    row('follow-ups scheduled by the replies', (r) => fmt(r['followups'])),
  ],
)}`;
}

function apiSection(saved: Saved): string {
  if (!saved.api) return '_Not measured yet: `npm run bench -- --suites=api`._';
  const f = saved.api.figures;
  const cols = ENGINES.filter((c) => f[c.key]);
  const kinds = Object.keys(f[cols[0]?.key ?? ''] ?? {})
    .filter((k) => k.startsWith('rps '))
    .map((k) => k.slice(4));
  const row = (label: string, value: (r: Row) => string) => [label, ...cols.map((c) => value(f[c.key] ?? {}))];
  return `${provenance(saved.api)}

${table(
  ['', ...cols.map((c) => c.name)],
  [
    row('writes/s (mean of the turns)', (r) => fmt(r['rps'])),
    row('writes/s of each turn', (r) => String(r['rps_runs'] ?? '–')),
    row('p99 (ms, worst turn)', (r) => fmt(r['p99_ms'])),
    ...kinds.map((k) => row(`${k}: writes/s, p99 ms`, (r) => `${fmt(r[`rps ${k}`])}, ${fmt(r[`p99 ${k}`])}`)),
    row('not answered 2xx', (r) => fmt(r['not_ok'])),
    row('rows: contacts, conversations, messages, records', (r) =>
      ['contacts', 'conversations', 'messages', 'followup_records'].map((k) => fmt(r[k])).join(', '),
    ),
  ],
)}`;
}

function dispatchSection(saved: Saved): string {
  if (!saved.dispatch) return '_Not measured yet: `npm run bench -- --suites=dispatch`._';
  const { results, bull } = saved.dispatch.figures;
  const cols = ENGINES.filter((c) => results[c.key]);
  const row = (label: string, key: string, digits = 0, compare = true) => [
    label,
    ...cols.map((c) => fmt(results[c.key]?.[key], digits)),
    fmt(bull[key], digits),
    ...cols.map((c) => (compare ? ratio(results[c.key]?.[key], bull[key]) : '–')),
  ];
  const own = (label: string, value: (r: Row) => string) => [
    label,
    ...cols.map((c) => value(results[c.key] ?? {})),
    '–',
    ...cols.map(() => '–'),
  ];
  const large = PENDING_LARGE.toLocaleString('en');
  return `${provenance(saved.dispatch)}

${table(
  ['metric', ...cols.map((c) => c.name), 'BullMQ', ...cols.map((c) => `${c.name} ÷ BullMQ`)],
  [
    row(`throughput (messages/s, median of ${RUNS})`, 'throughput'),
    [
      'throughput of each run',
      ...cols.map((c) => String(results[c.key]?.['throughput_runs'] ?? '–')),
      String(bull['throughput_runs'] ?? '–'),
      ...cols.map(() => '–'),
    ],
    row('lateness p50 (ms)', 'lateness_p50'),
    row('lateness p99 (ms)', 'lateness_p99'),
    row('lateness max (ms)', 'lateness_max'),
    row('repeated messages at the provider', 'repeats', 0, false),
    row(`RSS under the ${RATE}/s load (MB)`, 'rss_under_load_mb'),
    own(`claim time, ${PENDING_SMALL.toLocaleString('en')} pending (ms)`, (r) => fmt(r['claim_ms_small'], 2)),
    own(`claim time, ${large} pending (ms)`, (r) => fmt(r['claim_ms_large'], 2)),
    own('claim time ratio (large ÷ small)', (r) => ratio(r['claim_ms_large'], r['claim_ms_small'])),
    own(`RSS idle, ${large} pending (MB)`, (r) => fmt(r['rss_idle_large_mb'])),
    own(`RSS peak, ${large} pending (MB)`, (r) => fmt(r['rss_peak_large_mb'])),
  ],
)}`;
}

/** docs/benchmarks.md from the saved figures of each suite. */
export function report(saved: Saved): string {
  return `# Benchmarks

Produced by \`npm run bench\` (tools/bench): every suite on both engines, about 25 minutes; one suite
with \`npm run bench -- --suites=ingest\` (or \`api\`, \`dispatch\`), which replaces only that suite's figures
(each section says when and by which command it was measured); \`-- --quick\` for a short trial that
writes nothing. PostgreSQL and Redis run on the same machine, on loopback.
These are measurements, not tests: nothing in the test suite asserts a timing.

![Each target's figure as a share of the target (1 = just met)](benchmarks.svg)

## Against the targets

${targetSection(saved)}

## Signed inbound ingest

Signed Twilio inbound SMS webhooks from 2,000 senders (texts that detection reads as busy, asking
for later, Spanish and Portuguese, or plain replies), 50 keep-alive connections in a closed loop
from a load process of its own, 15 s warm-up then 15 s measured, in turns (floor, SQLite,
PostgreSQL, twice) so drift in the machine's speed hits all alike. The bare floor is Fastify,
Twilio's signature check and one sqlite3 insert per message (WAL, synchronous=NORMAL). The gateway
runs the full path: signature, contact and conversation, idempotent record, reset on reply,
detection, rescheduling. Rows are counted after the run.

${ingestSection(saved)}

## API writes

A CRM integration's workers, 50 connections in a closed loop: per lead POST /contacts, POST
/conversations, an outbound and an inbound POST /conversations/:id/messages (the inbound one runs
detection, cancels and schedules) and a manual POST /followups record; each request is one write.

${apiSection(saved)}

## Dispatch of due follow-ups

One gateway process (default dispatch settings, \`DISPATCH_CONCURRENCY=${CONCURRENCY}\`) sends due
follow-ups through the webhook channel to a loopback HTTP provider double (answers 200 at once) that
records when each message arrived. BullMQ 6 does the same job shape: a worker process (concurrency
${CONCURRENCY}) whose every job is one HTTP POST to the same double, with the same HTTP client.

- **Throughput**: ${N_THROUGHPUT.toLocaleString('en')} follow-ups (jobs) due at once; messages per second until the last arrived; the median of ${RUNS} runs.
- **Lateness**: ${N_STEADY.toLocaleString('en')} follow-ups (delayed jobs) due at a steady ${RATE}/s, written 10 s ahead; arrival time minus due time.
- **Claim time**: median time of one claim of 100 due rows, with ${PENDING_SMALL.toLocaleString('en')} and with ${PENDING_LARGE.toLocaleString('en')} follow-ups pending, sampled in alternation (30 samples each).
- **Memory**: resident set of the gateway process with ${PENDING_LARGE.toLocaleString('en')} pending, idle and at its peak while dispatching 5,000 more.

${dispatchSection(saved)}

${NOTES}
`;
}
