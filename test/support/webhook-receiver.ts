import { createServer, IncomingMessage, Server } from 'node:http';
import { verifySignature } from '../../libs/agencies/src/signature';

export const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789';

export interface ReceivedDelivery {
  path: string;
  status: number;
  signatureValid: boolean;
  deliveryId: string | undefined;
  body: any;
  receivedAt: string;
}

/**
 * Stands in for the platform and the agencies. What it answers is chosen by the young person's
 * externalUserId, so tests stay independent: `flaky-…` fails twice then accepts, `down-…` always fails.
 */
export class WebhookReceiver {
  private readonly deliveries: ReceivedDelivery[] = [];
  private readonly failures = new Map<string, number>();
  private server?: Server;
  url = '';
  /** Runs before a delivery is answered (a fault test breaks something while the sender waits for the answer). */
  beforeAnswer?: (path: string, body: any) => Promise<void>;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      if (req.method === 'GET' && req.url?.startsWith('/received')) {
        const caseId = new URL(req.url, 'http://x').searchParams.get('caseId');
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(this.deliveries.filter((d) => !caseId || d.body?.caseId === caseId)));
        return;
      }
      void readBody(req).then(async (raw) => {
        const body = safeJson(raw);
        await this.beforeAnswer?.(req.url ?? '', body);
        const status = this.answerFor(body);
        this.deliveries.push({
          path: req.url ?? '',
          status,
          signatureValid: verifySignature(
            WEBHOOK_SECRET,
            raw,
            req.headers['x-signature'] as string | undefined,
            req.headers['x-signature-timestamp'] as string | undefined,
          ),
          deliveryId: req.headers['x-delivery-id'] as string | undefined,
          body,
          receivedAt: new Date().toISOString(),
        });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private answerFor(body: any): number {
    const user: string = body?.externalUserId ?? '';
    if (user.startsWith('down-')) return 503;
    if (user.startsWith('flaky-')) {
      const key = `${body.caseId}:${body.agency}`;
      const failed = this.failures.get(key) ?? 0;
      if (failed < 2) {
        this.failures.set(key, failed + 1);
        return 503;
      }
    }
    return 200;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
