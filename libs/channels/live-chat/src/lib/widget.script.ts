import { WIDGET_CLIENT } from './widget-client.source';
import { WIDGET_STYLES, WIDGET_UI } from './widget-ui.source';

/** What the widget needs to know of its connection (no secret: the script is public). */
export interface WidgetConfig {
  connectionId: string;
  /** The gateway's public base URL: the socket connects there (ws:// or wss://). */
  baseUrl: string;
  title: string;
  color: string;
  greeting: string;
  askFor: readonly string[];
  maxLength: number;
}

/** JSON safe inside a script: `<` escaped, so no `</script>` can end an inline copy. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The embeddable widget (`GET /widget/<connection id>.js`): one `<script>` tag draws a chat bubble
 * and panel in a shadow root (the page's styles do not reach it, nor its styles the page), keeps the
 * visitor's id and token in the page's localStorage (no cookie of the gateway's origin), and speaks
 * socket.io's protocol (Engine.IO 4, WebSocket only) itself: no framework, no client library. It
 * reconnects with backoff after a network loss and when the browser says it is online again.
 * Attributes of its script tag: `data-visitor-id`, `data-visitor-token` (a signed-in user),
 * `data-name`, `data-email`, `data-phone`, `data-open="true"` (open at load), `data-mode="page"`.
 */
export function widgetScript(config: WidgetConfig): string {
  return `/* followup-gateway live chat widget */\n(function () {\n'use strict';\nvar C = ${scriptJson(config)};\nvar CSS = ${scriptJson(WIDGET_STYLES)};\n${WIDGET_UI}\n${WIDGET_CLIENT}\n})();\n`;
}
