import { KeyObject } from 'node:crypto';
import { computeEntryHash } from './entry-hash';
import { GENESIS_HASH, LogEntry } from './log-entry';
import { SignedCheckpoint, verifyCheckpoint, verifyEntrySignature } from './signatures';

export interface SignedLogEntry extends LogEntry {
  /** base64 Ed25519 signature of the entry's hash, made when it was appended */
  signature?: string | null;
}

/** SPEC §5's answer to GET /cases/:id/log/verify, with the reason for the first problem. */
export interface LogAudit {
  valid: boolean;
  entries: number;
  headHash: string;
  firstInvalidSeq?: number;
  reason?: string;
  /** the highest seq a genuine signed checkpoint vouches for */
  checkpointedSeq?: number;
}

/** Where a partial chain (an export's time range) starts: the entry just before it, whose signature vouches for it. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  signature?: string | null;
}

/**
 * Checks one case's chain an entry at a time (so an export can be checked while it is read), then against
 * its signed checkpoints. The hash chain alone catches changed, missing-in-the-middle and reordered entries;
 * entry signatures catch a chain rewritten with recomputed hashes; checkpoints catch entries removed from the
 * end (or all of them) and entries re-appended in place of removed ones.
 */
export class ChainAuditor {
  private readonly startSeq: number;
  private prevHash: string;
  private count = 0;
  private readonly seen = new Map<number, { hash: string; at: number }>();
  private problem?: { seq: number; reason: string };

  constructor(
    readonly caseId: string,
    private readonly publicKey: KeyObject,
    private readonly anchor?: ChainAnchor,
  ) {
    this.startSeq = anchor ? anchor.seq + 1 : 1;
    this.prevHash = anchor ? anchor.hash : GENESIS_HASH;
    if (anchor && !verifyEntrySignature(publicKey, anchor.hash, anchor.signature))
      this.report(anchor.seq, 'the entry before this range is not signed by the key');
  }

  /** the seqs this auditor has seen, by position */
  get range(): { first: number; last: number } {
    return { first: this.startSeq, last: this.startSeq + this.count - 1 };
  }

  add(entry: SignedLogEntry): void {
    const seq = this.startSeq + this.count++;
    if (!this.seen.has(entry.seq)) this.seen.set(entry.seq, { hash: entry.hash, at: Date.parse(entry.at) });
    const problem =
      entry.seq !== seq
        ? `expected seq ${seq}, found ${entry.seq}`
        : entry.caseId !== this.caseId
          ? 'entry belongs to another case'
          : entry.prevHash !== this.prevHash
            ? 'prevHash does not match the previous entry'
            : computeEntryHash(entry) !== entry.hash
              ? 'hash does not match the entry content'
              : !entry.signature
                ? 'entry is not signed'
                : !verifyEntrySignature(this.publicKey, entry.hash, entry.signature)
                  ? 'entry signature does not verify (rewritten without the signing key?)'
                  : undefined;
    if (problem) this.report(seq, problem);
    this.prevHash = entry.hash;
  }

  /** Applies the case's checkpoints and gives the verdict. */
  finish(checkpoints: readonly SignedCheckpoint[]): LogAudit {
    const own = checkpoints.filter((c) => c.caseId === this.caseId).sort((a, b) => a.seq - b.seq);
    const genuine = own.filter((c) => this.checkCheckpoint(c));
    this.checkWrittenAfterCheckpoints(genuine);
    const headHash = this.count ? this.prevHash : (this.anchor?.hash ?? GENESIS_HASH);
    const verdict: LogAudit = { valid: !this.problem, entries: this.count, headHash };
    if (genuine.length) verdict.checkpointedSeq = genuine[genuine.length - 1].seq;
    return this.problem ? { ...verdict, firstInvalidSeq: this.problem.seq, reason: this.problem.reason } : verdict;
  }

  /** Compares the chain with one checkpoint; false when the checkpoint itself is not genuine. */
  private checkCheckpoint(checkpoint: SignedCheckpoint): boolean {
    const label = `checkpoint of seq ${checkpoint.seq} (${checkpoint.checkpointedAt})`;
    if (!verifyCheckpoint(this.publicKey, checkpoint)) {
      this.report(Math.min(checkpoint.seq, this.nextSeq()), `${label}: signature does not verify`);
      return false;
    }
    if (this.anchor && checkpoint.seq === this.anchor.seq) {
      if (checkpoint.headHash !== this.anchor.hash)
        this.report(this.startSeq, `${label}: the entry before this range does not match it`);
    } else if (checkpoint.seq >= this.startSeq) {
      const found = this.seen.get(checkpoint.seq);
      if (!found)
        this.report(
          this.nextSeq(),
          `${label}: the log ends at seq ${this.nextSeq() - 1}; checkpointed entries are missing`,
        );
      else if (found.hash !== checkpoint.headHash)
        this.report(checkpoint.seq, `${label}: hash differs from the checkpointed one`);
    } // else: before this export's range, nothing here to compare with
    return true;
  }

  /**
   * An entry whose seq a checkpoint already covered cannot have been written after that checkpoint: such an
   * entry was re-appended in place of a removed one (the service signs whatever it appends, so only time
   * tells). Assumes the writers' clocks do not run backwards past the checkpoint; see docs/audit.md.
   */
  private checkWrittenAfterCheckpoints(sorted: readonly SignedCheckpoint[]): void {
    if (!sorted.length) return;
    // latest[i]: the earliest moment any checkpoint from i on was taken, i.e. the latest time seqs <= sorted[i].seq may
    // carry
    const latest = sorted.map((c) => Math.max(Date.parse(c.headAt), Date.parse(c.checkpointedAt)));
    for (let i = latest.length - 2; i >= 0; i--) latest[i] = Math.min(latest[i], latest[i + 1]);
    let i = 0;
    for (const [seq, { at }] of [...this.seen.entries()].sort((a, b) => a[0] - b[0])) {
      while (i < sorted.length && sorted[i].seq < seq) i++;
      if (i === sorted.length) break;
      if (at > latest[i])
        return this.report(seq, `written after a checkpoint (seq ${sorted[i].seq}) that already covered seq ${seq}`);
    }
  }

  private nextSeq(): number {
    return this.startSeq + this.count;
  }

  private report(seq: number, reason: string): void {
    if (!this.problem || seq < this.problem.seq) this.problem = { seq, reason };
  }
}

/** Audits a whole chain (entries in seq order, from seq 1) against its signatures and checkpoints. */
export function auditCaseLog(
  caseId: string,
  entries: readonly SignedLogEntry[],
  checkpoints: readonly SignedCheckpoint[],
  publicKey: KeyObject,
): LogAudit {
  const auditor = new ChainAuditor(caseId, publicKey);
  for (const entry of entries) auditor.add(entry);
  return auditor.finish(checkpoints);
}
