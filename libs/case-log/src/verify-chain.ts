import { computeEntryHash } from './entry-hash';
import { GENESIS_HASH, LogEntry } from './log-entry';

export interface ChainVerification {
  valid: boolean;
  entries: number;
  /** hash of the last entry, or the genesis hash for an empty chain */
  headHash: string;
  /** the first seq at which the chain stops being trustworthy */
  firstInvalidSeq?: number;
  reason?: string;
}

/**
 * Verifies one case's chain, given its entries in seq order. A gap, a reordering, a changed field or a
 * broken link is reported at the first entry where it shows, so an auditor knows where to look.
 */
export function verifyChain(entries: readonly LogEntry[]): ChainVerification {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const expectedSeq = i + 1;
    const problem =
      entry.seq !== expectedSeq
        ? `expected seq ${expectedSeq}, found ${entry.seq}`
        : entry.caseId !== entries[0].caseId
          ? 'entry belongs to another case'
          : entry.prevHash !== prevHash
            ? 'prevHash does not match the previous entry'
            : computeEntryHash(entry) !== entry.hash
              ? 'hash does not match the entry content'
              : undefined;
    if (problem) {
      return {
        valid: false,
        entries: entries.length,
        headHash: lastHash(entries),
        firstInvalidSeq: expectedSeq,
        reason: problem,
      };
    }
    prevHash = entry.hash;
  }
  return { valid: true, entries: entries.length, headHash: lastHash(entries) };
}

function lastHash(entries: readonly LogEntry[]): string {
  return entries.length ? entries[entries.length - 1].hash : GENESIS_HASH;
}
