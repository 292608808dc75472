import { EntityManager } from 'typeorm';
import { auditCaseLog, ChainAuditor, LogAudit, SignedLogEntry } from '../chain-audit';
import { PublicKeys, SigningKey } from '../keyring';
import { latestCheckpointOf, signedEntriesOf } from '../log-rows';
import { signCheckpoint, SignedCheckpoint } from '../signatures';
import { ChainRefusal } from './checkpoint-run';

/**
 * Checkpoints one chain incrementally: its newest checkpoint is checked (signature, and that its head entry is still
 * there with its hash), then only the entries after it, each with its signature; a chain that fails is never
 * checkpointed, so a checkpoint cannot bless a tampered log. The new checkpoint is the tree's next leaf.
 */
export async function checkpointChain(
  db: EntityManager,
  caseId: string,
  signer: SigningKey,
  keys: PublicKeys,
): Promise<{ checkpointed: boolean } | ChainRefusal> {
  const last = await latestCheckpointOf(db, caseId);
  const entries = await signedEntriesOf(db, caseId, last?.seq ?? 1);
  const audit = last ? auditSince(caseId, last, entries, keys) : auditCaseLog(caseId, entries, [], keys);
  if (!audit.valid) return { caseId, firstInvalidSeq: audit.firstInvalidSeq, reason: audit.reason };
  const head = entries[entries.length - 1];
  if (!head || head.seq <= (last?.seq ?? 0)) return { checkpointed: false };
  const checkpoint = signCheckpoint(signer, {
    caseId,
    seq: head.seq,
    headHash: head.hash,
    headAt: head.at,
    checkpointedAt: new Date().toISOString(),
  });
  // One checkpointing run at a time (an advisory lock), so the next leaf index is free.
  const inserted: unknown[] = await db.query(
    `INSERT INTO case_log_checkpoints (case_id, seq, head_hash, head_at, checkpointed_at, signature, key_id, leaf_index)
     VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT coalesce(max(leaf_index) + 1, 0) FROM case_log_checkpoints))
     ON CONFLICT (case_id, seq) DO NOTHING RETURNING seq`,
    [
      caseId,
      checkpoint.seq,
      checkpoint.headHash,
      checkpoint.headAt,
      checkpoint.checkpointedAt,
      checkpoint.signature,
      checkpoint.keyId,
    ],
  );
  return { checkpointed: inserted.length > 0 };
}

/** The chain from its last checkpoint's head on; `entries` start at that head (when it is still there). */
function auditSince(caseId: string, last: SignedCheckpoint, entries: SignedLogEntry[], keys: PublicKeys): LogAudit {
  const [head, ...after] = entries;
  if (head?.seq !== last.seq) {
    const reason = `the entry of the last checkpoint (seq ${last.seq}) is missing`;
    return { valid: false, entries: 0, headHash: last.headHash, firstInvalidSeq: last.seq, reason };
  }
  const auditor = new ChainAuditor(caseId, keys, {
    seq: head.seq,
    hash: head.hash,
    signature: head.signature,
    keyId: head.keyId,
  });
  for (const entry of after) auditor.add(entry);
  return auditor.finish([last]);
}
