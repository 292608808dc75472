import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { sleep } from './fault-stack';

/**
 * The API of one fault stack, over HTTP, as the people of SPEC §1 use it. Unlike test/support/http.ts a request
 * never throws: a dropped connection or a timeout comes back as status 0, since breaking things is the point.
 */
export interface Answer<T = any> {
  status: number;
  body: T;
  /** why there was no HTTP answer (status 0) */
  error?: string;
}

export const PLATFORM = 'platform';

export class FaultApi {
  private readonly tokens = new Map<string, Promise<string>>();

  constructor(readonly apiUrl: string) {}

  /** The platform's API key, or a staff member's bearer token (logged in once per stack). */
  async headersFor(who: string): Promise<Record<string, string>> {
    if (who === PLATFORM) return { 'X-Api-Key': DEVELOPMENT_SECRETS.PLATFORM_API_KEY };
    if (!this.tokens.has(who)) {
      const token = this.login(who);
      this.tokens.set(who, token);
      token.catch(() => this.tokens.delete(who));
    }
    return { Authorization: `Bearer ${await this.tokens.get(who)!}` };
  }

  private async login(username: string): Promise<string> {
    // Few attempts, well apart: logins are limited to 10 a minute per address and username.
    for (let attempt = 1; ; attempt++) {
      const answer = await this.raw<{ accessToken: string }>(
        'POST',
        '/auth/login',
        { username, password: DEVELOPMENT_SECRETS.DEMO_PASSWORD },
        {},
        30_000,
      );
      if (answer.status === 200) return answer.body.accessToken;
      if (attempt >= 5 || answer.status === 401 || answer.status === 429)
        throw new Error(`Login as ${username} answered ${answer.status} ${answer.error ?? ''}`);
      await sleep(3000);
    }
  }

  async call<T = any>(
    who: string | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    timeoutMs = 180_000,
  ): Promise<Answer<T>> {
    let auth: Record<string, string> = {};
    if (who) {
      try {
        auth = await this.headersFor(who);
      } catch (error) {
        return { status: 0, body: undefined as T, error: `login failed: ${(error as Error).message}` };
      }
    }
    return this.raw<T>(method, path, body, { ...auth, ...headers }, timeoutMs);
  }

  private async raw<T>(
    method: string,
    path: string,
    body: unknown,
    headers: Record<string, string>,
    timeoutMs: number,
  ): Promise<Answer<T>> {
    try {
      const response = await fetch(`${this.apiUrl}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON
      }
      return { status: response.status, body: parsed as T };
    } catch (error) {
      const e = error as Error & { cause?: Error };
      return { status: 0, body: undefined as T, error: `${e.name}: ${e.cause?.message ?? e.message}` };
    }
  }
}
