import type { ChannelEvent } from '@followup/contracts';
import type { ConnectionView } from './channel-adapter';

/**
 * A provider's webhooks: the gateway serves them at `POST /webhooks/<namespace>/<connection id>/<hook>`
 * (Twilio: `/webhooks/twilio/:id/messages` and `/status`; email: `/webhooks/email/:id/inbound`),
 * finds the connection, and lets the provider verify and parse the request into normalised events.
 * Providers that check a webhook URL before they use it (a subscription handshake) also get
 * `GET` on the same paths, answered by `verify`.
 */
export interface WebhookRequest {
  hook: string;
  /** The URL as the provider called it: PUBLIC_BASE_URL + path and query (what signatures cover). */
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  /** The body exactly as received: signatures are computed over it. */
  rawBody: Buffer;
  now: Date;
}

/**
 * A provider's `GET` to one of its webhook URLs: the handshake some providers make before they
 * deliver there (Meta: `hub.mode=subscribe`, `hub.verify_token`, `hub.challenge` to echo).
 */
export interface WebhookVerification {
  hook: string;
  /** The URL as the provider called it: PUBLIC_BASE_URL + path and query. */
  url: string;
  /** The query parameters (a repeated one keeps its first value). */
  query: Record<string, string | undefined>;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  now: Date;
}

/** What the gateway did with the events of one request, for the answer the provider expects. */
export interface WebhookOutcome {
  /** Text to send back to the contact in the answer (an SMS HELP reply in TwiML). */
  replyText?: string;
}

export interface WebhookReply {
  status: number;
  contentType?: string;
  body?: string;
}

/** Refuses a webhook request: 403 when it is not authentic, 400 or 415 when it cannot be read. */
export class WebhookRejected extends Error {
  constructor(
    readonly status: 400 | 403 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

/** What a provider's webhook requests may carry: checked before the body is read (415, 413). */
export interface WebhookBodies {
  /** Media types taken (`application/x-www-form-urlencoded`, `message/rfc822`, ...), without parameters. */
  readonly contentTypes: readonly string[];
  /** The largest body, in bytes. */
  readonly maxBytes: number;
}

export interface ChannelWebhooks {
  readonly namespace: string;
  readonly hooks: readonly string[];
  readonly bodies: WebhookBodies;
  /**
   * Authenticates the request (signature over the raw body, shared secret, ...) and parses it.
   * Throws WebhookRejected; nothing is recorded for a rejected request.
   */
  receive(request: WebhookRequest, connection: ConnectionView): ChannelEvent[] | Promise<ChannelEvent[]>;
  /**
   * The answer the provider expects (default: 200 with an empty body), from what the gateway did and
   * the request `receive` accepted (a voice call's next instructions depend on what it carried; the
   * gateway always passes it).
   */
  reply?(hook: string, outcome: WebhookOutcome, connection: ConnectionView, request?: WebhookRequest): WebhookReply;
  /**
   * Answers a provider's `GET` to a hook (its handshake before it delivers there). Checks what the
   * provider proves it knows (a shared token) and answers what it expects back (an echoed
   * challenge). Throws WebhookRejected; records nothing. Absent: the hooks take no `GET` (404).
   */
  verify?(request: WebhookVerification, connection: ConnectionView): WebhookReply | Promise<WebhookReply>;
}
