import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * One log line per request, and only when it matters: at `info` a request that failed (5xx) or
 * was slow; every request at `debug`. Fastify's default writes two lines for every request at
 * `info` (incoming and completed), a synchronous write each — a large share of a small API
 * answer's cost (issue 12 §2). The metrics (/api/metrics) count every request anyway.
 */
export class RequestLog extends LogController {
  constructor(private readonly slowMs: number) {
    super();
  }

  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const responseTime = reply.elapsedTime;
    if (error) {
      reply.log.error({ req: request, res: reply, err: error, responseTime }, 'request errored');
    } else if (reply.statusCode >= 500 || responseTime >= this.slowMs) {
      reply.log.info({ req: request, res: reply, responseTime }, reply.statusCode >= 500 ? 'request failed' : 'slow request');
    } else {
      reply.log.debug({ res: reply, responseTime }, 'request completed');
    }
  }
}
