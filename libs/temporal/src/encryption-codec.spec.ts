import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from './encryption-codec';

describe('EncryptionCodec', () => {
  const codec = new EncryptionCodec(randomBytes(32));
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

  it('refuses a tampered payload and a payload from another key', async () => {
    const [encrypted] = await codec.encode([payload]);
    const data = Buffer.from(encrypted.data!);
    data[20] ^= 1;
    await expect(codec.decode([{ ...encrypted, data }])).rejects.toThrow();
    await expect(new EncryptionCodec(randomBytes(32)).decode([encrypted])).rejects.toThrow(/key/);
  });
});
