import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { postSignedJson } from './webhook';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('postSignedJson', () => {
  const hits: string[] = [];
  const elsewhere = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end();
  });
  let redirectTo = '';
  const redirecting = createServer((_req, res) => {
    res.writeHead(307, { location: `${redirectTo}/stolen` });
    res.end();
  });
  let url = '';

  beforeAll(async () => {
    redirectTo = await listen(elsewhere);
    url = await listen(redirecting);
  });
  afterAll(() => {
    elsewhere.close();
    redirecting.close();
  });

  it('follows no redirect: a 307 is a failed delivery, and nothing reaches where it pointed', async () => {
    await expect(postSignedJson(url, 'a-secret-of-16-chars', { caseId: 'c1' }, 'd1')).rejects.toThrow(/answered 307/);
    expect(hits).toEqual([]);
  });
});
