import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiProduces,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../auth/acting-user';
import { Public, Roles } from '../auth/roles.guard';
import { AuditKeys } from './audit-keys';
import type { CheckpointRun } from '@sg/workflows/checkpoint/checkpoint.types';
import { CheckpointRuns } from './checkpoint-runs.service';
import { ExportRangeQuery, toExportRange } from './export-range.query';
import { LogExportService } from './log-export.service';

/** What an auditor, or anyone outside holding the public key, needs to check the case log. See docs/audit.md. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly keys: AuditKeys,
    private readonly checkpoints: CheckpointRuns,
    private readonly exporter: LogExportService,
  ) {}

  /** Public on purpose: the key is what lets someone outside verify signatures. */
  @Get('public-key')
  @Public()
  @ApiOkResponse({
    description:
      '{algorithm, keyId, publicKey (SPKI PEM), development, keys: [{keyId, publicKey}]}: the current key, and every ' +
      'key that ever signed the log (current first), so history signed before a rotation still verifies',
  })
  publicKey() {
    const [current] = this.keys.published;
    return {
      algorithm: 'Ed25519',
      keyId: current.keyId,
      publicKey: current.publicKey,
      development: this.keys.development,
      keys: this.keys.published,
    };
  }

  @Post('checkpoints')
  @HttpCode(200)
  @Roles('auditor')
  @ApiOkResponse({
    description:
      '{checkpointed, refused, treeHead}: chain heads signed now, chains refused because they fail verification, ' +
      'and the newest signed tree head',
  })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  @ApiConflictResponse({
    description: 'AUDIT.TREE_INCONSISTENT: checkpoints removed or changed since a published head',
  })
  @ApiServiceUnavailableResponse({ description: 'The workflow engine or the worker is not available' })
  checkpoint(): Promise<CheckpointRun> {
    return this.checkpoints.runNow();
  }

  @Get('export')
  @Roles('auditor')
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({ description: 'NDJSON: entries by case then seq, anchors, checkpoints, and a signed trailer' })
  @ApiBadRequestResponse({ description: 'from/to missing, not ISO-8601 date-times with a zone, or not in order' })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  async export(@Query() query: ExportRangeQuery, @ActingUser() actor: Actor, @Res() res: Response): Promise<void> {
    await this.exporter.export(toExportRange(query), actor.username, res);
  }
}
