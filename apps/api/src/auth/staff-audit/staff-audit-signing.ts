import type { KeyObject } from 'node:crypto';
import { publicKeyId } from '@sg/case-log';
import { currentLogSigningKey } from '@sg/config';

/**
 * The staff chain is signed with the case log's signing key. This file is the chain's only tie to how that key is
 * configured, so a keyring (several keys with ids) changes this file and nothing else.
 */
export interface StaffSigningKey {
  keyId: string;
  privateKey: KeyObject;
}

export function staffSigningKey(): StaffSigningKey {
  const { privateKey, publicKey } = currentLogSigningKey();
  return { keyId: publicKeyId(publicKey), privateKey };
}

/** The public key an entry's key id names, when the service knows it. */
export function staffVerificationKey(keyId: string): KeyObject | undefined {
  const { publicKey } = currentLogSigningKey();
  return publicKeyId(publicKey) === keyId ? publicKey : undefined;
}
