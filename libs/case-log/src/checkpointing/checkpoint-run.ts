import type { SignedTreeHead } from '../tree/tree-head';

/** A chain a checkpointing run would not sign, and why. */
export interface ChainRefusal {
  caseId: string;
  firstInvalidSeq?: number;
  reason?: string;
}

/** What one checkpointing run did: the answer of POST /audit/checkpoints and the checkpoint workflow's result. */
export interface CheckpointRun {
  /** chains whose head was signed in this run */
  checkpointed: number;
  /** chains that failed verification: never signed, so a checkpoint cannot bless a tampered log */
  refused: ChainRefusal[];
  /** the newest published tree head, after this run */
  treeHead?: SignedTreeHead;
}
