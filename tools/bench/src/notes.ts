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
- API writes on PostgreSQL (statements counted by wrapping the driver's \`query\` during a
  \`--quick\` run: 15,453 statements for about 2,940 requests, 728 transactions): 5.3 statements per
  request, of which the API token's lookup is one on every request (19% of them), then the contact,
  the conversation, the message or record and its follow-up changes. Creating a conversation now
  checks its agent through the catalog's cache (one statement fewer); 667 -> 737 writes/s, about the
  size of this machine's drift. Caching tokens would take the next 19%, but revoking one (the CLI,
  another replica) must still work at once, which needs a signal between processes first
  (LISTEN/NOTIFY on PostgreSQL, as live chat has; SQLite's data_version); not done yet.
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
- Claim time: each sample's 100 due rows are now written through the store that claims them, as a
  gateway's planner writes its own. Written from a connection opened and closed per sample, as
  before, the claim paid for that connection's teardown: on PostgreSQL a median of 15-16 ms where
  the claim itself takes 4-5 ms (the same UPDATE from a kept connection: 4.2 ms; Store and TypeORM add
  about 1 ms), which made the ratio 1.28x; measured this way it is 1.09-1.18x (met). SQLite stays at
  1.42-1.45x in the suite (2.8-4.1 ms against 4.0-5.9 ms), although the same claim in a process of
  its own, against 10,000 and 1,000,000 rows seeded the same way (random ids, 500 per transaction),
  measured 2.36 and 2.53 ms (1.07x): what makes the suite's large store slower (the 75,000 rows the
  throughput and lateness runs left in it, its WAL) is not yet found. SQLite's page cache is 32 MB
  (the default 2 MB let the queue's index pages fall out as the backlog grew).
- Lateness on PostgreSQL, timed inside the dispatcher at 500/s (\`--quick\`): from due to the claim's
  answer about 10 ms, the batch's context reads 4 ms, the sending mark and the attempts 9.4 ms, then
  the HTTP call. The mark was a group-commit transaction (BEGIN, UPDATE, INSERT, COMMIT, queued
  behind the transaction recording the previous batch); it is now one statement (the UPDATE in a
  data-modifying WITH before the attempts' INSERT): 3.2 ms, and the quick run's p50 went from 24-31 ms
  to 14 ms, p99 from 98-129 ms to 87 ms. The loop also no longer claims again after a claim that came
  back short. The full run (15,000 follow-ups over 30 s) still measures p50 about 50 ms and p99
  120-126 ms, and the quick runs spread widely: p99 87-129 ms from one to the next, whether a
  throughput run of 3,000 or of 20,000 came before (\`BENCH_N=20000\`: p50 21-27 ms, p99 88-114 ms).
  Timed inside (quick, mean per batch): due -> claim starts about 5 ms (the loop's wake-up), the
  claim 4-4.6 ms, context reads 4 ms, the mark 4-6 ms, then the HTTP call; the tail is stalls of the
  whole chain, not one statement. Ruled out: autovacuum (none ran during the phase: pg_stat_activity
  sampled every 0.5 s) and dead index entries in the range the claim walks (the claim with 180,000
  dead row versions there: 4.4-4.8 ms; after VACUUM: 5.1 ms). SQLite, same gateway: p99 21 ms.
- BullMQ's worker makes its POST with the same HTTP client as the gateway (a keep-alive node:http
  pool). With \`fetch\` it did about 1,000 jobs/s here; with the shared client it does 4,000-5,000,
  near the ~6,000/s the issue quotes, on the earlier machine; on this one 4,200-9,100 from one run to
  the next. Our throughput was 0.5-0.75x BullMQ's there and is 0.35-0.55x here (2,100-3,300/s:
  BullMQ gained more from the faster single core than the gateway did).
  Our lateness at 500/s on SQLite is lower than BullMQ's (its delayed jobs are promoted in batches);
  on PostgreSQL it is above it (p99 120-136 ms in the full runs).
- RSS under the 500/s load grew from ~290 MB to 353-512 MB since the earlier run (more code loaded:
  detection models, live chat, voice; the HTTP worker's heap); the memory target is the resident set
  with 1,000,000 pending, met on both engines.
- RSS under load includes the HTTP worker thread's own V8 heap (~40 MB) and 200 requests in flight.
- The benchmark sets \`DISPATCH_IDLE_MAX_MS=50\`: its follow-ups are written by another process, which
  a gateway only notices when it polls (its own scheduling wakes it at once).`;
