import { randomBytes } from 'node:crypto';
import { NodeCryptoPlugin } from '@otplib/plugin-crypto-node';
import { TOTP } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { base32 } from './base32';

/** The issuer authenticator apps show beside the account name. */
const ISSUER = 'Safeguarding case service';
/** RFC 6238 defaults every authenticator app supports: SHA-1, 6 digits, 30 s steps. */
const SECRET_BYTES = 20;
/** A code from the step before or after the current one is accepted too (clock drift, typing time). */
const TOLERANCE_SECONDS = 30;

const totp = new TOTP({ crypto: new NodeCryptoPlugin() });

export function newTotpSecret(): Buffer {
  return randomBytes(SECRET_BYTES);
}

/** What the person types or scans into their authenticator app: the secret in base32, and an otpauth:// URI. */
export function enrolmentDetails(username: string, secret: Buffer): { secret: string; otpauthUri: string } {
  const encoded = base32(secret);
  return { secret: encoded, otpauthUri: generateTOTP({ issuer: ISSUER, label: username, secret: encoded }) };
}

/** The time step a six-digit code belongs to, if it is right for now; undefined if it is not. */
export async function matchingStep(secret: Buffer, code: string, now = Date.now()): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await totp.verify(code, { secret, epoch: Math.floor(now / 1000), epochTolerance: TOLERANCE_SECONDS });
  return result.valid ? result.timeStep : undefined;
}
