import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { SignedTreeHead } from '@sg/case-log';
import { Roles } from '../auth/roles.guard';
import { TreeConsistencyQuery } from './tree-consistency.query';
import { TreeConsistency, TreeHeads } from './tree-heads.service';

/** Signed heads of the tree over every case's checkpoints, for auditors to fetch and keep (docs/audit.md). */
@ApiTags('audit')
@Controller('audit/tree-heads')
export class TreeHeadsController {
  constructor(private readonly heads: TreeHeads) {}

  @Get()
  @Roles('auditor')
  @ApiOkResponse({ description: '{heads: [{treeSize, rootHash, timestamp, keyId, signature}]}, oldest first' })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  list(): { heads: SignedTreeHead[] } {
    return { heads: this.heads.published() };
  }

  @Get('consistency')
  @Roles('auditor')
  @ApiOkResponse({
    description:
      '{from, to, rootHash, proof}: RFC 9162 consistency proof, from the checkpoints in the database now, that the ' +
      'tree of size `from` is a prefix of the tree of size `to`',
  })
  @ApiBadRequestResponse({ description: 'from or to missing, not whole numbers, or beyond the tree' })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  consistency(@Query() query: TreeConsistencyQuery): Promise<TreeConsistency> {
    return this.heads.consistency(query.from, query.to);
  }
}
