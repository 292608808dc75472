import { createHash, createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import { isDevelopmentMode } from './development-mode';
import { durationMs } from './duration';

// Kept free of @nestjs imports: the case log's append (run by the worker) and its unit tests load this file.

export interface LogSigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** true when no LOG_SIGNING_KEY was given and the development-only key is in use */
  development: boolean;
}

/**
 * DEVELOPMENT ONLY. Derived from a published label, so anyone can recompute it and forge signatures with it:
 * it exists so `npm start` and the test suite work without setup, and is refused outside SAFEGUARDING_DEV=1.
 */
function developmentKey(): KeyObject {
  const seed = createHash('sha256').update('safeguarding-case-service DEVELOPMENT ONLY case log signing key').digest();
  const pkcs8Ed25519Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([pkcs8Ed25519Prefix, seed]), format: 'der', type: 'pkcs8' });
}

/** LOG_SIGNING_KEY: an Ed25519 private key as PKCS8 PEM (literal "\n" allowed) or base64 PKCS8 DER. */
export function parseLogSigningKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = text.includes('-----BEGIN')
      ? createPrivateKey(text.replace(/\\n/g, '\n'))
      : createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new Error('LOG_SIGNING_KEY must be an Ed25519 private key: PKCS8 PEM or base64 PKCS8 DER');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`LOG_SIGNING_KEY must be an Ed25519 key, not ${key.asymmetricKeyType}`);
  return key;
}

export function loadLogSigningKey(env: Record<string, string | undefined>): LogSigningKey {
  const developmentMode = isDevelopmentMode(env);
  const given = env.LOG_SIGNING_KEY?.trim();
  if (!given && !developmentMode)
    throw new Error(
      'LOG_SIGNING_KEY is not set (an Ed25519 private key; development defaults need SAFEGUARDING_DEV=1)',
    );
  const privateKey = given ? parseLogSigningKey(given) : developmentKey();
  const publicKey = createPublicKey(privateKey);
  const development = !given || publicKey.equals(createPublicKey(developmentKey()));
  if (development && !developmentMode) throw new Error('LOG_SIGNING_KEY is the published development key');
  return { privateKey, publicKey, development };
}

let cached: { source: string | undefined; key: LogSigningKey } | undefined;

/** The key from process.env, parsed once (re-parsed only if LOG_SIGNING_KEY changes, e.g. in tests). */
export function currentLogSigningKey(): LogSigningKey {
  const source = `${process.env.SAFEGUARDING_DEV}|${process.env.LOG_SIGNING_KEY ?? ''}`;
  if (cached?.source !== source) cached = { source, key: loadLogSigningKey(process.env) };
  return cached.key;
}

/** LOG_CHECKPOINT_INTERVAL (ISO-8601, default PT5M): how often the API signs the heads of changed chains. */
export function logCheckpointIntervalMs(env: Record<string, string | undefined>): number {
  const value = env.LOG_CHECKPOINT_INTERVAL?.trim() || 'PT5M';
  try {
    return durationMs(value);
  } catch (error) {
    throw new Error(
      `LOG_CHECKPOINT_INTERVAL must be a positive ISO-8601 duration (e.g. PT5M): ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}
