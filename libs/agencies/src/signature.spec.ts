import { createHmac } from 'node:crypto';
import { signatureHeaders, signBody, verifySignature } from './signature';

describe('webhook signature', () => {
  const secret = 'a-secret-of-16-chars';
  const body = '{"type":"subject.notification","caseId":"c1"}';
  const now = Date.parse('2026-11-26T12:00:00Z');
  const timestamp = String(now / 1000);

  it('is sha256= and the hex HMAC-SHA256 of "<timestamp>.<raw body>", the timestamp sent beside it', () => {
    const hex = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signBody(secret, body, now / 1000)).toBe(`sha256=${hex}`);
    expect(signatureHeaders(secret, body, now)).toEqual({
      'x-signature': `sha256=${hex}`,
      'x-signature-timestamp': timestamp,
    });
  });

  it('verifies only the same body and timestamp with the same secret', () => {
    const header = signBody(secret, body, now / 1000);
    expect(verifySignature(secret, body, header, timestamp, now)).toBe(true);
    expect(verifySignature('another-secret-16ch', body, header, timestamp, now)).toBe(false);
    expect(verifySignature(secret, body.replace('c1', 'c2'), header, timestamp, now)).toBe(false);
    expect(verifySignature(secret, body, header, String(now / 1000 + 1), now)).toBe(false);
    expect(verifySignature(secret, body, undefined, timestamp, now)).toBe(false);
    expect(verifySignature(secret, body, header, undefined, now)).toBe(false);
  });

  it('refuses a replay: the same signed request more than five minutes later', () => {
    const header = signBody(secret, body, now / 1000);
    expect(verifySignature(secret, body, header, timestamp, now + 299_000)).toBe(true);
    expect(verifySignature(secret, body, header, timestamp, now + 301_000)).toBe(false);
  });
});
