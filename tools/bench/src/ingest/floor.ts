import Fastify from 'fastify';
import { parse } from 'node:querystring';
import sqlite3 from 'sqlite3';
import twilio from 'twilio';

/**
 * The bare floor of signed ingest: Fastify, Twilio's signature check (the SDK's validateRequest, as
 * the gateway does), and one sqlite3 insert per message in WAL mode with synchronous=NORMAL (the
 * gateway's settings). What any gateway ingesting Twilio webhooks into SQLite must at least do.
 * `node floor.js <sqlite file> <auth token> <public base url>`; prints `listening on <url>`.
 */
async function main(): Promise<void> {
  const [file, authToken, publicBase] = process.argv.slice(2) as [string, string, string];
  const db = new sqlite3.Database(file);
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  await run('PRAGMA journal_mode = WAL');
  await run('PRAGMA synchronous = NORMAL');
  await run('CREATE TABLE IF NOT EXISTS messages (sid TEXT PRIMARY KEY, sender TEXT NOT NULL, body TEXT NOT NULL, at INTEGER NOT NULL)');
  const app = Fastify({ logger: false });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post('/webhooks/twilio/:connection/messages', async (request, reply) => {
    const params = Object.fromEntries(Object.entries(parse(request.body as string)).map(([k, v]) => [k, String(v ?? '')]));
    const signature = String(request.headers['x-twilio-signature'] ?? '');
    if (!twilio.validateRequest(authToken, signature, `${publicBase}${request.url}`, params)) return reply.code(403).send('bad signature');
    await run('INSERT INTO messages (sid, sender, body, at) VALUES (?, ?, ?, ?)', [
      params['MessageSid'],
      params['From'],
      params['Body'],
      Date.now(),
    ]);
    return reply.type('text/xml').send('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
  });
  const url = await app.listen({ port: Number(new URL(publicBase).port), host: '127.0.0.1' });
  process.stdout.write(`listening on ${url}\n`);
  process.on('SIGTERM', () => void app.close().then(() => db.close(() => process.exit(0))));
}

void main();
