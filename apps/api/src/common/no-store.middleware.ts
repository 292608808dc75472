import type { NextFunction, Request, Response } from 'express';

/**
 * Every API answer may carry personal data (a case, a log, a sharing history, an error quoting input), so none
 * is ever kept by a browser, a proxy or a shared office computer's cache.
 */
export function noStore(_request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Cache-Control', 'no-store');
  next();
}
