/** What the profiles of these runs showed; kept beside the figures so the next change starts from it. */
export const NOTES = `## Reading the figures

### Ingest and API writes

- SQLite ingest runs at about a third of the bare floor and the API at 1,600-1,800 writes/s. The
  gateway's main thread is the limit (near a full core); better-sqlite3 runs each statement on it
  (the \`sqlite3\` driver's hop to its thread pool and back for every statement had left the inbound
  path waiting more than half of the time: 2.6x fewer single inserts per second, measured when the
  driver was changed), and group commit puts the webhooks of one event-loop turn in one transaction.
  Its profile during a SQLite turn (\`npm run bench -- --quick --suites=ingest --engines=sqlite
  --profile=/tmp/prof\`, 1,929/s): about 0.58 ms of main-thread time per webhook against the floor's
  ~0.2 ms; SQLite executing the statements (better-sqlite3's calls) about 30% of it, reading the reply
  (language, intent, a requested time with chrono-node) about 16%, of which chrono about 9%, then
  working hours, Fastify/Nest, the signature and GC. No single part is large enough that removing
  it reaches 0.5x alone: it takes fewer statements per webhook and a cheaper reading together.
- PostgreSQL is CPU-bound across processes on this 2-core machine, not waiting on disk (300
  sequential commits take 0.11 s here). A steady-state webhook runs 6 statements (the message by
  provider id, the contact by phone, the contact's latest conversation, the conversation's update,
  cancelling its pending follow-ups, the message's insert), a new contact 3 more, and group commit
  puts about 3 webhooks in one transaction (counted by wrapping the driver's \`query\` during a run:
  3,156 webhooks, 986 transactions). Sampled with \`top\` and /proc during the run: the pool's
  backends use about 1.3 ms of CPU per webhook and the gateway about 1.5 ms, of which 18% of its
  profile is \`writev\` (each statement sent wakes a backend, and on 2 cores the sender is often
  descheduled right there). The way forward is fewer round trips per webhook: the reads of all
  the units in a group in one statement, and the writes batched per group.
- Tried and not kept: named (server-side prepared) statements for the fixed hot statements on
  PostgreSQL (385-588/s against 487-551/s without, inside this machine's drift); a smaller pool
  (DATABASE_POOL_SIZE 3, 5, 10: 469, 513, 345/s in single turns, likewise inside the drift).
- The load generator shares the machine's two cores with the gateway and the database (about 13%
  of a core during a PostgreSQL turn), as the floor's does.

### Dispatch

- The gateway's main thread is the limit: during the throughput runs \`top -H\` shows it at 90-100%
  of a core, the HTTP worker thread at about 25%, the provider double at about 12%, SQLite's
  threads or PostgreSQL's backends with the rest of the second core. Its profile
  (\`npm run bench -- --quick --profile=/tmp/prof\`): the sqlite3/pg drivers and TypeORM (claim, the
  five context reads, the batched write) are the largest part, then the dispatcher, signing and
  handing requests to the worker, then GC.
- This machine's speed drifts by tens of percent from one run to the next (the same build measured
  1,500 to 3,600 follow-ups/s on SQLite within an hour), hence the median of three runs, each run's
  figure beside it, and BullMQ measured in the same session: the ratios are steadier than the figures.
- Changes that moved the figures: writes of a batch in two statements instead of one per row
  (~400 -> ~800/s), node:http keep-alive pools instead of fetch, no sqlite3 verbose mode (TypeORM
  turned it on; it captured a stack trace per call), plain-SQL claims; then the HTTP calls moved to
  a worker thread (\`HTTP_WORKERS\`, default 1), expired-lease recovery every quarter lease instead
  of before every claim, the context reads issued together, and claims without a wrapping
  transaction on PostgreSQL (~1,700 -> ~2,300-3,500/s).
- Claim time: SQLite's page cache is 32 MB (the default 2 MB let the queue's index pages fall out
  as the backlog grew: 1.26x at 100,000 pending, 1.11x with the larger cache); PostgreSQL's claim
  walks the due end of the (status, scheduled_at) index. The earlier machine measured 1.17x and
  1.13x; this one 1.45x and 1.28x, with SQLite's claim at 2.9 -> 4.2 ms (less than half the earlier
  machine's 8.9 -> 10.5 ms): 30 samples of a few milliseconds are sensitive to the page cache's
  state, and the target is missed in this run.
- BullMQ's worker makes its POST with the same HTTP client as the gateway (a keep-alive node:http
  pool). With \`fetch\` it did about 1,000 jobs/s here; with the shared client it does 4,000-5,000,
  near the ~6,000/s the issue quotes, on the earlier machine; on this one 6,500-9,100. Our throughput
  was 0.5-0.75x BullMQ's there and is 0.35-0.42x here (about 3,200/s on SQLite and 2,600/s on
  PostgreSQL on both machines: BullMQ gained from the faster single core, the gateway did not).
  Our lateness at 500/s on SQLite is lower than BullMQ's (its delayed jobs are promoted in batches);
  on PostgreSQL it is above it in this run (p99 136 ms).
- RSS under the 500/s load grew from ~290 MB to 353-512 MB since the earlier run (more code loaded:
  detection models, live chat, voice; the HTTP worker's heap); the memory target is the resident set
  with 1,000,000 pending, met on both engines.
- RSS under load includes the HTTP worker thread's own V8 heap (~40 MB) and 200 requests in flight.
- The benchmark sets \`DISPATCH_IDLE_MAX_MS=50\`: its follow-ups are written by another process, which
  a gateway only notices when it polls (its own scheduling wakes it at once).`;
