import { PublicKeys, signatureProblem, SigningKey } from '../keyring';
import {
  checkpointBody,
  CheckpointBody,
  SIGNATURE_PURPOSE,
  signedMessage,
  signStatement,
  verifyStatement,
} from '../signatures';
import { leafHash } from './merkle';

/*
 * Signed tree heads over every case's checkpoints (docs/audit.md). Leaf i of the tree is the i-th checkpoint made
 * (its `leaf_index`): its data is exactly the message the checkpoint's signature covers, the RFC 8785 form of
 * {caseId, seq, headHash, headAt, checkpointedAt, purpose: "sg.case-log.checkpoint.v1"}. Checkpoints are only ever
 * added, so the tree only grows, and any tree head an auditor keeps must stay a prefix of every later one.
 */

export interface TreeHeadBody {
  /** how many checkpoints (leaves) the tree holds */
  treeSize: number;
  /** MTH of RFC 9162 over the leaves, hex */
  rootHash: string;
  /** when it was signed, ISO-8601 UTC */
  timestamp: string;
}

export interface SignedTreeHead extends TreeHeadBody {
  keyId: string;
  signature: string;
}

export const checkpointLeafHash = (checkpoint: CheckpointBody): string =>
  leafHash(signedMessage(SIGNATURE_PURPOSE.checkpoint, { ...checkpointBody(checkpoint) }));

const headBody = ({ treeSize, rootHash, timestamp }: TreeHeadBody): TreeHeadBody => ({ treeSize, rootHash, timestamp });

export function signTreeHead(signer: SigningKey, body: TreeHeadBody): SignedTreeHead {
  const signed = headBody(body);
  const signature = signStatement(signer.privateKey, SIGNATURE_PURPOSE.treeHead, { ...signed });
  return { ...signed, keyId: signer.keyId, signature };
}

/** Why a tree head is not genuine, or undefined when its signature verifies with the key it names. */
export function treeHeadProblem(keys: PublicKeys, head: SignedTreeHead): string | undefined {
  const body = { ...headBody(head) };
  return signatureProblem(keys, head.keyId, (key) =>
    verifyStatement(key, SIGNATURE_PURPOSE.treeHead, body, head.signature),
  );
}
