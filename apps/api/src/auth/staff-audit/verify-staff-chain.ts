import type { KeyObject } from 'node:crypto';
import { computeEntryHash, GENESIS_HASH, verifyStatement } from '@sg/case-log';
import { STAFF_CHAIN_ID, STAFF_ENTRY_SIGNATURE_PURPOSE, StaffAuditEntry } from './staff-audit-entry';

export interface StaffChainVerdict {
  valid: boolean;
  entries: number;
  headHash: string;
  firstInvalidSeq?: number;
  reason?: string;
}

/**
 * Verifies the staff chain in seq order from 1: a gap, a changed field, a broken link or an entry rewritten with
 * a recomputed hash (its signature no longer verifies) is reported at the first entry where it shows.
 */
export function verifyStaffChain(
  entries: readonly StaffAuditEntry[],
  keyFor: (keyId: string) => KeyObject | undefined,
): StaffChainVerdict {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const reason = problemWith(entries[i], i + 1, prevHash, keyFor);
    if (reason)
      return { valid: false, entries: entries.length, headHash: headOf(entries), firstInvalidSeq: i + 1, reason };
    prevHash = entries[i].hash;
  }
  return { valid: true, entries: entries.length, headHash: headOf(entries) };
}

function problemWith(
  entry: StaffAuditEntry,
  expectedSeq: number,
  prevHash: string,
  keyFor: (keyId: string) => KeyObject | undefined,
): string | undefined {
  if (entry.seq !== expectedSeq) return `expected seq ${expectedSeq}, found ${entry.seq}`;
  if (entry.prevHash !== prevHash) return 'prevHash does not match the previous entry';
  const { seq, at, actor, type, data } = entry;
  if (computeEntryHash({ caseId: STAFF_CHAIN_ID, seq, at, actor, type, data, prevHash }) !== entry.hash)
    return 'hash does not match the entry content';
  const key = keyFor(entry.keyId);
  if (!key) return `signed with a key this service does not know (${entry.keyId})`;
  if (!verifyStatement(key, STAFF_ENTRY_SIGNATURE_PURPOSE, { hash: entry.hash }, entry.signature))
    return 'signature does not verify (rewritten without the signing key?)';
  return undefined;
}

function headOf(entries: readonly StaffAuditEntry[]): string {
  return entries.length ? entries[entries.length - 1].hash : GENESIS_HASH;
}
