import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const PREFIX = '/console/';
const ASSETS = `${PREFIX}assets/`;
/** Vite names every built asset by its content hash: a new build gets new names, so an asset never changes. */
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const NOT_BUILT = 'The staff console is not built yet: run `npm run build`, then reload this page.\n';

/**
 * The staff console on the API's own origin: `/` leads to `/console/`, built files are served from `folder`, and
 * every other `/console/...` path answers index.html, so a case page's address can be shared and reloaded.
 * Registered before the API's routes; index.html is never cached, so a new build is picked up at the next load.
 */
export function serveConsole(app: NestExpressApplication, folder: string): void {
  app.use(redirectToConsole);
  app.useStaticAssets(folder, {
    prefix: PREFIX,
    index: false,
    redirect: false,
    fallthrough: true,
    setHeaders: (response: Response, path: string) =>
      response.setHeader('Cache-Control', path.startsWith(join(folder, 'assets')) ? ASSET_CACHE : 'no-cache'),
  });
  app.use(PREFIX, singlePageFallback(join(folder, 'index.html')));
}

function redirectToConsole(request: Request, response: Response, next: NextFunction): void {
  const reading = request.method === 'GET' || request.method === 'HEAD';
  if (reading && (request.path === '/' || request.path === '/console')) response.redirect(302, PREFIX);
  else next();
}

function singlePageFallback(indexFile: string) {
  return (request: Request, response: Response, next: NextFunction): void => {
    // A missing asset is a 404 (the API's answer), not a page of HTML that the browser would try to run.
    if ((request.method !== 'GET' && request.method !== 'HEAD') || request.originalUrl.startsWith(ASSETS)) {
      next();
      return;
    }
    if (!existsSync(indexFile)) {
      response.status(503).type('text/plain').send(NOT_BUILT);
      return;
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile, { cacheControl: false }, (error?: Error) => error && next(error));
  };
}
