import type { ChainAnchor, SignedLogEntry } from './log-entry';
import type { SignedCheckpoint } from './signatures';

/**
 * What a chain audit keeps of each entry, by position: flat arrays, as verification speed depends on it. An entry's
 * position is its seq until the chain breaks; past a break the audit's verdict is already decided, so looking entries
 * up by position there changes no first bad seq.
 */
export class ChainRecord {
  readonly hashes: string[] = [];
  readonly times: number[] = [];
  readonly signatures: (string | null | undefined)[] = [];
  readonly keyIds: (string | null | undefined)[] = [];
  /** the first seq at which the hash chain itself breaks, or Infinity */
  chainBreak = Infinity;

  constructor(
    readonly startSeq: number,
    readonly anchor?: ChainAnchor,
  ) {}

  push(entry: SignedLogEntry): void {
    this.hashes.push(entry.hash);
    this.times.push(Date.parse(entry.at));
    this.signatures.push(entry.signature);
    this.keyIds.push(entry.keyId);
  }

  get count(): number {
    return this.hashes.length;
  }

  /** position of `seq`, or -1 when the chain does not reach it */
  indexOf(seq: number): number {
    const i = seq - this.startSeq;
    return i >= 0 && i < this.hashes.length ? i : -1;
  }
}

/**
 * The highest seq whose entries a genuine checkpoint vouches for, or -1. A checkpoint vouches for every entry up to its
 * head when the chain from the start (genesis, or an anchor) to that head is unbroken (every hash recomputes from its
 * entry and links to the one before) and ends in the signed head hash: making any other chain end there would need a
 * SHA-256 second preimage. A checkpoint at or past a break vouches for nothing, so a forger who re-hashes one entry
 * and leaves the next link broken is still named at that entry, by its signature.
 */
export function checkpointCoverage(chain: ChainRecord, genuine: readonly SignedCheckpoint[]): number {
  for (let i = genuine.length - 1; i >= 0; i--) {
    const c = genuine[i];
    if (c.seq >= chain.chainBreak) continue;
    const at = chain.indexOf(c.seq);
    const head =
      chain.anchor && c.seq === chain.anchor.seq ? chain.anchor.hash : at >= 0 ? chain.hashes[at] : undefined;
    if (head === c.headHash) return c.seq;
  }
  return -1;
}

/**
 * An entry whose seq a checkpoint already covered cannot have been written after that checkpoint: such an entry was
 * re-appended in place of a removed one (the service signs whatever it appends, so only time tells). Assumes the
 * writers' clocks do not run backwards past the checkpoint; see docs/audit.md. `sorted` is by seq.
 */
export function writtenAfterCheckpoint(
  chain: ChainRecord,
  sorted: readonly SignedCheckpoint[],
): { seq: number; reason: string } | undefined {
  if (!sorted.length) return undefined;
  // latest[i]: the earliest moment any checkpoint from i on was taken, i.e. the latest time seqs <= sorted[i].seq may
  // carry
  const latest = sorted.map((c) => Math.max(Date.parse(c.headAt), Date.parse(c.checkpointedAt)));
  for (let i = latest.length - 2; i >= 0; i--) latest[i] = Math.min(latest[i], latest[i + 1]);
  let i = 0;
  for (let position = 0; position < chain.count; position++) {
    const seq = chain.startSeq + position;
    while (i < sorted.length && sorted[i].seq < seq) i++;
    if (i === sorted.length) return undefined;
    if (chain.times[position] > latest[i])
      return { seq, reason: `written after a checkpoint (seq ${sorted[i].seq}) that already covered seq ${seq}` };
  }
  return undefined;
}
