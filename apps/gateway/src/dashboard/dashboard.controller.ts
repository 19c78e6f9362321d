import { Controller, Get, Inject, NotFoundException, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { DASHBOARD_FILES, DashboardFiles } from './dashboard-files';

/**
 * The dashboard (apps/dashboard) at `/ui`: public, as a page must be (its API calls carry the
 * token the person signs in with). Its content security policy is set in security-headers.ts.
 */
@ApiExcludeController()
@Controller('ui')
export class DashboardController {
  constructor(@Inject(DASHBOARD_FILES) private readonly files: DashboardFiles) {}

  @Get(['', '*'])
  @Public()
  async serve(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const raw = request.url.split('?')[0]?.replace(/^\/ui\/?/, '') ?? '';
    let path: string;
    try {
      path = decodeURIComponent(raw);
    } catch {
      throw new NotFoundException(`/ui/${raw} is not a file of the dashboard`);
    }
    const file = await this.files.find(path);
    if (!file) {
      throw new NotFoundException(
        path ? `/ui/${path} is not a file of the dashboard` : 'The dashboard is not built: run npm run build (or npm start)',
      );
    }
    void reply.header('cache-control', file.cacheControl).header('etag', file.etag).type(file.contentType);
    if (request.headers['if-none-match'] === file.etag) {
      await reply.code(304).send();
      return;
    }
    await reply.send(file.body);
  }
}
