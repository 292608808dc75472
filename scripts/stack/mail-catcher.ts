import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  messageId: string;
  deliveryId: string | undefined;
  receivedAt: string;
}

export interface MailCatcher {
  smtpUrl: string;
  viewerUrl: string;
  stop(): Promise<void>;
}

const KEPT = 500;

/**
 * A local SMTP server that keeps what it is sent (in memory, the newest 500) and a page to read it: the
 * development stack's mail, and the test suite's. Both listen on this machine only.
 * GET / shows the mail; GET /messages?to=<address> answers JSON.
 */
export async function startMailCatcher(viewerPort = 0): Promise<MailCatcher> {
  const caught: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    banner: 'development mail catcher',
    size: 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          caught.push({
            to: [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address ?? '')),
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            messageId: mail.messageId ?? '',
            deliveryId: mail.headers.get('x-delivery-id') as string | undefined,
            receivedAt: new Date().toISOString(),
          });
          caught.splice(0, Math.max(0, caught.length - KEPT));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(0, '127.0.0.1', resolve);
  });
  const viewer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/messages') {
      const to = url.searchParams.get('to');
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(caught.filter((m) => !to || m.to.includes(to))));
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', "default-src 'none'");
    res.end(page(caught));
  });
  await listen(viewer, viewerPort);
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    viewerUrl: `http://localhost:${(viewer.address() as AddressInfo).port}`,
    stop: async () => {
      await new Promise<void>((resolve) => viewer.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(resolve));
    },
  };
}

/** The viewer on `port`, or on any free port when that one is taken. */
async function listen(server: Server, port: number): Promise<void> {
  const attempt = (p: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(p, '127.0.0.1', () => resolve());
    });
  await attempt(port).catch(() => attempt(0));
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(mails: CaughtMail[]): string {
  const items = [...mails]
    .reverse()
    .map(
      (m) =>
        `<article><h2>${escape(m.subject)}</h2><p>To ${escape(m.to.join(', '))}, ${escape(m.receivedAt)}</p>` +
        `<pre>${escape(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Development mail</title></head>
<body><h1>Development mail (${mails.length})</h1>${items || '<p>Nothing sent yet.</p>'}</body></html>`;
}
