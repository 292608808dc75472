import { e2eEnv } from '../support/env';
import { HttpResult, request } from '../support/http';
import { signIn } from '../support/staff';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';

/** What the console sends with every change made with its session (docs/console.md). */
export const CONSOLE_HEADER = { 'X-Console-Request': '1' };

/** The session cookie's `name=value` from a Set-Cookie answer, and the whole header for attribute checks. */
export interface ConsoleSession {
  cookie: string;
  setCookie: string;
  body: any;
}

/** Signs in as a person would (password, and a code where needed), then turns the token into a console session. */
export async function consoleSession(
  username: string,
  apiUrl = e2eEnv().apiUrl,
  password: string = DEVELOPMENT_SECRETS.DEMO_PASSWORD,
): Promise<ConsoleSession> {
  const accessToken = await signIn(username, password);
  const response = await fetch(`${apiUrl}/auth/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accessToken }),
  });
  const setCookie = response.headers.get('set-cookie') ?? '';
  if (response.status !== 200) throw new Error(`POST /auth/session as ${username} answered ${response.status}`);
  return { cookie: setCookie.split(';')[0], setCookie, body: await response.json() };
}

/** A JSON request carrying the session cookie (and, when asked, the console's header). */
export function withCookie<T = any>(
  session: ConsoleSession,
  method: string,
  path: string,
  options: { body?: unknown; consoleHeader?: boolean; apiUrl?: string } = {},
): Promise<HttpResult<T>> {
  return request<T>(options.apiUrl ?? e2eEnv().apiUrl, method, path, {
    body: options.body,
    headers: { Cookie: session.cookie, ...(options.consoleHeader === false ? {} : CONSOLE_HEADER) },
  });
}
