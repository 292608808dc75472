import { KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { PublicKeys, signatureProblem, SigningKey } from './keyring';

/**
 * Ed25519 signatures over the case log. Every signed message is the RFC 8785 form of an object whose
 * `purpose` says what it is, so a signature made for one kind of statement can never pass for another.
 */
export const SIGNATURE_PURPOSE = {
  entry: 'sg.case-log.entry.v1',
  checkpoint: 'sg.case-log.checkpoint.v1',
  export: 'sg.case-log.export.v1',
  treeHead: 'sg.case-log.tree-head.v1',
} as const;

export function signedMessage(purpose: string, body: Record<string, unknown>): Buffer {
  return Buffer.from(canonicalJson({ ...body, purpose }), 'utf8');
}

export function signStatement(privateKey: KeyObject, purpose: string, body: Record<string, unknown>): string {
  return sign(null, signedMessage(purpose, body), privateKey).toString('base64');
}

export function verifyStatement(
  publicKey: KeyObject,
  purpose: string,
  body: Record<string, unknown>,
  signature: unknown,
): boolean {
  if (typeof signature !== 'string' || !/^[A-Za-z0-9+/]{86}==$/.test(signature)) return false;
  try {
    return verify(null, signedMessage(purpose, body), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** An entry's signature covers its hash, which covers all seven fields of SPEC §4 including caseId and seq. */
export const signEntryHash = (privateKey: KeyObject, hash: string) =>
  signStatement(privateKey, SIGNATURE_PURPOSE.entry, { hash });
export const verifyEntrySignature = (publicKey: KeyObject, hash: string, signature: unknown) =>
  verifyStatement(publicKey, SIGNATURE_PURPOSE.entry, { hash }, signature);

/** Why an entry's signature fails, or undefined when it verifies with the key it names. */
export function entrySignatureProblem(
  keys: PublicKeys,
  hash: string,
  signature: string | null | undefined,
  keyId: string | null | undefined,
): string | undefined {
  if (!signature) return 'entry is not signed';
  const problem = signatureProblem(keys, keyId, (key) => verifyEntrySignature(key, hash, signature));
  return problem && `entry ${problem} (rewritten without the signing key?)`;
}

/** A chain head vouched for at a moment: whatever the log later says, seq `seq` of this case had this hash. */
export interface CheckpointBody {
  caseId: string;
  seq: number;
  headHash: string;
  /** `at` of the head entry */
  headAt: string;
  checkpointedAt: string;
}

export interface SignedCheckpoint extends CheckpointBody {
  signature: string;
  /** the signing key's id; absent on checkpoints made before key ids existed */
  keyId?: string | null;
}

export const checkpointBody = (c: CheckpointBody): CheckpointBody => {
  const { caseId, seq, headHash, headAt, checkpointedAt } = c;
  return { caseId, seq, headHash, headAt, checkpointedAt };
};

export function signCheckpoint(signer: SigningKey, body: CheckpointBody): SignedCheckpoint {
  const signed = checkpointBody(body);
  const signature = signStatement(signer.privateKey, SIGNATURE_PURPOSE.checkpoint, { ...signed });
  return { ...signed, signature, keyId: signer.keyId };
}

/** Why a checkpoint is not genuine, or undefined when its signature verifies with the key it names. */
export function checkpointProblem(keys: PublicKeys, checkpoint: SignedCheckpoint): string | undefined {
  const body = { ...checkpointBody(checkpoint) };
  return signatureProblem(keys, checkpoint.keyId, (key) =>
    verifyStatement(key, SIGNATURE_PURPOSE.checkpoint, body, checkpoint.signature),
  );
}

export const verifyCheckpoint = (keys: PublicKeys, checkpoint: SignedCheckpoint): boolean =>
  !checkpointProblem(keys, checkpoint);
