import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/acting-user';
import type { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.guard';
import { SharingHistory, SharingHistoryItem } from './sharing-history.service';

@ApiTags('young person')
@ApiBearerAuth()
@Controller('me')
export class SharingHistoryController {
  constructor(private readonly history: SharingHistory) {}

  /** Only ever the caller's own history: the externalUserId comes from their token, never from the request. */
  @Get('sharing-history')
  @Roles('subject')
  @ApiOkResponse({
    description: '{items: [{caseId, agency, agencyName, sharedAt, sharedData, level, reason, explanation}]}',
  })
  async sharingHistory(@CurrentPrincipal() caller: Principal): Promise<{ items: SharingHistoryItem[] }> {
    if (caller.kind !== 'subject') return { items: [] };
    return { items: await this.history.of(caller.externalUserId) };
  }
}
