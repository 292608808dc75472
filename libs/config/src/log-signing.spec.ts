import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { loadLogSigningKey, logCheckpointIntervalMs, parseLogSigningKey } from './log-signing';

const { privateKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
const samePublicKey = (key: ReturnType<typeof parseLogSigningKey>) =>
  createPublicKey(key).equals(createPublicKey(privateKey));

describe('LOG_SIGNING_KEY', () => {
  it('reads a PKCS8 PEM, one with literal \\n (as env files carry it), and base64 PKCS8 DER', () => {
    expect(samePublicKey(parseLogSigningKey(pem))).toBe(true);
    expect(samePublicKey(parseLogSigningKey(pem.replace(/\n/g, '\\n')))).toBe(true);
    expect(samePublicKey(parseLogSigningKey(der))).toBe(true);
  });

  it('refuses anything but an Ed25519 private key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => parseLogSigningKey(rsa)).toThrow(/Ed25519 key, not rsa/);
    expect(() => parseLogSigningKey('bm90IGEga2V5')).toThrow(/PKCS8/);
  });

  it('falls back to the development-only key in development mode only, and says so', () => {
    const a = loadLogSigningKey({ SAFEGUARDING_DEV: '1' });
    expect(a.development).toBe(true);
    expect(a.publicKey.equals(loadLogSigningKey({ SAFEGUARDING_DEV: '1', NODE_ENV: 'test' }).publicKey)).toBe(true);
    expect(loadLogSigningKey({ SAFEGUARDING_DEV: '1', LOG_SIGNING_KEY: pem }).development).toBe(false);
  });

  it('refuses to run outside development mode without a key, or with the development key, whatever NODE_ENV says', () => {
    for (const NODE_ENV of ['production', 'test', 'development', undefined])
      expect(() => loadLogSigningKey({ NODE_ENV })).toThrow(/LOG_SIGNING_KEY is not set/);
    const devPem = loadLogSigningKey({ SAFEGUARDING_DEV: '1' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => loadLogSigningKey({ LOG_SIGNING_KEY: devPem })).toThrow(/development key/);
    expect(loadLogSigningKey({ NODE_ENV: 'production', LOG_SIGNING_KEY: der }).development).toBe(false);
  });
});

describe('LOG_CHECKPOINT_INTERVAL', () => {
  it('defaults to five minutes and reads ISO-8601 durations', () => {
    expect(logCheckpointIntervalMs({})).toBe(300_000);
    expect(logCheckpointIntervalMs({ LOG_CHECKPOINT_INTERVAL: 'PT30S' })).toBe(30_000);
  });

  it.each(['5m', 'P1M', 'PT0S', 'banana'])('refuses %s', (value) => {
    expect(() => logCheckpointIntervalMs({ LOG_CHECKPOINT_INTERVAL: value })).toThrow(/LOG_CHECKPOINT_INTERVAL/);
  });
});
