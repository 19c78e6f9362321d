import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UnsubscribeService, UnsubscribeView } from '@followup/conversations';
import { Public } from '../auth/auth.decorators';
import { Bodies, FORM_BODIES } from '../http/request-policy';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}button{font-size:1rem;padding:.6rem 1.2rem;cursor:pointer}</style></head>
<body><h1>${escape(title)}</h1>${body}</body></html>`;
}

const what = (v: UnsubscribeView) =>
  `${v.channel === 'email' ? 'emails' : `${v.channel} messages`}${v.address ? ` to ${escape(v.address)}` : ''}`;

/**
 * One-click unsubscribe (RFC 8058). Mail clients POST `List-Unsubscribe=One-Click` to the link in
 * the `List-Unsubscribe` header; a person who opens the link gets a page that asks first (a GET
 * never unsubscribes: link scanners follow links).
 */
@ApiTags('Unsubscribe')
@Public()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly unsubscribe: UnsubscribeService) {}

  @Get(':token')
  async confirm(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.unsubscribe.describe(token);
    const body = view.alreadyOut
      ? `<p>You no longer receive follow-up ${what(view)}.</p>`
      : `<p>Stop receiving follow-up ${what(view)}?</p><form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`;
    await reply.type('text/html; charset=utf-8').send(page(view.alreadyOut ? 'You are unsubscribed' : 'Unsubscribe', body));
  }

  @Post(':token')
  @Bodies(FORM_BODIES)
  @HttpCode(200)
  async oneClick(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const view = await this.unsubscribe.unsubscribe(token);
    await reply
      .type('text/html; charset=utf-8')
      .send(page('You are unsubscribed', `<p>You will not receive more follow-up ${what(view)}.</p>`));
  }
}
