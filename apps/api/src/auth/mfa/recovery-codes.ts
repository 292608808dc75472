import { createHash, randomBytes } from 'node:crypto';
import { base32 } from './base32';

const COUNT = 10;

/**
 * Single-use recovery codes for a lost phone: 80 random bits each, shown once as XXXX-XXXX-XXXX-XXXX. Only their
 * SHA-256 is stored; at 80 bits a stolen table of hashes cannot be searched back to the codes.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: COUNT }, () => base32(randomBytes(10)).match(/.{4}/g)!.join('-'));
}

/** Case, spaces and hyphens do not matter when a code is typed back. */
export function recoveryCodeHash(code: string): string {
  const normalised = code.toUpperCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[A-Z2-7]{16}$/.test(code.toUpperCase().replace(/[\s-]/g, ''));
}
