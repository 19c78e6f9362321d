import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { ChannelRegistry } from '@followup/channels-core';
import { TokensService } from '@followup/tenancy';
import { INVALID_TOKEN, authenticateRequest } from '../auth/auth.guard';
import { registerBodyParsers } from '../http/body-parsers';
import { RequestPolicyDeps, registerRequestPolicy } from '../http/request-policy';
import { registerSecurityHeaders } from '../http/security-headers';
import { AllExceptionsFilter } from '../http/errors';
import { PinoNestLogger, requestId } from '../http/logging';
import { StrictValidationPipe } from '../http/strict-validation.pipe';
import { LiveChatIoAdapter } from '../live-chat/live-chat.io-adapter';
import { AppDependencies, AppModule } from './app.module';

export interface CreateAppOptions extends AppDependencies {
  logger: Logger;
  /** Longest a request may take to arrive, headers and body (slow senders get 408 and are closed). */
  requestTimeoutMs: number;
}

/** Builds the Nest application on Fastify (not listening yet). */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const bodyLimit = 1_048_576;
  const timeout = options.requestTimeoutMs;
  const adapter = new FastifyAdapter({
    loggerInstance: options.logger,
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit,
    // Router options go under routerOptions (Fastify 5 warns FSTDEP022 at the top level).
    // maxParamLength: signed links (unsubscribe tokens) are longer than fastify's default of 100.
    routerOptions: { maxParamLength: 512 },
    requestTimeout: timeout,
    // Node checks the request timeout this often (its default, 30 s, would let a slow sender linger).
    http: { headersTimeout: Math.min(timeout, 60_000), connectionsCheckingInterval: Math.min(1_000, timeout) },
  });
  registerBodyParsers(adapter, bodyLimit);
  const fastify = adapter.getInstance();
  // What the request hooks need is known once the application exists (below); they run only after that.
  const policy: { deps?: RequestPolicyDeps } = {};
  registerRequestPolicy(fastify, () => policy.deps as RequestPolicyDeps);
  registerSecurityHeaders(fastify);
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    rawBody: true,
    abortOnError: false,
    logger: new PinoNestLogger(options.logger),
  });
  const registry = app.get(ChannelRegistry);
  const tokens = app.get(TokensService);
  const webhookBodies = (namespace: string) => registry.byWebhookNamespace(namespace)?.webhooks?.bodies;
  policy.deps = {
    authenticate: (request) => authenticateRequest(tokens, request),
    providerBodies: webhookBodies,
    largestProviderBody: Math.max(0, ...registry.allProviders().map((p) => p.webhooks?.bodies.maxBytes ?? 0)),
    unauthorized: INVALID_TOKEN,
  };
  // Live chat sockets on the same HTTP server; across processes through Redis or PostgreSQL.
  app.useWebSocketAdapter(new LiveChatIoAdapter(app, options.store, options.redisUrl, options.logger));
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(options.logger));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('followup-gateway')
      .setDescription(
        'Self-hosted follow-up engine: HighLevel-compatible Conversation AI and Voice AI configuration, follow-up configurations and records.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API token (fgw_...)' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  await app.init();
  return app;
}
