import { createPublicKey, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { publicKeyId, publicKeyPem } from './keyring';
import { signCheckpoint, signEntryHash, verifyCheckpoint, verifyEntrySignature } from './signatures';
import { testKeys } from './testing/signed-chain';

const body = {
  caseId: 'c1',
  seq: 3,
  headHash: 'a'.repeat(64),
  headAt: '2026-01-01T00:00:00.000Z',
  checkpointedAt: '2026-01-01T00:05:00.000Z',
};

describe('Ed25519 checkpoints', () => {
  const key = testKeys();
  const { publicKey } = key;

  it('verifies with the public key alone, over the documented message (RFC 8785 of the fields plus purpose)', () => {
    const checkpoint = signCheckpoint(key, body);
    expect(verifyCheckpoint(key.keys, checkpoint)).toBe(true);
    // What docs/audit.md tells an outsider to check, with node:crypto and the PEM only:
    const message = Buffer.from(canonicalJson({ ...body, purpose: 'sg.case-log.checkpoint.v1' }));
    expect(
      verify(null, message, createPublicKey(publicKeyPem(publicKey)), Buffer.from(checkpoint.signature, 'base64')),
    ).toBe(true);
  });

  it.each([
    ['seq', { seq: 4 }],
    ['head hash', { headHash: 'b'.repeat(64) }],
    ['case', { caseId: 'c2' }],
    ['head time', { headAt: '2026-01-01T00:00:01.000Z' }],
    ['checkpoint time', { checkpointedAt: '2026-01-02T00:05:00.000Z' }],
    ['signature', { signature: signCheckpoint(key, { ...body, seq: 4 }).signature }],
    ['signature (garbage)', { signature: 'not base64' }],
  ])('refuses a checkpoint whose %s was changed', (_what, change) => {
    expect(verifyCheckpoint(key.keys, { ...signCheckpoint(key, body), ...change })).toBe(false);
  });

  it('refuses a checkpoint signed with another key', () => {
    expect(verifyCheckpoint(key.keys, signCheckpoint(testKeys(), body))).toBe(false);
  });

  it('never takes an entry signature for a checkpoint signature, or the reverse', () => {
    const entrySignature = signEntryHash(key.privateKey, body.headHash);
    expect(verifyEntrySignature(publicKey, body.headHash, entrySignature)).toBe(true);
    expect(verifyCheckpoint(key.keys, { ...body, signature: entrySignature })).toBe(false);
    expect(verifyEntrySignature(publicKey, body.headHash, signCheckpoint(key, body).signature)).toBe(false);
  });

  it('names a key by a stable 16-hex-digit id', () => {
    expect(publicKeyId(publicKey)).toMatch(/^[0-9a-f]{16}$/);
    expect(publicKeyId(createPublicKey(publicKeyPem(publicKey)))).toBe(publicKeyId(publicKey));
    expect(publicKeyId(testKeys().publicKey)).not.toBe(publicKeyId(publicKey));
  });
});
