import { computeEntryHash } from './entry-hash';
import { PublicKeys } from './keyring';
import { ChainAnchor, GENESIS_HASH, SignedLogEntry } from './log-entry';

export type { ChainAnchor, SignedLogEntry };
import { checkpointProblem, entrySignatureProblem, SignedCheckpoint } from './signatures';
import { checkpointCoverage, ChainRecord, writtenAfterCheckpoint } from './checkpoint-coverage';

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

/**
 * Checks one case's chain an entry at a time (so an export can be checked while it is read), then against its
 * signed checkpoints. The hash chain catches changed, missing-in-the-middle and reordered entries; checkpoints catch
 * entries removed from the end (or all of them) and entries re-appended in place of removed ones; entry signatures
 * catch a chain rewritten with recomputed hashes. An entry up to a genuine checkpoint whose head the unbroken chain
 * reproduces needs no signature check of its own: the checkpoint's one signature covers it through the hashes.
 */
export class ChainAuditor {
  private readonly startSeq: number;
  private prevHash: string;
  private readonly chain: ChainRecord;
  private problem?: { seq: number; reason: string };

  constructor(
    readonly caseId: string,
    private readonly keys: PublicKeys,
    private readonly anchor?: ChainAnchor,
  ) {
    this.startSeq = anchor ? anchor.seq + 1 : 1;
    this.prevHash = anchor ? anchor.hash : GENESIS_HASH;
    this.chain = new ChainRecord(this.startSeq, anchor);
  }

  /** the seqs this auditor has seen, by position */
  get range(): { first: number; last: number } {
    return { first: this.startSeq, last: this.nextSeq() - 1 };
  }

  add(entry: SignedLogEntry): void {
    const seq = this.nextSeq();
    this.chain.push(entry);
    const problem =
      entry.seq !== seq
        ? `expected seq ${seq}, found ${entry.seq}`
        : entry.caseId !== this.caseId
          ? 'entry belongs to another case'
          : entry.prevHash !== this.prevHash
            ? 'prevHash does not match the previous entry'
            : computeEntryHash(entry) !== entry.hash
              ? 'hash does not match the entry content'
              : undefined;
    if (problem) {
      this.report(seq, problem);
      this.chain.chainBreak = Math.min(this.chain.chainBreak, seq);
    }
    this.prevHash = entry.hash;
  }

  /** Applies the case's checkpoints, checks the signatures no checkpoint covers, and gives the verdict. */
  finish(checkpoints: readonly SignedCheckpoint[]): LogAudit {
    const own = checkpoints.filter((c) => c.caseId === this.caseId).sort((a, b) => a.seq - b.seq);
    const genuine = own.filter((c) => this.checkCheckpoint(c));
    const late = writtenAfterCheckpoint(this.chain, genuine);
    if (late) this.report(late.seq, late.reason);
    this.checkSignatures(checkpointCoverage(this.chain, genuine));
    const count = this.chain.count;
    const headHash = count ? this.prevHash : (this.anchor?.hash ?? GENESIS_HASH);
    const verdict: LogAudit = { valid: !this.problem, entries: count, headHash };
    if (genuine.length) verdict.checkpointedSeq = genuine[genuine.length - 1].seq;
    return this.problem ? { ...verdict, firstInvalidSeq: this.problem.seq, reason: this.problem.reason } : verdict;
  }

  /** Compares the chain with one checkpoint; false when the checkpoint itself is not genuine. */
  private checkCheckpoint(checkpoint: SignedCheckpoint): boolean {
    const label = `checkpoint of seq ${checkpoint.seq} (${checkpoint.checkpointedAt})`;
    const forged = checkpointProblem(this.keys, checkpoint);
    if (forged) {
      this.report(Math.min(checkpoint.seq, this.nextSeq()), `${label}: ${forged}`);
      return false;
    }
    if (this.anchor && checkpoint.seq === this.anchor.seq) {
      if (checkpoint.headHash !== this.anchor.hash)
        this.report(this.startSeq, `${label}: the entry before this range does not match it`);
    } else if (checkpoint.seq >= this.startSeq) {
      const found = this.chain.indexOf(checkpoint.seq);
      if (found < 0)
        this.report(
          this.nextSeq(),
          `${label}: the log ends at seq ${this.nextSeq() - 1}; checkpointed entries are missing`,
        );
      else if (this.chain.hashes[found] !== checkpoint.headHash)
        this.report(checkpoint.seq, `${label}: hash differs from the checkpointed one`);
    } // else: before this export's range, nothing here to compare with
    return true;
  }

  /**
   * Entry signatures past `coveredSeq`, in order, up to the first problem found so far (a later one could not
   * change the verdict's first bad seq). Past the last checkpoint, that is all a forger without the key meets.
   */
  private checkSignatures(coveredSeq: number): void {
    const anchor = this.anchor;
    if (anchor && anchor.seq > coveredSeq) {
      const problem = entrySignatureProblem(this.keys, anchor.hash, anchor.signature, anchor.keyId);
      if (problem) this.report(anchor.seq, `the entry before this range: ${problem}`);
    }
    const { hashes, signatures, keyIds } = this.chain;
    for (let i = Math.max(coveredSeq + 1 - this.startSeq, 0); i < hashes.length; i++) {
      const seq = this.startSeq + i;
      if (this.problem && seq >= this.problem.seq) return;
      const problem = entrySignatureProblem(this.keys, hashes[i], signatures[i], keyIds[i]);
      if (problem) return this.report(seq, problem);
    }
  }

  private nextSeq(): number {
    return this.startSeq + this.chain.count;
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
  keys: PublicKeys,
): LogAudit {
  const auditor = new ChainAuditor(caseId, keys);
  for (const entry of entries) auditor.add(entry);
  return auditor.finish(checkpoints);
}
