import { randomUUID } from 'node:crypto';
import { stackLogMentioning } from './support/access-leaks';
import { e2eEnv } from './support/env';
import { eventually } from './support/eventually';
import { serviceLines } from './support/service-lines';
import { platformHeaders } from './support/staff';

/** Issue 14, item 3: every request has an id, in its answer, in its error body and on its log lines. */
const { apiUrl } = e2eEnv();

async function postRaw(body: string, requestId?: string) {
  const response = await fetch(`${apiUrl}/disclosures`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...platformHeaders(),
      ...(requestId === undefined ? {} : { 'X-Request-Id': requestId }),
    },
    body,
  });
  return {
    status: response.status,
    header: response.headers.get('x-request-id'),
    body: (await response.json()) as any,
  };
}

describe('request ids (issue 14)', () => {
  it("keeps a caller's well-formed X-Request-Id: in the answer, the error body and the log line", async () => {
    const requestId = `trace-${randomUUID()}`;
    const answer = await postRaw('{"channel": ', requestId);
    expect(answer).toMatchObject({ status: 400, header: requestId, body: { statusCode: 400, requestId } });
    const log = await eventually('the request in the stack log', async () => stackLogMentioning(requestId));
    const line = serviceLines(log.text).find((l) => l.requestId === requestId);
    expect(line).toMatchObject({ service: 'api', requestId, status: 400, msg: 'request completed' });
  });

  it('gives a request without one, or with a malformed one, a fresh id', async () => {
    for (const given of [undefined, 'has spaces', 'x'.repeat(80)]) {
      const answer = await postRaw('{}', given);
      expect(answer.status).toBe(400);
      expect(answer.header).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(answer.body.requestId).toBe(answer.header);
    }
  });
});
