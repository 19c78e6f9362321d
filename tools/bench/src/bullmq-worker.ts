import { allowPrivateNetworks, postJson } from '@followup/util';
import { Worker } from 'bullmq';

/**
 * The BullMQ side of the comparison, in its own process like the gateway: a worker whose every job
 * is one HTTP POST to the provider double, made with the same HTTP client (keep-alive node:http
 * pool) the gateway's channels use, so the comparison measures the queues, not two HTTP clients.
 * argv: <queue> <provider url> <concurrency>.
 */
const [queue = 'bench', url = '', concurrency = '200'] = process.argv.slice(2);
// The provider double listens on loopback, like the gateway's, which the bench starts with ALLOW_PRIVATE_NETWORK_URLS=true.
allowPrivateNetworks(true);

const worker = new Worker(
  queue,
  async (job) => {
    const answer = await postJson(url, {}, JSON.stringify({ id: job.id, body: job.data.body }), 10_000);
    if (answer.status < 200 || answer.status >= 300) throw new Error(`provider answered ${answer.status}`);
  },
  { connection: { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null }, concurrency: Number(concurrency) },
);

worker.on('ready', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  void worker.close().then(() => process.exit(0));
});
