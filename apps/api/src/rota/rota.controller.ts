import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../auth/acting-user';
import { Roles } from '../auth/roles.guard';
import { CreateShiftDto, ShiftRangeQuery } from './rota.dto';
import { RotaService } from './rota.service';

/** The on-call rota: kept by admins and supervisors, read by everyone who works cases. */
@ApiTags('rota')
@ApiBearerAuth()
@Controller('rota/shifts')
export class RotaController {
  constructor(private readonly rota: RotaService) {}

  @Post()
  @Roles('admin', 'supervisor')
  @ApiCreatedResponse({ description: '{id}' })
  @ApiBadRequestResponse({ description: 'Invalid times, unknown or disabled account, or a role that does not fit' })
  @ApiConflictResponse({ description: 'The person already has a shift at that time' })
  create(@ActingUser() actor: Actor, @Body() body: CreateShiftDto) {
    return this.rota.create(body, actor.username);
  }

  @Get()
  @Roles('admin', 'supervisor', 'on_call', 'officer')
  @ApiOkResponse({ description: '{items: [{id, username, level, startsAt, endsAt}]}, earliest first' })
  list(@Query() query: ShiftRangeQuery) {
    return this.rota.list(query);
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Roles('admin', 'supervisor')
  @ApiNoContentResponse({ description: 'Cancelled' })
  @ApiNotFoundResponse({ description: 'No such shift (or already cancelled)' })
  @ApiConflictResponse({ description: 'The shift has ended; it stays on the record' })
  async cancel(@Param('id', new ParseUUIDPipe()) id: string, @ActingUser() actor: Actor): Promise<void> {
    await this.rota.cancel(id, actor.username);
  }
}
