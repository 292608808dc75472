import { createHmac } from 'node:crypto';

/**
 * RFC 6238 TOTP codes (SHA-1, six digits, 30-second steps), written here from the RFC rather than taken from the
 * service, so the tests check the service against the standard and not against itself.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    value = (value << 5) | ALPHABET.indexOf(char);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export const timeStep = (now = Date.now()) => Math.floor(now / 30_000);

export function totpCode(secretBase32: string, step = timeStep()): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secretBase32)).update(counter).digest();
  const offset = digest[digest.length - 1] & 15;
  return String((digest.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/** The secret inside an otpauth:// URI. */
export const secretOf = (otpauthUri: string) => new URL(otpauthUri).searchParams.get('secret')!;
