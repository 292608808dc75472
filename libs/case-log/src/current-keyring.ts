import { createPublicKey } from 'node:crypto';
// subpaths, not '@sg/config': that index pulls in @nestjs/config, which unit tests cannot load
import { previousLogPublicKeys } from '@sg/config/log-keys';
import { loadLogSigningKey } from '@sg/config/log-signing';
import { LogKeyring, publicKeyId, publicKeysOf } from './keyring';

/** LOG_SIGNING_KEY signs; its public key and LOG_SIGNING_PREVIOUS_PUBLIC_KEYS verify (docs/audit.md). */
export function logKeyringFrom(env: Record<string, string | undefined>): LogKeyring {
  const current = loadLogSigningKey(env);
  const publicKey = createPublicKey(current.privateKey);
  return {
    signing: { keyId: publicKeyId(publicKey), privateKey: current.privateKey },
    publicKeys: publicKeysOf([publicKey, ...previousLogPublicKeys(env)]),
    development: current.development,
  };
}

let cached: { source: string; keyring: LogKeyring } | undefined;

/** The keyring from process.env, read once (again only if its variables change, e.g. in tests). */
export function currentLogKeyring(): LogKeyring {
  const env = process.env;
  const source = [env.SAFEGUARDING_DEV, env.LOG_SIGNING_KEY, env.LOG_SIGNING_PREVIOUS_PUBLIC_KEYS].join('|');
  if (cached?.source !== source) cached = { source, keyring: logKeyringFrom(env) };
  return cached.keyring;
}
