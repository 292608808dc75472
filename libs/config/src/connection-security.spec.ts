import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseTls, databaseTlsFromEnv, temporalTls } from './connection-security';

const dir = mkdtempSync(join(tmpdir(), 'sg-tls-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const ca = file('ca.pem', 'CA PEM');
const cert = file('client.pem', 'CLIENT CERT');
const key = file('client.key', 'CLIENT KEY');

describe('Temporal connection security', () => {
  it('is plain gRPC unless asked for', () => {
    expect(temporalTls({})).toBeUndefined();
    expect(temporalTls({ TEMPORAL_TLS: '0', TEMPORAL_TLS_CA: ca })).toBeUndefined();
  });

  it('uses TLS with the system roots for TEMPORAL_TLS=1 or an API key (Temporal Cloud)', () => {
    expect(temporalTls({ TEMPORAL_TLS: '1' })).toEqual({});
    expect(temporalTls({ TEMPORAL_API_KEY: 'cloud-key' })).toEqual({});
  });

  it('reads the CA, the client certificate pair (mTLS) and the server name', () => {
    const tls = temporalTls({
      TEMPORAL_TLS_CA: ca,
      TEMPORAL_TLS_CERT: cert,
      TEMPORAL_TLS_KEY: key,
      TEMPORAL_TLS_SERVER_NAME: 'temporal.internal',
    });
    expect(tls?.serverNameOverride).toBe('temporal.internal');
    expect(tls?.serverRootCACertificate?.toString()).toBe('CA PEM');
    expect(tls?.clientCertPair?.crt.toString()).toBe('CLIENT CERT');
    expect(tls?.clientCertPair?.key.toString()).toBe('CLIENT KEY');
  });
});

describe('PostgreSQL connection security', () => {
  it('is off by default; require encrypts; verify-full checks the server against the CA', () => {
    expect(databaseTls({ DATABASE_SSL: 'off' })).toBe(false);
    expect(databaseTls({ DATABASE_SSL: 'require' })).toEqual({ rejectUnauthorized: false });
    expect(databaseTls({ DATABASE_SSL: 'verify-full', DATABASE_SSL_CA: ca })).toEqual({
      rejectUnauthorized: true,
      ca: 'CA PEM',
    });
    expect(databaseTlsFromEnv({})).toBe(false);
    expect(() => databaseTlsFromEnv({ DATABASE_SSL: 'yes' })).toThrow(/DATABASE_SSL must be/);
  });
});
