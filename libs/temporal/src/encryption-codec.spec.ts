import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, Payload } from '@temporalio/common';
import { EncryptionCodec, REFUSED_ENCODING } from './encryption-codec';
import { PayloadKeyring, payloadKeyId } from './payload-keyring';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const codecWith = (...keys: Buffer[]) => new EncryptionCodec(new PayloadKeyring(keys));
const encodingOf = (payload: Payload) => Buffer.from(payload.metadata![METADATA_ENCODING_KEY]!).toString();

describe('EncryptionCodec', () => {
  const codec = codecWith(keyA);
  const payload = defaultPayloadConverter.toPayload({
    summary: 'canary-4417 plans to end it tonight',
    name: 'Sam Example',
  });

  it('round-trips a payload', async () => {
    const [encrypted] = await codec.encode([payload]);
    const [decrypted] = await codec.decode([encrypted]);
    expect(defaultPayloadConverter.fromPayload(decrypted)).toEqual({
      summary: 'canary-4417 plans to end it tonight',
      name: 'Sam Example',
    });
  });

  it('leaves no plain text in what Temporal stores', async () => {
    const [encrypted] = await codec.encode([payload]);
    const stored = Buffer.concat([
      Buffer.from(encrypted.data!),
      ...Object.values(encrypted.metadata!).map((v) => Buffer.from(v)),
    ]).toString('latin1');
    expect(stored).not.toContain('canary-4417');
    expect(stored).not.toContain('Sam Example');
    expect(stored).not.toContain('json/plain');
  });

  it('refuses an unencrypted payload: it decodes to something no payload converter accepts', async () => {
    const refusals: string[] = [];
    const watched = new EncryptionCodec(new PayloadKeyring([keyA]), (reason) => refusals.push(reason));
    const [decoded] = await watched.decode([payload]);
    expect(encodingOf(decoded)).toBe(REFUSED_ENCODING);
    expect(decoded.data).toBeUndefined();
    expect(() => defaultPayloadConverter.fromPayload(decoded)).toThrow(/Unknown encoding: refused/);
    expect(refusals).toEqual(['unencrypted']);
  });

  it('refuses a tampered payload, a truncated one and a payload from a key it does not hold', async () => {
    const [encrypted] = await codec.encode([payload]);
    const data = Buffer.from(encrypted.data!);
    data[20] ^= 1;
    const refusals: string[] = [];
    const watched = new EncryptionCodec(new PayloadKeyring([keyA]), (reason) => refusals.push(reason));
    const decoded = await watched.decode([
      { ...encrypted, data },
      { ...encrypted, data: data.subarray(0, 10) },
    ]);
    expect(decoded.map(encodingOf)).toEqual([REFUSED_ENCODING, REFUSED_ENCODING]);
    const [foreign] = await new EncryptionCodec(new PayloadKeyring([keyB]), (r) => refusals.push(r)).decode([
      encrypted,
    ]);
    expect(encodingOf(foreign)).toBe(REFUSED_ENCODING);
    expect(refusals).toEqual(['failed authentication', 'failed authentication', 'unknown key']);
  });
});

describe('payload keyring', () => {
  it('encrypts with the newest key, naming it, and decrypts with any key of the ring', async () => {
    const underA = (await codecWith(keyA).encode([defaultPayloadConverter.toPayload('written under A')]))[0];
    const rotated = codecWith(keyB, keyA);
    const [underB] = await rotated.encode([defaultPayloadConverter.toPayload('written under B')]);
    expect(Buffer.from(underA.metadata!['encryption-key-id']!).toString()).toBe(payloadKeyId(keyA));
    expect(Buffer.from(underB.metadata!['encryption-key-id']!).toString()).toBe(payloadKeyId(keyB));
    const decoded = await rotated.decode([underA, underB]);
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual(['written under A', 'written under B']);
    // A process that has not been given B yet cannot read what B wrote.
    expect(encodingOf((await codecWith(keyA).decode([underB]))[0])).toBe(REFUSED_ENCODING);
  });

  it('reads TEMPORAL_PAYLOAD_KEY and TEMPORAL_PAYLOAD_PREVIOUS_KEYS as base64, and refuses a key of the wrong size', () => {
    const ring = PayloadKeyring.fromBase64(keyB.toString('base64'), [keyA.toString('base64')]);
    expect(ring.newest.id).toBe(payloadKeyId(keyB));
    expect(ring.find(payloadKeyId(keyA))?.key.equals(keyA)).toBe(true);
    expect(() => PayloadKeyring.fromBase64(randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });

  it('keeps the key id of earlier releases, so recorded histories and running cases still decrypt', () => {
    // The development key's id, as stored in test/fixtures/histories.
    const development = Buffer.from('development-only-payload-key-32b');
    expect(payloadKeyId(development)).toBe('b61a817c95663971');
  });
});
