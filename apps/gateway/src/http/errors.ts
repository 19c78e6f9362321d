import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Logger } from 'pino';

export interface ErrorBody {
  statusCode: number;
  message: string | string[];
  error: string;
}

const INTERNAL: ErrorBody = { statusCode: 500, message: 'Internal server error', error: 'Internal Server Error' };

/**
 * Every error answer has the seeds' shape `{statusCode, message, error}`. HttpExceptions (ours,
 * and fastify's own 4xx such as malformed JSON, which Nest maps to HttpException) keep their
 * status and message; anything else is logged with the request id and answered as a bare 500.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const raw = exception.getResponse();
      if (typeof raw === 'object' && raw !== null && !('message' in raw)) {
        void reply.status(status).send(raw); // a structured report (e.g. the readiness check's)
        return;
      }
      const body = (typeof raw === 'string' ? { message: raw } : raw) as Partial<ErrorBody>;
      void reply.status(status).send({
        statusCode: status,
        message: body.message ?? exception.message,
        error: body.error ?? STATUS_CODES[status] ?? 'Error',
      });
      return;
    }
    this.logger.error({ reqId: request.id, err: exception }, 'unhandled error');
    void reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send(INTERNAL);
  }
}
