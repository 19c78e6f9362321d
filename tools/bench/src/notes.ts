/** What the profiles of these runs showed; kept beside the figures so the next change starts from it. */
export const NOTES = `## Reading the figures

### Ingest and API writes

- SQLite ingest runs at 0.35-0.42x the bare floor (about 1,850-2,350/s against 5,000-5,600/s). The
  gateway's main thread is the limit: in its turn it is idle 2-4% of the time. better-sqlite3 runs
  each statement on it (the \`sqlite3\` driver's hop to its thread pool and back for every statement
  had left the inbound path waiting more than half of the time: 2.6x fewer single inserts per
  second, measured when the driver was changed), and group commit puts the webhooks of one
  event-loop turn (about 25 at 50 connections) in one transaction.
- Its profile during a SQLite turn (\`npm run bench -- --quick --suites=ingest --engines=sqlite
  --profile=/tmp/prof\`, 2,130/s, only the samples of the gateway's measured turn): about 470 us of
  main-thread time per webhook against the floor's ~190 us. SQLite executing statements 142 us
  (30%), GC 34 us (7%), reading the reply about 75 us (16%: the time reader 17 us, placing the time
  in the zone 7 us, the cues, the classifier, normalising), Fastify's \`AsyncResource.bind\` for the
  body parser 13 us (Node 20's \`bind\` builds deprecation wrappers on every call; the floor pays it
  too), the Twilio signature's HMAC 10 us, then a long tail of 1-2% items (Nest's router, the form
  parser, building insert parameters, working hours). Timed per statement (better-sqlite3's
  \`Statement\` wrapped through \`BENCH_NODE_ARGS="--require probe.js"\`): the COMMIT about 1.4 ms per
  group (57 us per webhook: about 160 WAL pages per group, each written with two \`pwrite\` calls, as
  \`strace -c\` counted), cancelling the pending follow-ups 17-19 us, the conversation's update 16 us,
  the latest conversation 13-15 us, the message insert 11 us, the contact 8 us, a new follow-up 18 us
  (0.6 per webhook), the redelivery check 3 us.
- What moved it this time (0.33x -> 0.38-0.42x; PostgreSQL 570 -> 744-888/s, its gateway doing the same work): luxon asked Intl for an offset on every DateTime
  built in a zone (3% of the profile, 1.6% in \`formatToParts\` alone); zones are now one object per
  name whose offsets are kept per quarter hour (\`cachedZone\` in libs/util, shared with working
  hours), which halved placing a requested time; normalising skips the emoji table and NFD for plain
  ASCII; the agent's phrases are one object per action list, so the detector finds them compiled.
  Measured and not kept: partial indexes on the follow-ups (lease, provider id, call id: 4 us per
  webhook less in a better-sqlite3 replay of the same statements, inside its noise), time-ordered
  ids (12 us less there, but ids are random UUIDs on purpose: no ordering leaks), \`mmap_size\`
  (no better), a larger V8 young generation (\`--max-semi-space-size=64\`: GC 7% -> 5%, at a cost in
  resident memory). No single part left is large enough to reach 0.5x alone; the next steps are
  fewer statements per webhook (the latest conversation's read and its update in one statement) and
  detection off the main thread (a worker, before the unit of work; it needs the contact's zone
  first).
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
- API writes (met on both engines: SQLite 1,764 -> 2,609/s, PostgreSQL 737 -> 1,332/s). Counted
  before (wrapping the driver's \`query\` during a \`--quick\` run on PostgreSQL): 5.3 statements per
  request, one of them the API token's lookup (19%), made through TypeORM's query builder. The
  lookup is now fixed SQL (on SQLite the query builder cost more main-thread time than the
  statement: that alone took SQLite from 1,764 to about 2,600/s), and on PostgreSQL a verified token
  is kept for up to a minute while the store's notices are live (LISTEN/NOTIFY: a revocation
  notifies in the statement that revokes, and every process drops its tokens when the notice
  arrives or when it stops listening; tested with two stores on one schema). A new contact now
  commits with the other requests' writes (it was a plain run: a commit of its own, 108 us on
  SQLite where the grouped ones cost 10-20 us), and a conversation's pending scenarios are read by
  fixed SQL. Creating a conversation checks its agent through the catalog's cache.
- On PostgreSQL, 35-42% of the gateway's profile is \`writev\` to the database's sockets: the whole
  machine is busy (gateway, backends, load generator on 2 cores) and the gateway is descheduled as
  it wakes a backend. A Unix socket instead of loopback TCP measured the same (6,400-6,800
  sequential statements/s either way).
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
- Reads by TypeORM's query builder cost more main-thread time than their statements: a batch's five
  context reads (conversations, contacts, agents, actions, connections by id lists) and the loop's
  next-due read ran through it, about 17-68 us of SQLite per statement plus the builder's own work
  on every batch (timed per statement at 500/s, \`BENCH_NODE_ARGS="--require probe.js"\`). They are
  now fixed SQL (\`EntitySql.findIn\`, id lists padded to a power of two so a few prepared
  statements serve every batch size). Lateness on PostgreSQL at 500/s went from p99 120-126 ms to
  16 ms (p50 50 -> 5 ms) and SQLite's from 21 to 9 ms: the stalls found earlier (below) were the
  loop waiting behind that main-thread work. Throughput rose too (SQLite 2,772 -> 4,365/s,
  PostgreSQL 2,109 -> 3,303/s), but BullMQ measured 7,900-10,400/s in the same run (4,200-5,200
  before), so the ratios read lower (0.45x, 0.34x): its figure moves the most from run to run.
 from one run to the next (the same build measured
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
- (Before the fixed-SQL reads above.) Lateness on PostgreSQL, timed inside the dispatcher at 500/s (\`--quick\`): from due to the claim's
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
  Our lateness at 500/s is lower than BullMQ's on both engines (its delayed jobs are promoted in
  batches); on PostgreSQL it was above it (p99 120-136 ms) until the context reads became fixed SQL.
- RSS under the 500/s load grew from ~290 MB to 353-512 MB since the earlier run (more code loaded:
  detection models, live chat, voice; the HTTP worker's heap); the memory target is the resident set
  with 1,000,000 pending, met on both engines.
- RSS under load includes the HTTP worker thread's own V8 heap (~40 MB) and 200 requests in flight.
- The benchmark sets \`DISPATCH_IDLE_MAX_MS=50\`: its follow-ups are written by another process, which
  a gateway only notices when it polls (its own scheduling wakes it at once).`;
