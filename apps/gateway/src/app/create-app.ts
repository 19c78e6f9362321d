import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Logger } from 'pino';
import { registerBodyParsers } from '../http/body-parsers';
import { AllExceptionsFilter } from '../http/errors';
import { PinoNestLogger, requestId } from '../http/logging';
import { StrictValidationPipe } from '../http/strict-validation.pipe';
import { AppDependencies, AppModule } from './app.module';

export interface CreateAppOptions extends AppDependencies {
  logger: Logger;
}

/** Builds the Nest application on Fastify (not listening yet). */
export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const bodyLimit = 1_048_576;
  // maxParamLength: signed links (unsubscribe tokens) are longer than fastify's default of 100.
  const adapter = new FastifyAdapter({
    loggerInstance: options.logger,
    genReqId: requestId,
    requestIdHeader: false,
    bodyLimit,
    maxParamLength: 512,
  });
  registerBodyParsers(adapter, bodyLimit);
  const fastify = adapter.getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(options), adapter, {
    rawBody: true,
    abortOnError: false,
    logger: new PinoNestLogger(options.logger),
  });
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
