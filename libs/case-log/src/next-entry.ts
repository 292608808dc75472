import { toJsonValue } from './canonical-json';
import { currentLogKeyring } from './current-keyring';
import { computeEntryHash } from './entry-hash';
import { GENESIS_HASH, LogEntry } from './log-entry';
import { signEntryHash } from './signatures';

/** What an append is asked to write (CaseLogStore.append, appendToEach). */
export interface AppendRequest {
  caseId: string;
  /** the step's business identity, e.g. 'case.opened' or 'referral.recorded:EMERGENCY_SERVICES' */
  stepKey: string;
  actor: string;
  /** one of LOG_ENTRY_TYPES; any other is refused, non-retryably, before anything is written */
  type: string;
  data: Record<string, unknown>;
}

/** The columns an append writes, in the order of `nextEntry`'s values. */
export const INSERTED_COLUMNS = 'case_id, seq, at, actor, type, data, prev_hash, hash, step_key, signature, key_id';

/** The entry that follows `head` (none: the chain's first), hashed and signed, and its INSERTED_COLUMNS values. */
export function nextEntry(
  request: AppendRequest,
  head: { seq: number; hash: string } | undefined,
): { entry: LogEntry; values: unknown[] } {
  const unhashed = {
    caseId: request.caseId,
    seq: head ? head.seq + 1 : 1,
    at: new Date().toISOString(),
    actor: request.actor,
    type: request.type,
    data: toJsonValue(request.data),
    prevHash: head ? head.hash : GENESIS_HASH,
  };
  const entry: LogEntry = { ...unhashed, hash: computeEntryHash(unhashed) };
  // Signed as it is written: whoever rewrites the table later cannot make valid signatures without the key.
  const signer = currentLogKeyring().signing;
  const signature = signEntryHash(signer.privateKey, entry.hash);
  const values = [
    entry.caseId,
    entry.seq,
    entry.at,
    entry.actor,
    entry.type,
    JSON.stringify(entry.data),
    entry.prevHash,
    entry.hash,
    request.stepKey,
    signature,
    signer.keyId,
  ];
  return { entry, values };
}
