import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../auth/acting-user';
import { Public, Roles } from '../auth/roles.guard';
import { AuditKeys } from './audit-keys';
import { Checkpointer, CheckpointRun } from './checkpointer.service';
import { ExportRangeQuery, toExportRange } from './export-range.query';
import { LogExportService } from './log-export.service';

/** What an auditor, or anyone outside holding the public key, needs to check the case log. See docs/audit.md. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly keys: AuditKeys,
    private readonly checkpointer: Checkpointer,
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
    description: '{checkpointed, refused}: heads signed now, and chains refused because they fail verification',
  })
  @ApiForbiddenResponse({ description: 'Not an auditor' })
  checkpoint(): Promise<CheckpointRun> {
    return this.checkpointer.run();
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
