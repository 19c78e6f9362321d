import type { FastifyInstance } from 'fastify';

/**
 * The content security policy of every answer: nothing may load, run or frame it; the gateway's own
 * HTML pages (unsubscribe) get their inline styles and forms that post back to themselves. The API
 * docs (Swagger UI, its own scripts and styles) keep the browser's defaults; the dashboard under
 * `/ui` gets DASHBOARD_CSP.
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
/**
 * The dashboard (`/ui`): its own scripts and styles and nothing else (no inline script, no eval,
 * no other origin); it calls the API of the same origin; its charts are inline SVG.
 */
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
  "manifest-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
const OWN_SCRIPTS = ['/docs'];

const under = (url: string, prefix: string) => url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`);

/** Headers every answer carries: no MIME sniffing, never framed, no referrer leaked, the CSP above. */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-content-type-options', 'nosniff').header('x-frame-options', 'DENY').header('referrer-policy', 'no-referrer');
    const ownScripts = OWN_SCRIPTS.some(
      (prefix) => request.url === prefix || request.url.startsWith(`${prefix}/`) || request.url.startsWith(`${prefix}-`),
    );
    if (!ownScripts && !reply.hasHeader('content-security-policy')) {
      void reply.header('content-security-policy', under(request.url, '/ui') ? DASHBOARD_CSP : PAGE_CSP);
    }
    done(null, payload);
  });
}
