import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { SignedLogEntry } from '../chain-audit';
import { computeEntryHash } from '../entry-hash';
import { PublicKeys, publicKeyId, publicKeysOf, SigningKey } from '../keyring';
import { GENESIS_HASH, UnhashedEntry } from '../log-entry';
import { CheckpointBody, signCheckpoint, SignedCheckpoint, signEntryHash } from '../signatures';

/** Test data for the unit tests: signed chains and checkpoints made as the service makes them. */
export interface TestKey extends SigningKey {
  publicKey: KeyObject;
  /** a keyring holding this key alone */
  keys: PublicKeys;
}

export function testKeys(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: publicKeyId(publicKey), keys: publicKeysOf([publicKey]) };
}

export const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString();

/** Entry `seq` of a chain, linked to `prev`, written at minute `seq` unless told otherwise. */
export function signedEntry(
  key: SigningKey | undefined,
  caseId: string,
  seq: number,
  prev: string,
  overrides: Partial<UnhashedEntry> = {},
): SignedLogEntry {
  const unhashed: UnhashedEntry = {
    caseId,
    seq,
    at: minute(seq),
    actor: 'system',
    type: seq === 1 ? 'case.opened' : 'note',
    data: { n: seq },
    prevHash: prev,
    ...overrides,
  };
  const hash = computeEntryHash(unhashed);
  return key
    ? { ...unhashed, hash, signature: signEntryHash(key.privateKey, hash), keyId: key.keyId }
    : { ...unhashed, hash, signature: null, keyId: null };
}

export function signedChain(key: SigningKey, caseId: string, count: number): SignedLogEntry[] {
  const entries: SignedLogEntry[] = [];
  for (let seq = 1; seq <= count; seq++)
    entries.push(signedEntry(key, caseId, seq, entries.length ? entries[seq - 2].hash : GENESIS_HASH));
  return entries;
}

/** A checkpoint of `entries`' head as it stands, taken half a minute after it was written. */
export function checkpointOf(
  key: SigningKey,
  head: SignedLogEntry,
  overrides: Partial<CheckpointBody> = {},
): SignedCheckpoint {
  const checkpointedAt = new Date(Date.parse(head.at) + 30_000).toISOString();
  return signCheckpoint(key, {
    caseId: head.caseId,
    seq: head.seq,
    headHash: head.hash,
    headAt: head.at,
    checkpointedAt,
    ...overrides,
  });
}

/**
 * Rewrites entries from `fromSeq` on with consistently recomputed hashes, as someone with the database but not the key
 * could.
 */
export function rewriteFrom(entries: SignedLogEntry[], fromSeq: number, forgerKey?: SigningKey): SignedLogEntry[] {
  const out = entries.slice(0, fromSeq - 1);
  for (const e of entries.slice(fromSeq - 1)) {
    const data = e.seq === fromSeq ? { ...e.data, rewritten: true } : e.data;
    const rewritten = signedEntry(forgerKey, e.caseId, e.seq, out.length ? out[out.length - 1].hash : GENESIS_HASH, {
      at: e.at,
      actor: e.actor,
      type: e.type,
      data,
    });
    out.push(forgerKey ? rewritten : { ...rewritten, signature: e.signature, keyId: e.keyId });
  }
  return out;
}
