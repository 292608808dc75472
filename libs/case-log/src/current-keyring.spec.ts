import { generateKeyPairSync } from 'node:crypto';
import { logKeyringFrom } from './current-keyring';
import { publicKeyId } from './keyring';

describe('the log keyring from the environment', () => {
  it('signs with LOG_SIGNING_KEY under its key id and verifies with it and every previous public key', () => {
    const current = generateKeyPairSync('ed25519');
    const previous = generateKeyPairSync('ed25519').publicKey;
    const keyring = logKeyringFrom({
      LOG_SIGNING_KEY: current.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: previous.export({ type: 'spki', format: 'pem' }).toString(),
    });
    expect(keyring.signing.keyId).toBe(publicKeyId(current.publicKey));
    expect([...keyring.publicKeys.keys()]).toEqual([publicKeyId(current.publicKey), publicKeyId(previous)]);
    expect(keyring.development).toBe(false);
  });

  it('falls back to the development key only in development mode, and says so', () => {
    expect(logKeyringFrom({ SAFEGUARDING_DEV: '1' })).toMatchObject({ development: true });
    expect(() => logKeyringFrom({ NODE_ENV: 'test' })).toThrow(/LOG_SIGNING_KEY is not set/);
  });
});
