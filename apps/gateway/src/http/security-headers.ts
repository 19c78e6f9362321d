import type { FastifyInstance } from 'fastify';

/**
 * The content security policy of every answer: nothing may load, run or frame it; the gateway's own
 * HTML pages (unsubscribe) get their inline styles and forms that post back to themselves. The API
 * docs (Swagger UI, its own scripts and styles) keep the browser's defaults.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const OWN_SCRIPTS = ['/docs'];

/** Headers every answer carries: no MIME sniffing, never framed, no referrer leaked, the CSP above. */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer');
    const ownScripts = OWN_SCRIPTS.some(
      (prefix) => request.url === prefix || request.url.startsWith(`${prefix}/`) || request.url.startsWith(`${prefix}-`),
    );
    if (!ownScripts && !reply.hasHeader('content-security-policy')) void reply.header('content-security-policy', PAGE_CSP);
    done(null, payload);
  });
}
