import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from './signature';

describe('webhook signature', () => {
  const body = '{"type":"subject.notification","caseId":"c1"}';

  it('is sha256= and the hex HMAC-SHA256 of the raw body', () => {
    const hex = createHmac('sha256', 'a-secret-of-16-chars').update(body).digest('hex');
    expect(signBody('a-secret-of-16-chars', body)).toBe(`sha256=${hex}`);
  });

  it('verifies only the same body with the same secret', () => {
    const header = signBody('a-secret-of-16-chars', body);
    expect(verifySignature('a-secret-of-16-chars', body, header)).toBe(true);
    expect(verifySignature('another-secret-16ch', body, header)).toBe(false);
    expect(verifySignature('a-secret-of-16-chars', body.replace('c1', 'c2'), header)).toBe(false);
    expect(verifySignature('a-secret-of-16-chars', body, undefined)).toBe(false);
  });
});
