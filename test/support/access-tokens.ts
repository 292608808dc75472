import { createHmac } from 'node:crypto';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';

/**
 * Bearer tokens an attacker (or a stale client) might present, built by hand so the tests do not depend on
 * the service's own JWT code. The suite's stack signs with the development JWT_SECRET.
 */
const JWT_SECRET = process.env.JWT_SECRET ?? DEVELOPMENT_SECRETS.JWT_SECRET;
const HOUR = 3600;
const now = () => Math.floor(Date.now() / 1000);
const segment = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An HS256 JWT over `claims`, signed with `secret` (the service's own secret unless told otherwise). */
export function signToken(claims: object, secret: string = JWT_SECRET): string {
  const unsigned = `${segment({ alg: 'HS256', typ: 'JWT' })}.${segment(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The claims a staff login issues: subject, roles, audience `staff`, 8 hours' validity. */
export function staffClaims(username: string, roles: string[], issuedAt = now()): object {
  return { sub: username, roles, aud: 'staff', iat: issuedAt, exp: issuedAt + 8 * HOUR };
}

/** Correctly signed with the right secret, but it expired an hour ago. */
export function expiredStaffToken(username: string, roles: string[]): string {
  return signToken(staffClaims(username, roles, now() - 9 * HOUR));
}

/** Well formed and unexpired, signed with a secret the service does not hold. */
export function tokenSignedElsewhere(username: string, roles: string[]): string {
  return signToken(staffClaims(username, roles), 'not-the-service-secret-0123456789abcdef');
}

/** Correctly signed, but without `exp`: it would never expire. */
export function tokenWithoutExpiry(username: string, roles: string[]): string {
  const { exp: _exp, ...claims } = staffClaims(username, roles) as { exp: number };
  return signToken(claims);
}

/** Correctly signed, its audience a list naming staff and young person at once. */
export function tokenWithAudienceList(username: string, roles: string[]): string {
  return signToken({ ...staffClaims(username, roles), aud: ['staff', 'subject'] });
}

/** `alg: none`, no signature. */
export function unsignedToken(username: string, roles: string[]): string {
  return `${segment({ alg: 'none', typ: 'JWT' })}.${segment(staffClaims(username, roles))}.`;
}

/** A real token whose payload was edited (`changes` merged into its claims) and not re-signed. */
export function tamperedToken(realToken: string, changes: object): string {
  const [header, payload, signature] = realToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return `${header}.${segment({ ...claims, ...changes })}.${signature}`;
}

export const bearer = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });

/** The token inside an `Authorization: Bearer …` header. */
export const tokenOf = (headers: Record<string, string>): string => headers.Authorization.replace(/^Bearer /, '');
