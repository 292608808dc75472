import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** The console loads only its own files: no inline script or style, no other origin, never framed. */
export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

/** Swagger UI's page carries inline styles; it exists in development only, and only its own path gets this. */
const DOCS_CSP = { ...CONSOLE_CSP, styleSrc: ["'self'", "'unsafe-inline'"] };

function headers(directives: typeof CONSOLE_CSP, hsts: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * Security headers on every answer of the process: the console, API JSON, errors and unknown paths alike.
 * HSTS outside development only: a developer's http://localhost must not be pinned to https.
 */
export function securityHeaders(options: { production: boolean; docs: boolean }): RequestHandler {
  const strict = headers(CONSOLE_CSP, options.production);
  if (!options.docs) return strict;
  const relaxed = headers(DOCS_CSP, options.production);
  return (request: Request, response: Response, next: NextFunction) =>
    (/^\/docs(\/|-json|-yaml|$)/.test(request.path) ? relaxed : strict)(request, response, next);
}
