import { readFileSync } from 'node:fs';
import type { Environment } from './environment';

/** Temporal's TLSConfig (@temporalio/common), for the API's client and the worker alike. */
export interface TemporalTls {
  serverNameOverride?: string;
  serverRootCACertificate?: Buffer;
  clientCertPair?: { crt: Buffer; key: Buffer };
}

type TemporalSettings = Pick<
  Environment,
  | 'TEMPORAL_TLS'
  | 'TEMPORAL_TLS_CA'
  | 'TEMPORAL_TLS_CERT'
  | 'TEMPORAL_TLS_KEY'
  | 'TEMPORAL_TLS_SERVER_NAME'
  | 'TEMPORAL_API_KEY'
>;

/**
 * TLS to Temporal: on with TEMPORAL_TLS=1, and on by itself when an API key, a CA or a client certificate is
 * given (Temporal Cloud takes either mTLS or an API key, both over TLS). Undefined means plain gRPC.
 */
export function temporalTls(env: TemporalSettings): TemporalTls | undefined {
  const implied = Boolean(env.TEMPORAL_API_KEY || env.TEMPORAL_TLS_CA || env.TEMPORAL_TLS_CERT);
  if (env.TEMPORAL_TLS === '0' || (env.TEMPORAL_TLS !== '1' && !implied)) return undefined;
  return {
    ...(env.TEMPORAL_TLS_SERVER_NAME ? { serverNameOverride: env.TEMPORAL_TLS_SERVER_NAME } : {}),
    ...(env.TEMPORAL_TLS_CA ? { serverRootCACertificate: readFileSync(env.TEMPORAL_TLS_CA) } : {}),
    ...(env.TEMPORAL_TLS_CERT && env.TEMPORAL_TLS_KEY
      ? { clientCertPair: { crt: readFileSync(env.TEMPORAL_TLS_CERT), key: readFileSync(env.TEMPORAL_TLS_KEY) } }
      : {}),
  };
}

/** node-postgres's `ssl` option: false, encrypted without verifying the server (require), or verified (verify-full). */
export function databaseTls(
  env: Pick<Environment, 'DATABASE_SSL' | 'DATABASE_SSL_CA'>,
): false | { rejectUnauthorized: boolean; ca?: string } {
  if (env.DATABASE_SSL === 'require') return { rejectUnauthorized: false };
  if (env.DATABASE_SSL === 'verify-full')
    return {
      rejectUnauthorized: true,
      ...(env.DATABASE_SSL_CA ? { ca: readFileSync(env.DATABASE_SSL_CA, 'utf8') } : {}),
    };
  return false;
}

/** The same, for scripts that run without the services' configuration (the migrator). */
export function databaseTlsFromEnv(raw: Record<string, string | undefined>): ReturnType<typeof databaseTls> {
  const mode = raw.DATABASE_SSL || 'off';
  if (mode !== 'off' && mode !== 'require' && mode !== 'verify-full')
    throw new Error('DATABASE_SSL must be off, require or verify-full');
  return databaseTls({ DATABASE_SSL: mode, DATABASE_SSL_CA: raw.DATABASE_SSL_CA || undefined });
}
