import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ChannelConnectionsService } from '@followup/channels-connections';
import { ChannelLinks } from '@followup/channels-core';
import { LIVE_CHAT_PROVIDER, chatPage, liveChatSettings, widgetScript } from '@followup/channels-live-chat';
import { Public } from '../auth/auth.decorators';
import { WIDGET_SCRIPT_CSP, chatPageCsp } from '../http/security-headers';

/**
 * The live chat's public pages: `GET /widget/<connection id>.js`, the script a website embeds with
 * one tag (its configuration inside: title, colour, greeting, the fields to ask for; never the
 * identity secret), and `GET /chat/<connection id>`, the hosted page with the widget alone.
 */
@ApiExcludeController()
@Public()
@Controller()
export class WidgetController {
  constructor(
    private readonly connections: ChannelConnectionsService,
    private readonly links: ChannelLinks,
  ) {}

  @Get('widget/:file')
  async script(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const id = /^([A-Za-z0-9-]{1,64})\.js$/.exec(file)?.[1];
    const connection = id ? await this.connections.ofProvider(LIVE_CHAT_PROVIDER, id) : null;
    if (!id || !connection) throw new NotFoundException(`no live chat widget ${file}`);
    const s = liveChatSettings(connection.settings);
    const source = widgetScript({
      connectionId: id,
      baseUrl: this.links.baseUrl(),
      title: s.title,
      color: s.color,
      greeting: s.greeting,
      askFor: s.ask_for,
      maxLength: s.max_message_length,
    });
    await reply
      .type('text/javascript; charset=utf-8')
      // Any page may load it with a script tag (the socket checks the page's origin); cached briefly, so a settings change shows soon.
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('cache-control', 'public, max-age=300')
      .header('content-security-policy', WIDGET_SCRIPT_CSP)
      .send(source);
  }

  @Get('chat/:id')
  async page(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const connection = /^[A-Za-z0-9-]{1,64}$/.test(id) ? await this.connections.ofProvider(LIVE_CHAT_PROVIDER, id) : null;
    if (!connection) throw new NotFoundException(`no live chat ${id}`);
    await reply
      .type('text/html; charset=utf-8')
      .header('content-security-policy', chatPageCsp(this.links.baseUrl()))
      .send(chatPage(id, liveChatSettings(connection.settings).title));
  }
}
