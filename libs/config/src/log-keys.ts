import { createPublicKey, KeyObject } from 'node:crypto';
import { isDevelopmentMode } from './development-mode';
import { loadLogSigningKey } from './log-signing';

// Kept free of @nestjs imports, like log-signing.ts: the case log (worker, unit tests) loads it.

/** One public key as SPKI PEM (literal "\n" allowed) or base64 SPKI DER; refuses anything but Ed25519. */
export function parseLogPublicKey(text: string, name = 'LOG_SIGNING_PREVIOUS_PUBLIC_KEYS'): KeyObject {
  let key: KeyObject;
  try {
    key = text.includes('-----BEGIN')
      ? createPublicKey(text.replace(/\\n/g, '\n'))
      : createPublicKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new Error(`${name}: each key must be an Ed25519 public key, SPKI PEM or base64 SPKI DER`);
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`${name}: each key must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

/**
 * LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: the public keys of earlier LOG_SIGNING_KEYs, comma-separated, so the history
 * they signed still verifies after a rotation. Only public keys: nothing old can sign again. Production refuses the
 * published development key here, since anyone can sign with it.
 */
export function previousLogPublicKeys(env: Record<string, string | undefined>): KeyObject[] {
  const given = env.LOG_SIGNING_PREVIOUS_PUBLIC_KEYS?.trim();
  if (!given) return [];
  const keys = given
    .split(',')
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => parseLogPublicKey(text));
  const development = loadLogSigningKey({ SAFEGUARDING_DEV: '1' }).publicKey;
  if (!isDevelopmentMode(env) && keys.some((key) => key.equals(development)))
    throw new Error(
      'LOG_SIGNING_PREVIOUS_PUBLIC_KEYS holds the published development key, which only SAFEGUARDING_DEV=1 accepts',
    );
  return keys;
}
