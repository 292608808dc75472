import { createHash, KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/**
 * Ed25519 signatures over the case log. Every signed message is the RFC 8785 form of an object whose
 * `purpose` says what it is, so a signature made for one kind of statement can never pass for another.
 */
export const SIGNATURE_PURPOSE = {
  entry: 'sg.case-log.entry.v1',
  checkpoint: 'sg.case-log.checkpoint.v1',
  export: 'sg.case-log.export.v1',
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
}

export function signCheckpoint(privateKey: KeyObject, body: CheckpointBody): SignedCheckpoint {
  const { caseId, seq, headHash, headAt, checkpointedAt } = body;
  const signed = { caseId, seq, headHash, headAt, checkpointedAt };
  return { ...signed, signature: signStatement(privateKey, SIGNATURE_PURPOSE.checkpoint, { ...signed }) };
}

export function verifyCheckpoint(publicKey: KeyObject, checkpoint: SignedCheckpoint): boolean {
  const { caseId, seq, headHash, headAt, checkpointedAt, signature } = checkpoint;
  return verifyStatement(
    publicKey,
    SIGNATURE_PURPOSE.checkpoint,
    { caseId, seq, headHash, headAt, checkpointedAt },
    signature,
  );
}

/** A short, stable name for a public key: sha256 of its SPKI DER, first 16 hex digits. */
export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}
