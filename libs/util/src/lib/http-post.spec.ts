import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { HttpPostError, postJson, useHttpWorkers } from './http-post';

describe('postJson', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () =>
        res.writeHead(req.url === '/fail' ? 503 : 200).end(JSON.stringify({ echo: JSON.parse(body), sig: req.headers['x-sig'] })),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await useHttpWorkers(0);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it.each([0, 2])('POSTs JSON and answers status and body (%i worker threads)', async (workers) => {
    await useHttpWorkers(workers);
    const answers = await Promise.all([1, 2, 3].map((n) => postJson(`${url}/ok`, { 'x-sig': `s${n}` }, JSON.stringify({ n }), 5_000)));
    expect(answers.map((a) => [a.status, JSON.parse(a.body)])).toEqual([1, 2, 3].map((n) => [200, { echo: { n }, sig: `s${n}` }]));
    expect((await postJson(`${url}/fail`, {}, '{}', 5_000)).status).toBe(503);
    await expect(postJson('not a url', {}, '{}', 5_000)).rejects.toEqual(new HttpPostError('invalid_url'));
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(postJson(`http://127.0.0.1:${port}/`, {}, '{}', 5_000)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
