import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, Server } from 'node:http';

/** A GOV.UK Notify API key for the stand-in: name-<service id>-<secret>, as Notify issues them. */
export const NOTIFY_SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const NOTIFY_SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
export const NOTIFY_API_KEY = `e2e-${NOTIFY_SERVICE_ID}-${NOTIFY_SECRET}`;
export const NOTIFY_TEMPLATES = {
  NOTIFY_TEMPLATE_SUBJECT_SMS: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  NOTIFY_TEMPLATE_STAFF_SMS: '0d3d9a4c-4e2f-4b8f-9a87-6d6a0e3e3d11',
};

export interface NotifyRequest {
  path: string;
  /** the Bearer token was a JWT signed with the key's secret, issued by its service */
  authorized: boolean;
  body: { phone_number?: string; template_id?: string; personalisation?: { message?: string }; reference?: string };
  receivedAt: string;
}

/** Checks Notify's authentication: an HS256 JWT whose issuer is the service id, signed with the key's secret. */
function authorized(header: string | undefined): boolean {
  const [head, payload, signature] = (header?.replace(/^Bearer /, '') ?? '').split('.');
  if (!head || !payload || !signature) return false;
  const expected = createHmac('sha256', NOTIFY_SECRET).update(`${head}.${payload}`).digest('base64url');
  const same = expected.length === signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(signature));
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { iss?: string; iat?: number };
  return same && claims.iss === NOTIFY_SERVICE_ID && Math.abs(Date.now() / 1000 - (claims.iat ?? 0)) < 60;
}

/**
 * Stands in for GOV.UK Notify's API (POST /v2/notifications/sms): records each request and answers as Notify does.
 * GET /received?reference=… lists what it was sent.
 */
export class NotifyStandIn {
  private readonly requests: NotifyRequest[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && url.pathname === '/received') {
        const reference = url.searchParams.get('reference');
        res.end(JSON.stringify(this.requests.filter((r) => !reference || r.body.reference?.startsWith(reference))));
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as NotifyRequest['body'];
        const ok = authorized(req.headers.authorization);
        this.requests.push({ path: url.pathname, authorized: ok, body, receivedAt: new Date().toISOString() });
        res.statusCode = ok ? 201 : 403;
        res.end(
          JSON.stringify(
            ok
              ? {
                  id: randomUUID(),
                  reference: body.reference ?? null,
                  content: { body: body.personalisation?.message ?? '', from_number: 'SAFEGUARD' },
                  uri: `${this.url}/v2/notifications/x`,
                  template: { id: body.template_id, version: 1, uri: `${this.url}/v2/template/x` },
                }
              : { status_code: 403, errors: [{ error: 'AuthError', message: 'Invalid token' }] },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
