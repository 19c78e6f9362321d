import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { GatewayMetrics } from '@followup/metrics';
import { RequireScope } from '../auth/auth.decorators';

/**
 * Prometheus metrics (text exposition format) for a scraper whose token has the `metrics` scope:
 * webhooks, ingest latency, follow-ups by status, the queue's depth and oldest due age, dispatch
 * lateness, sends and provider latency, and the process's own (CPU, memory, event loop lag).
 */
@ApiTags('Health')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: GatewayMetrics) {}

  @Get()
  @RequireScope('metrics')
  async scrape(@Res() reply: FastifyReply): Promise<void> {
    const { contentType, body } = await this.metrics.scrape();
    await reply.type(contentType).send(body);
  }
}
