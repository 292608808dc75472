import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../auth/acting-user';
import { Roles } from '../auth/roles.guard';
import { StaffContactsDto } from './staff-contacts.dto';
import { StaffContactsService } from './staff-contacts.service';

const STAFF = ['officer', 'on_call', 'supervisor', 'auditor', 'admin'] as const;

@ApiTags('rota')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Neither an admin nor that person' })
@Controller('staff/:username/contacts')
export class StaffContactsController {
  constructor(private readonly contacts: StaffContactsService) {}

  @Get()
  @Roles(...STAFF)
  @ApiOkResponse({ description: '{username, email, phone, webhookUrl}' })
  read(@Param('username') username: string, @ActingUser() actor: Actor) {
    return this.contacts.read(username, actor);
  }

  @Put()
  @Roles(...STAFF)
  @ApiOkResponse({ description: '{username, email, phone, webhookUrl}: the whole set, as stored' })
  @ApiBadRequestResponse({ description: 'Invalid contacts, or a webhook where pages to webhooks are not set up' })
  replace(@Param('username') username: string, @ActingUser() actor: Actor, @Body() body: StaffContactsDto) {
    return this.contacts.replace(username, body, actor);
  }
}
