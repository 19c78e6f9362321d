import { Controller, Get, HttpCode, NotFoundException, Param, Post, RawBodyRequest, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChannelConnectionsService } from '@followup/channels-connections';
import {
  ChannelLinks,
  ChannelProvider,
  ChannelWebhooks,
  ConnectionView,
  WebhookRejected,
  WebhookReply,
  WebhookRequest,
} from '@followup/channels-core';
import type { ChannelConnectionEntity } from '@followup/persistence';
import { ChannelEventsService, ConnectionReferences } from '@followup/conversations';
import { Clock } from '@followup/util';
import { randomBytes } from 'node:crypto';
import { GatewayMetrics } from '@followup/metrics';
import { Public } from '../auth/auth.decorators';
import { Bodies } from '../http/request-policy';

/** What a webhook path names: a connection, or (`connection` null) none, answered like one whose secrets nobody knows. */
type Found = { connection: ChannelConnectionEntity | null; provider: ChannelProvider; webhooks: ChannelWebhooks; view: ConnectionView };

/** The answer to a request a decoy connection (see `find`) let through, which no provider does: refused all the same. */
const NOT_AUTHENTICATED = { statusCode: 403, message: 'the request is not authenticated for this webhook', error: 'Forbidden' };

/**
 * Provider webhooks: `POST /webhooks/<namespace>/<connection id>/<hook>` (Twilio's inbound
 * messages and status callbacks, inbound email, WhatsApp's events) and, for providers that check
 * a URL before using it, `GET` on the same path (Meta's verification handshake). The connection's
 * provider authenticates the raw request and parses it into normalised events; a rejected request
 * records nothing. An id that names no connection is answered as a connection whose secrets nobody
 * knows would answer (the provider's own 403), so that ids cannot be probed.
 */
@ApiTags('Webhooks')
@Public()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly connections: ChannelConnectionsService,
    private readonly events: ChannelEventsService,
    private readonly references: ConnectionReferences,
    private readonly links: ChannelLinks,
    private readonly clock: Clock,
    private readonly metrics: GatewayMetrics,
  ) {}

  @Post(':namespace/:connectionId/:hook')
  @Bodies('provider')
  @HttpCode(200)
  @ApiExcludeEndpoint()
  async receive(
    @Param('namespace') namespace: string,
    @Param('connectionId') connectionId: string,
    @Param('hook') hook: string,
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const found = await this.find(namespace, connectionId, hook);
    const provider = found.provider.name;
    const now = this.clock.now();
    const webhook = this.webhookRequest(hook, request, now);
    if (!found.connection) {
      await this.refuseUnknown(reply, () => found.webhooks.receive(webhook, found.view));
      this.metrics.webhooks.inc({ provider, hook, outcome: 'rejected' });
      return;
    }
    const connection = found.connection;
    const timer = this.metrics.ingestSeconds.startTimer({ provider, hook });
    // The resources the connection's settings name (a voice agent and its working hours), for the provider's answer.
    const view = await this.references.view(connection, found.provider, now);
    const received = await this.rejectedAs(reply, () => found.webhooks.receive(webhook, view));
    if (!received.ok) {
      this.metrics.webhooks.inc({ provider, hook, outcome: 'rejected' });
      return;
    }
    try {
      const outcome = await this.events.handle(connection, received.value);
      await send(reply, found.webhooks.reply?.(hook, outcome, view, webhook) ?? { status: 200 });
      this.metrics.webhooks.inc({ provider, hook, outcome: 'accepted' });
    } catch (error) {
      this.metrics.webhooks.inc({ provider, hook, outcome: 'failed' });
      throw error;
    } finally {
      timer();
    }
  }

  @Get(':namespace/:connectionId/:hook')
  @ApiExcludeEndpoint()
  async verify(
    @Param('namespace') namespace: string,
    @Param('connectionId') connectionId: string,
    @Param('hook') hook: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const found = await this.find(namespace, connectionId, hook);
    const verify = found.webhooks.verify?.bind(found.webhooks);
    if (!verify) throw new NotFoundException(`${namespace} webhooks take POST only`);
    const query = Object.fromEntries(
      Object.entries((request.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? String(v[0]) : String(v)]),
    );
    const verification = () =>
      verify({ hook, url: this.url(request), query, headers: lowerCase(request.headers), now: this.clock.now() }, found.view);
    if (!found.connection) {
      await this.refuseUnknown(reply, verification);
      return;
    }
    const answered = await this.rejectedAs(reply, verification);
    if (answered.ok) await send(reply, answered.value);
  }

  /**
   * The connection a webhook path names. The namespace and the hook are checked first (they are
   * public: 404), then the id: one that names no connection of the namespace's provider gets a
   * decoy, whose secret settings are random, so the provider refuses the request exactly as it
   * refuses a forged one on a real connection (same status, same body).
   */
  private async find(namespace: string, connectionId: string, hook: string): Promise<Found> {
    const provider = this.connections.webhookProvider(namespace);
    const webhooks = provider?.webhooks;
    if (!provider || !webhooks) throw new NotFoundException(`no channel provider takes webhooks at /webhooks/${namespace}`);
    if (!webhooks.hooks.includes(hook))
      throw new NotFoundException(`${namespace} webhooks are ${webhooks.hooks.map((h) => `/${h}`).join(', ')}, not /${hook}`);
    const found = await this.connections.forWebhook(namespace, connectionId);
    if (!found) {
      const settings = Object.fromEntries(provider.secretSettings.map((key) => [key, randomBytes(24).toString('hex')]));
      return { connection: null, provider, webhooks, view: { id: connectionId, locationId: '', settings } };
    }
    const { connection } = found;
    return {
      connection,
      provider,
      webhooks,
      view: { id: connection.id, locationId: connection.locationId, settings: connection.settings },
    };
  }

  /** Answers a request to an id that names no connection: the provider's refusal for the decoy, else 403. */
  private async refuseUnknown(reply: FastifyReply, run: () => unknown): Promise<void> {
    const answered = await this.rejectedAs(reply, run);
    if (answered.ok) await reply.status(403).type('application/json').send(NOT_AUTHENTICATED);
  }

  private webhookRequest(hook: string, request: RawBodyRequest<FastifyRequest>, now: Date): WebhookRequest {
    return { hook, url: this.url(request), headers: lowerCase(request.headers), rawBody: request.rawBody ?? Buffer.alloc(0), now };
  }

  /** The provider's result, or its WebhookRejected answered as JSON (403/400/415). */
  private async rejectedAs<T>(reply: FastifyReply, run: () => T | Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      await reply
        .status(error.status)
        .type('application/json')
        .send({ statusCode: error.status, message: error.message, error: error.status === 403 ? 'Forbidden' : 'Bad Request' });
      return { ok: false };
    }
  }

  private url(request: FastifyRequest): string {
    return `${this.links.baseUrl()}${request.url}`;
  }
}

function lowerCase(headers: FastifyRequest['headers']): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]));
}

async function send(reply: FastifyReply, answer: WebhookReply): Promise<void> {
  await reply
    .status(answer.status)
    .type(answer.contentType ?? 'text/plain; charset=utf-8')
    .send(answer.body ?? '');
}
