import { Socket } from 'node:net';
import { TEST_DATABASE_URL } from '../testing';
import { PipelinedClient } from './pipelined-client';

describe('PipelinedClient (PostgreSQL)', () => {
  let client: PipelinedClient;
  beforeEach(async () => {
    client = new PipelinedClient({ connectionString: TEST_DATABASE_URL });
    await client.connect();
  });
  afterEach(() => client.end());

  it('sends the queries given in one turn in one write, each answered with its own rows or its own error', async () => {
    const stream = (client as unknown as { connection: { stream: Socket } }).connection.stream;
    let writes = 0;
    const write = stream._writev?.bind(stream);
    const writeOne = stream._write.bind(stream);
    stream._writev = (chunks, done) => (writes++, write?.(chunks, done));
    stream._write = (chunk, encoding, done) => (writes++, writeOne(chunk, encoding, done));
    const answers = await Promise.allSettled([
      client.query('SELECT $1::int AS n', [1]),
      client.query('SELECT 1/0 AS n'),
      client.query('SELECT $1::text AS n', ["it's"]),
      client.query({ text: 'SELECT $1::int + 1 AS n', values: [41] }),
    ]);
    expect(writes).toBe(1);
    expect(answers.map((a) => (a.status === 'fulfilled' ? a.value.rows[0].n : (a.reason as Error).message))).toEqual([
      1,
      'division by zero',
      "it's",
      42,
    ]);
  });

  it('keeps a transaction whole: a statement after a failed one in it is refused, and the rollback ends it', async () => {
    await client.query('BEGIN');
    const answers = await Promise.allSettled([client.query('SELECT 1/0'), client.query('SELECT 1 AS n')]);
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    expect(((answers[1] as PromiseRejectedResult).reason as Error).message).toMatch(/current transaction is aborted/);
    await client.query('ROLLBACK');
    expect((await client.query('SELECT 2 AS n')).rows[0].n).toBe(2);
  });
});
