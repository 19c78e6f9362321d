import type { FastifyInstance } from 'fastify';

/**
 * The content security policy of every answer: nothing may load, run or frame it; the gateway's own
 * HTML pages (unsubscribe) get their inline styles and forms that post back to themselves. The API
 * docs (Swagger UI, its own scripts and styles) keep the browser's defaults; the dashboard under
 * `/ui` gets DASHBOARD_CSP. The live chat's two
 * public answers set their own (the hook below keeps a policy a route set): the widget script
 * (WIDGET_SCRIPT_CSP: a script runs under its embedding page's policy, so this only covers opening
 * it directly) and the hosted chat page (chatPageCsp: its script from the gateway only, its socket to
 * the gateway only, no inline script, never framed). Every other answer keeps PAGE_CSP.
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

/** `GET /widget/<id>.js`: nothing loads from it when it is opened as a document. */
export const WIDGET_SCRIPT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * `GET /chat/<id>`: the widget's script from the gateway itself, its styles (a constructed sheet, or
 * a style element where that is missing), its socket to the gateway's public address (ws/wss).
 */
export function chatPageCsp(publicBaseUrl: string): string {
  const socket = new URL(publicBaseUrl);
  socket.protocol = socket.protocol === 'https:' ? 'wss:' : 'ws:';
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'unsafe-inline'",
    `connect-src 'self' ${socket.origin}`,
    "img-src 'self' data:",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

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
