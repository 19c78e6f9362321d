/** What the profiles of these runs showed; kept beside the figures so the next change starts from it. */
export const NOTES = `## Reading the figures

### Ingest and API writes

- SQLite ingest runs at 0.50-0.59x the bare floor in this run (1,948-2,330/s against 3,918/s;
  the floor measured 4,800-5,600/s in earlier runs on this machine, so the ratio is the figure to
  read). The gateway's main thread is the limit. better-sqlite3 runs each statement on it (the
  \`sqlite3\` driver's hop to its thread pool and back for every statement had left the inbound path
  waiting more than half of the time: 2.6x fewer single inserts per second, measured when the driver
  was changed), and group commit puts the webhooks of one event-loop turn (about 25 at 50
  connections) in one transaction.
- What moved it this time (0.38-0.42x -> 0.55x), each measured in alternating \`--quick\` turns:
  - SQLite's checkpoints left the main thread. SQLite copies the WAL into the database file in the
    connection that commits, once the WAL holds 1,000 pages: two fsyncs and the copy, 12-16 ms for
    that commit. Timed per statement during a 20,000-follow-up dispatch run, 82 of 650 commits took
    more than 5 ms (1.1 s of the 1.6 s spent in COMMIT). The Store now checkpoints on a second
    connection in a worker thread (\`sqlite-checkpointer.ts\`): 4 commits over 5 ms, COMMIT 1.8 s ->
    0.63 s in the same run; a quick SQLite ingest turn 1,363 -> 1,628/s.
  - Detection reads the text on a worker thread before the unit of work (\`DETECTION_THREADS\`,
    default 1). Detection was 15% of the main thread in a SQLite turn (81 us per webhook: the time
    reader 37 us, the cues 11 us, normalising 8 us, the language 5 us, the classifier); only placing
    the times in the zone and matching the agent's phrases stay in the unit. A postMessage per text
    cost the main thread 30-35 us under load (waking the other thread), so the texts of one
    event-loop turn go in one message (7-12 us per webhook since). Six alternating profiled turns:
    444-468 us of main-thread time per webhook with the thread, 503-722 us without (1,993-2,076/s
    against 1,314-1,885/s). An upper bound measured first: with detection's answers memoised per
    text (a measurement, not kept), 1,833-2,149/s against 1,452-1,792/s.
- (Before this round.) Its profile during a SQLite turn (\`npm run bench -- --quick --suites=ingest --engines=sqlite
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
  resident memory). No single part left was large enough to reach 0.5x alone;
  detection off the main thread (done this round, above: what needs the contact's zone stays in the
  unit) was the larger of the two next steps; the other, the latest conversation's read and its
  update in one statement, remains (about 15 us per webhook).
- PostgreSQL measured lower in this run than in the previous one (ingest 504-512/s against
  744-888/s, API writes 695-814/s against 1,332/s), and the floor lower too (3,918/s against
  4,800-5,600/s); SQLite's API writes too (1,841-1,858/s against 2,609/s; 2,188-2,205/s in a run of
  the same build an hour earlier). The build before this round (2dfd2b4), alternated with this one in quick turns on
  the same machine, measured no better: ingest 369-402/s against 433-512/s, API writes 670-1,018/s
  against 664-861/s. The machine was slower; the change did not cost PostgreSQL (the reading thread
  competes with the database's backends for the second core, and measured even).
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
- This round, on SQLite: checkpoints off the main thread (COMMIT 1.8 s -> 0.63 s of a 20,000-follow-up
  run, see Ingest above); the outcomes' UPDATE returns the ids it wrote (RETURNING) instead of a
  SELECT of the held ids before it (0.3-0.5 ms per batch of 100); the sending mark is fixed SQL
  instead of TypeORM's query builder. Timed per statement afterwards, per batch of 100: the claim's
  SELECT 1.3-1.6 ms and UPDATE 1.2-1.4 ms, the outcomes' UPDATE 1.8 ms (a CASE per column over 100
  ids), the conversations by id 0.8-1.1 ms, the attempts' INSERT 0.8-0.9 ms and UPDATE 0.4 ms, the
  mark 0.2 ms, two COMMITs of about 1 ms. SQLite is 43% of the main thread during a throughput run,
  GC 10%. Measured and not kept: the claim as one statement, as on PostgreSQL (UPDATE ... WHERE id
  IN (SELECT ... LIMIT) RETURNING *): 7.3 ms per claim in the gateway against 1.6 + 1.4 ms for the
  SELECT and the UPDATE (SQLite time of a 20,000 run 2.9-3.0 s against 2.5-2.6 s; alone on 20,000
  rows in a process of its own it was the faster, 3.6 against 4.4 ms, and why it is not in the
  gateway is not found); larger claims (\`DISPATCH_BATCH_SIZE=250\`: 3,194-3,815/s against
  3,287-4,193/s at 100).
- PostgreSQL was about half as fast in this session as in the previous one with the same claim and
  dispatch code: the claim alone (a statement the bench times from its own process) took 7.4-7.8 ms
  against 3.6-4.2 ms, throughput 1,700-1,900/s against 3,000-3,300/s, lateness p99 116-127 ms
  against 16 ms. The test database's catalogs carried 41,000 dead rows in pg_attribute from the
  schemas tests and benches create and drop; vacuuming them measured within the drift (API writes
  629 -> 839/s in one quick turn each). The PostgreSQL figures of this run read against that.
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
- Throughput moves a lot from one run to the next (the same build measured 1,500 to 3,600
  follow-ups/s on SQLite within an hour), hence the median of three runs, each run's figure beside
  it, and BullMQ measured in the same session: the ratios are steadier than the figures.
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
- Memory with 1,000,000 pending is measured with the reading thread started (one text through
  \`POST /detect\` first, as a gateway that receives replies has it): its own V8 heap and code cost
  about 80 MB of resident memory with Node's default limits, about 50 MB with a 4 MB young generation
  (measured in a process of its own), and the gateway's idle figure rose by 25-35 MB (SQLite 219 ->
  255 MB, PostgreSQL 185 -> 211 MB). The thread starts with the first text read, so a gateway that
  reads none pays nothing; \`DETECTION_THREADS=0\` keeps the main-thread reading.
- RSS under the 500/s load grew from ~290 MB to 353-512 MB since the earlier run (more code loaded:
  detection models, live chat, voice; the HTTP worker's heap); the memory target is the resident set
  with 1,000,000 pending, met on both engines.
- RSS under load includes the HTTP worker thread's own V8 heap (~40 MB) and 200 requests in flight.
- The benchmark sets \`DISPATCH_IDLE_MAX_MS=50\`: its follow-ups are written by another process, which
  a gateway only notices when it polls (its own scheduling wakes it at once).`;
