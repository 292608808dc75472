import { generateKeyPairSync } from 'node:crypto';
import { previousLogPublicKeys } from './log-keys';
import { loadLogSigningKey } from './log-signing';

const pem = (key = generateKeyPairSync('ed25519').publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const der = (key = generateKeyPairSync('ed25519').publicKey) =>
  key.export({ type: 'spki', format: 'der' }).toString('base64');

describe('LOG_SIGNING_PREVIOUS_PUBLIC_KEYS', () => {
  it('is empty when unset, and reads comma-separated PEM (literal \\n allowed) and base64 DER keys', () => {
    expect(previousLogPublicKeys({})).toEqual([]);
    const a = generateKeyPairSync('ed25519').publicKey;
    const b = generateKeyPairSync('ed25519').publicKey;
    const keys = previousLogPublicKeys({
      LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: `${pem(a).replace(/\n/g, '\\n')}, ${der(b)}`,
    });
    expect(keys.map((k) => k.equals(a) || k.equals(b))).toEqual([true, true]);
    expect(keys[0].equals(a)).toBe(true);
  });

  it('refuses anything but Ed25519 public keys, naming the variable', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(() => previousLogPublicKeys({ LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: pem(rsa) })).toThrow(
      /LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: each key must be an Ed25519 key, not rsa/,
    );
    expect(() => previousLogPublicKeys({ LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: 'bm90IGEga2V5' })).toThrow(/SPKI/);
  });

  it('refuses the published development key outside development mode', () => {
    const development = pem(loadLogSigningKey({ SAFEGUARDING_DEV: '1' }).publicKey);
    const dev = { SAFEGUARDING_DEV: '1', LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: development };
    expect(previousLogPublicKeys(dev)).toHaveLength(1);
    expect(() => previousLogPublicKeys({ LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: development })).toThrow(/development key/);
  });
});
