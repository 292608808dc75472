import { createHash, randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

const key = () => randomBytes(32).toString('base64');

describe('two-factor secrets are sealed at rest', () => {
  const secret = randomBytes(20);

  it('opens what it sealed, for the same account only', () => {
    const box = SecretBox.fromSetting(key(), true);
    const sealed = box.seal(secret, 'oncall.cat');
    expect(sealed).not.toContain(secret.toString('base64'));
    expect(box.open(sealed, 'oncall.cat')).toEqual(secret);
    expect(() => box.open(sealed, 'oncall.dan')).toThrow();
  });

  it('an altered secret does not open', () => {
    const box = SecretBox.fromSetting(key(), true);
    const sealed = box.seal(secret, 'oncall.cat');
    const body = Buffer.from(sealed.split('.')[2], 'base64');
    body[14] ^= 1;
    expect(() =>
      box.open(`${sealed.split('.').slice(0, 2).join('.')}.${body.toString('base64')}`, 'oncall.cat'),
    ).toThrow();
  });

  it('a new key goes first; secrets sealed under the older one still open', () => {
    const older = key();
    const sealedBefore = SecretBox.fromSetting(older, true).seal(secret, 'oncall.cat');
    const rotated = SecretBox.fromSetting(`${key()},${older}`, true);
    expect(rotated.open(sealedBefore, 'oncall.cat')).toEqual(secret);
    expect(rotated.seal(secret, 'oncall.cat').split('.')[1]).not.toBe(sealedBefore.split('.')[1]);
    expect(() => SecretBox.fromSetting(key(), true).open(sealedBefore, 'oncall.cat')).toThrow(/unknown key/);
  });

  it('production needs its own keys: none, a short one or the development key refuse to start', () => {
    expect(() => SecretBox.fromSetting(undefined, true)).toThrow(/MFA_SECRET_KEYS is required/);
    expect(() => SecretBox.fromSetting(randomBytes(16).toString('base64'), true)).toThrow(/32 bytes/);
    const development = SecretBox.fromSetting(undefined, false).seal(secret, 'x').split('.')[1];
    const developmentKey = createHash('sha256')
      .update('safeguarding-case-service DEVELOPMENT ONLY two-factor key')
      .digest()
      .toString('base64');
    expect(SecretBox.fromSetting(developmentKey, false).seal(secret, 'x').split('.')[1]).toBe(development);
    expect(() => SecretBox.fromSetting(developmentKey, true)).toThrow(/development key/);
  });
});
