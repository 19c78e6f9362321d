import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { parse as parseForm } from 'node:querystring';

/**
 * Body parsers, registered before Nest would add its own. Both keep the raw bytes on
 * `request.rawBody` (webhook signatures are computed over them).
 *
 * JSON: an empty body with a JSON content type is read as "no body" rather than an error, because
 * HighLevel's official client sends `Content-Type: application/json` on DELETE and GET requests.
 * Anything else goes through fastify's own parser (prototype-poisoning protection included).
 */
export function registerBodyParsers(adapter: FastifyAdapter, bodyLimit: number): void {
  const fastify = adapter.getInstance();
  const json = fastify.getDefaultJsonParser('error', 'error');
  adapter.useBodyParser('application/json', true, { bodyLimit }, (request, body, done) => {
    const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    void json(request, text, done);
  });
  adapter.useBodyParser('application/x-www-form-urlencoded', true, { bodyLimit }, (_request, body, done) => {
    done(null, parseForm(Buffer.isBuffer(body) ? body.toString('utf8') : body));
  });
  // Raw MIME messages (inbound email, as a Postfix pipe or a relay posts them): kept as bytes, up
  // to the size a mailbox commonly accepts.
  // Raw bodies: MIME messages (inbound email, as a Postfix pipe or a relay posts them) and HTML
  // multipart forms (the one-click unsubscribe post, whose fields are not read). Each route's own
  // limit applies (request-policy.ts): only the routes that take them get more than the JSON limit.
  adapter.useBodyParser(
    ['message/rfc822', 'application/octet-stream', 'multipart/form-data'],
    true,
    { bodyLimit },
    (_request, body, done) => {
      done(null, body);
    },
  );
}
