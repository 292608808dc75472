import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { requestIdFrom, runWithRequestId } from '@sg/observability';
import type { ApiMetrics } from './api-metrics';

/** Scrapes and probes come every few seconds: logged at debug so they do not drown the requests people make. */
const QUIET_ROUTES = new Set(['/metrics', '/health', '/health/live', '/health/ready']);

/** The route a request matched, as a template (`/cases/:id`), never the raw path with its ids. */
export function routeTemplate(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : '(unmatched)';
}

/**
 * Runs first for every request: gives it an id (the caller's X-Request-Id when well formed), answers with that id,
 * serves the request inside it so every log line carries it, and on completion logs one line and times it.
 */
export function requestObservability(logger: Logger, metrics: ApiMetrics): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = routeTemplate(req);
      metrics.observeRequest(req.method, route, res.statusCode, seconds);
      const level = QUIET_ROUTES.has(route) ? 'debug' : res.statusCode >= 500 ? 'warn' : 'info';
      logger[level](
        { requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 1000) },
        'request completed',
      );
    });
    runWithRequestId(requestId, next);
  };
}
