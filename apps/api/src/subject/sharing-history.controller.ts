import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/acting-user';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.guard';
import { SharingHistoryLimit } from './read-limits';
import { SharingHistory, SharingHistoryItem } from './sharing-history.service';

@ApiTags('young person')
@ApiBearerAuth()
@Controller('me')
export class SharingHistoryController {
  constructor(private readonly history: SharingHistory) {}

  /**
   * Only ever the caller's own history: the externalUserId comes from their token, never from the request. Each
   * read is recorded in the log of every case it shows (`case.viewed`, actor `subject`), and rate-limited.
   */
  @Get('sharing-history')
  @Roles('subject')
  @UseGuards(SharingHistoryLimit)
  @ApiOkResponse({
    description: '{items: [{caseId, agency, agencyName, sharedAt, sharedData, level, reason, explanation}]}',
  })
  async sharingHistory(@CurrentPrincipal() caller: Principal): Promise<{ items: SharingHistoryItem[] }> {
    if (caller.kind !== 'subject') return { items: [] };
    return { items: await this.history.readRecorded(caller.externalUserId) };
  }
}
