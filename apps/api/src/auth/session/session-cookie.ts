import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'sg_session';
/** What a console request sends with every change: a cross-site form or link cannot set a custom header. */
export const CONSOLE_REQUEST_HEADER = 'x-console-request';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session id from the request's Cookie header, if it carries one. */
export function sessionIdOf(request: Request): string | undefined {
  for (const part of (request.header('cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && value.length) return value.join('=') || undefined;
  }
  return undefined;
}

/** A change made with the cookie must say it comes from the console (CSRF); reads need not. */
export function lacksConsoleHeader(request: Request): boolean {
  return !READS.has(request.method) && request.header(CONSOLE_REQUEST_HEADER) !== '1';
}

/** Secure always, except in development over plain http (a developer's http://localhost). */
function attributes(request: Request, development: boolean): string {
  return `HttpOnly; SameSite=Strict; Path=/${development && !request.secure ? '' : '; Secure'}`;
}

export function setSessionCookie(
  request: Request,
  response: Response,
  id: string,
  maxAgeMs: number,
  development: boolean,
): void {
  const maxAge = Math.floor(maxAgeMs / 1000);
  response.append('Set-Cookie', `${SESSION_COOKIE}=${id}; Max-Age=${maxAge}; ${attributes(request, development)}`);
}

export function clearSessionCookie(request: Request, response: Response, development: boolean): void {
  response.append('Set-Cookie', `${SESSION_COOKIE}=; Max-Age=0; ${attributes(request, development)}`);
}
