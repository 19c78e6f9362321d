import { Worker } from 'bullmq';

/**
 * The BullMQ side of the comparison, in its own process like the gateway: a worker whose every job
 * is one HTTP POST to the provider double. argv: <queue> <provider url> <concurrency>.
 */
const [queue = 'bench', url = '', concurrency = '200'] = process.argv.slice(2);

const worker = new Worker(
  queue,
  async (job) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: job.id, body: job.data.body }),
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`provider answered ${response.status}`);
  },
  { connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null }, concurrency: Number(concurrency) },
);

worker.on('ready', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
