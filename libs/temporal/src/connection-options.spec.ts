import { randomBytes } from 'node:crypto';
import { connectionOptions, payloadKeyring } from './connection-options';
import { payloadKeyId } from './payload-keyring';

const newest = randomBytes(32);
const previous = randomBytes(32);
const settings = {
  address: 'ns.acct.tmprl.cloud:7233',
  namespace: 'ns.acct',
  taskQueue: 'safeguarding-cases',
  payloadKeys: { newest: newest.toString('base64'), previous: [previous.toString('base64')] },
  tls: undefined,
  apiKey: undefined,
};

describe('Temporal connection options (API client and worker)', () => {
  it('is the address alone for a plain local server', () => {
    expect(connectionOptions(settings)).toEqual({ address: 'ns.acct.tmprl.cloud:7233' });
  });

  it('carries TLS and the API key when configured', () => {
    const tls = { serverNameOverride: 'temporal.internal' };
    expect(connectionOptions({ ...settings, tls, apiKey: 'cloud-key' })).toEqual({
      address: 'ns.acct.tmprl.cloud:7233',
      tls,
      apiKey: 'cloud-key',
    });
  });

  it('builds the payload keyring from the newest key and the keys it replaced', () => {
    const ring = payloadKeyring(settings);
    expect(ring.newest.id).toBe(payloadKeyId(newest));
    expect(ring.find(payloadKeyId(previous))?.key.equals(previous)).toBe(true);
  });
});
