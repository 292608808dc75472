import { createHash, KeyObject } from 'node:crypto';

/** Public keys by key id: every key that ever signed this log, the current one and those rotated out. */
export type PublicKeys = ReadonlyMap<string, KeyObject>;

export function publicKeysOf(keys: readonly KeyObject[]): PublicKeys {
  return new Map(keys.map((key) => [publicKeyId(key), key]));
}

/** The key that signs now, and its id, which every entry, checkpoint and tree head it signs carries. */
export interface SigningKey {
  keyId: string;
  privateKey: KeyObject;
}

export interface LogKeyring {
  signing: SigningKey;
  /** the signing key's public half first, then the previous keys */
  publicKeys: PublicKeys;
  /** true when the published development-only key signs */
  development: boolean;
}

/**
 * Checks a signature with the key it names. A statement that names no key was written before key ids existed:
 * any of the log's keys may have made it. The key id is only a pointer: naming another key cannot make a signature
 * verify, only fail.
 */
export function signatureProblem(
  keys: PublicKeys,
  keyId: string | null | undefined,
  verify: (key: KeyObject) => boolean,
): string | undefined {
  if (keyId) {
    const key = keys.get(keyId);
    if (!key) return `signed with key ${keyId}, which is not one of the log's public keys`;
    return verify(key) ? undefined : `signature does not verify with key ${keyId}`;
  }
  for (const key of keys.values()) if (verify(key)) return undefined;
  return "signature does not verify with any of the log's public keys";
}

/** A short, stable name for a public key: sha256 of its SPKI DER, first 16 hex digits. */
export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

/** A public key as the log publishes it (GET /audit/public-key, export trailers). */
export interface PublishedKey {
  keyId: string;
  /** SPKI PEM */
  publicKey: string;
}

export const publishedKeys = (keys: PublicKeys): PublishedKey[] =>
  [...keys].map(([keyId, key]) => ({ keyId, publicKey: publicKeyPem(key) }));
