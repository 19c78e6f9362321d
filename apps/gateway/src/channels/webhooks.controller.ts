import { Controller, HttpCode, NotFoundException, Param, Post, RawBodyRequest, Req, Res } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ChannelConnectionsService } from '@followup/channels-connections';
import { ChannelLinks, WebhookRejected } from '@followup/channels-core';
import { ChannelEventsService } from '@followup/conversations';
import { Clock } from '@followup/util';
import { Public } from '../auth/auth.decorators';
import { Bodies } from '../http/request-policy';

/**
 * Provider webhooks: `POST /webhooks/<namespace>/<connection id>/<hook>` (Twilio's inbound
 * messages and status callbacks, inbound email). The connection's provider authenticates the raw
 * request and parses it into normalised events; a rejected request records nothing.
 */
@ApiTags('Webhooks')
@Public()
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly connections: ChannelConnectionsService,
    private readonly events: ChannelEventsService,
    private readonly links: ChannelLinks,
    private readonly clock: Clock,
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
    const found = await this.connections.forWebhook(namespace, connectionId);
    const webhooks = found?.provider.webhooks;
    if (!found || !webhooks) throw new NotFoundException(`no ${namespace} channel connection ${connectionId}`);
    if (!webhooks.hooks.includes(hook))
      throw new NotFoundException(`${namespace} webhooks are ${webhooks.hooks.map((h) => `/${h}`).join(', ')}, not /${hook}`);
    const headers = Object.fromEntries(
      Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : v]),
    );
    const view = { id: found.connection.id, locationId: found.connection.locationId, settings: found.connection.settings };
    let events;
    try {
      events = await webhooks.receive(
        { hook, url: `${this.links.baseUrl()}${request.url}`, headers, rawBody: request.rawBody ?? Buffer.alloc(0), now: this.clock.now() },
        view,
      );
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      await reply
        .status(error.status)
        .type('application/json')
        .send({ statusCode: error.status, message: error.message, error: error.status === 403 ? 'Forbidden' : 'Bad Request' });
      return;
    }
    const outcome = await this.events.handle(found.connection, events);
    const answer = webhooks.reply?.(hook, outcome, view) ?? { status: 200 };
    await reply
      .status(answer.status)
      .type(answer.contentType ?? 'text/plain; charset=utf-8')
      .send(answer.body ?? '');
  }
}
