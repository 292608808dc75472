import { UnauthorizedException } from '@nestjs/common';

export interface TokenClaims {
  sub: string;
  aud: string;
}

/**
 * What a verified token must also carry: an expiry (a token without one would work forever) and one audience as a
 * string (a list of audiences could pass as staff and as a young person at once).
 */
export function checkTokenClaims(claims: { sub?: unknown; aud?: unknown; exp?: unknown }): TokenClaims {
  if (typeof claims.exp !== 'number') throw new UnauthorizedException('The token has no expiry; log in again');
  if (typeof claims.aud !== 'string') throw new UnauthorizedException('The token is not valid');
  if (typeof claims.sub !== 'string' || !claims.sub) throw new UnauthorizedException('The token is not valid');
  return { sub: claims.sub, aud: claims.aud };
}
