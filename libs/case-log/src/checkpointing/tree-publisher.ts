import { ApplicationFailure } from '@temporalio/common';
import { EntityManager } from 'typeorm';
import { PublicKeys, SigningKey } from '../keyring';
import { rootHash } from '../tree/merkle';
import { SignedTreeHead, signTreeHead, treeHeadProblem } from '../tree/tree-head';
import { TreeHeadFile } from '../tree/tree-head-file';
import { treeLeafHashes } from '../tree/tree-leaves';

/**
 * Refuses to go on when the database's checkpoints no longer reproduce the last published tree head: someone removed
 * or changed checkpoints (a whole case, or a chain's tail) since. An alarm for a person, not a fault to retry.
 */
export function treeInconsistent(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'LOG.TREE_INCONSISTENT', message, nonRetryable: true });
}

/** The last published head, and the leaf hashes it was checked against. */
export interface PublishedTree {
  last?: SignedTreeHead;
  leaves: string[];
}

/** Publishes signed heads of the tree over every checkpoint, only ever extending what was published before. */
export class TreePublisher {
  constructor(
    private readonly file: TreeHeadFile,
    private readonly signer: SigningKey,
    private readonly keys: PublicKeys,
  ) {}

  /**
   * Throws unless the checkpoints in the database still reproduce the last published head; returns that head and its
   * leaves, so publishing reads only the leaves added since.
   */
  async checkPublished(db: EntityManager): Promise<PublishedTree> {
    const last = this.file.latest();
    if (!last) return { leaves: [] };
    const forged = treeHeadProblem(this.keys, last);
    if (forged) throw treeInconsistent(`the last published tree head (size ${last.treeSize}): ${forged}`);
    const leaves = await treeLeafHashes(db, last.treeSize);
    if (leaves.length < last.treeSize || rootHash(leaves) !== last.rootHash)
      throw treeInconsistent(
        `the checkpoints in the database no longer reproduce published tree head ${last.treeSize} (${last.timestamp}): ` +
          'checkpoints were removed or changed since; find out what happened before checkpointing again (docs/audit.md)',
      );
    return { last, leaves };
  }

  /** Signs and appends a head of the whole tree when it grew since the checked head; returns the newest head. */
  async publish(db: EntityManager, { last, leaves: checked }: PublishedTree): Promise<SignedTreeHead | undefined> {
    const leaves = [...checked, ...(await treeLeafHashes(db, undefined, checked.length))];
    if (leaves.length === 0 || leaves.length <= (last?.treeSize ?? 0)) return last;
    const head = signTreeHead(this.signer, {
      treeSize: leaves.length,
      rootHash: rootHash(leaves),
      timestamp: new Date().toISOString(),
    });
    this.file.append(head);
    return head;
  }
}
