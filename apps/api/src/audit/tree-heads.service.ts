import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { consistencyProof, rootHash, SignedTreeHead, TreeHeadFile, treeHeadDir, treeLeafHashes } from '@sg/case-log';
import { DomainError } from '../common/domain-error';
import { badRequest } from '../common/field-errors';

export interface TreeConsistency {
  from: number;
  to: number;
  /** root of the first `to` leaves as the database holds them now */
  rootHash: string;
  /** RFC 9162 consistency proof from the tree of size `from` to that one, hex hashes */
  proof: string[];
}

/** The published tree heads (from their file) and consistency proofs (from the checkpoints in the database). */
@Injectable()
export class TreeHeads {
  private readonly file = new TreeHeadFile(treeHeadDir(process.env));

  constructor(private readonly dataSource: DataSource) {}

  published(): SignedTreeHead[] {
    return this.file.all();
  }

  /**
   * Computed from the database as it is now, so an auditor can check it against a tree head they kept: if checkpoints
   * were removed or changed since, no proof the database can give will verify against that head's root.
   */
  async consistency(from: number, to?: number): Promise<TreeConsistency> {
    if (to !== undefined && from > to) throw badRequest([{ field: 'from', message: 'from must not be more than to' }]);
    const leaves = await treeLeafHashes(this.dataSource.manager, to);
    const size = to ?? leaves.length;
    const wanted = Math.max(from, size);
    if (wanted > leaves.length && wanted <= (this.file.latest()?.treeSize ?? 0))
      throw new DomainError(
        'AUDIT.TREE_INCONSISTENT',
        `A tree of ${wanted} checkpoints was published, but the database now holds ${leaves.length}: checkpoints were removed`,
      );
    if (wanted > leaves.length)
      throw badRequest([{ field: from > size ? 'from' : 'to', message: `the tree has ${leaves.length} leaves` }]);
    return { from, to: size, rootHash: rootHash(leaves), proof: consistencyProof(leaves, from) };
  }
}
