import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor } from '@sg/workflows/case/case.types';
import { ActingUser } from '../acting-user';
import { Roles } from '../roles.guard';
import { StaffAccountReader } from './staff-account';
import { StaffAdmin } from './staff-admin.service';
import { CreateStaffDto, SetRolesDto, StaffAccountView, UpdateStaffDto } from './staff.dto';

const SELF = 'STAFF.SELF_CHANGE: an admin cannot change their own account';

/** Admins manage staff accounts; every change goes in the staff audit chain (GET /staff/audit, auditors). */
@ApiTags('staff')
@ApiBearerAuth()
@Controller('staff')
export class StaffController {
  constructor(
    private readonly accounts: StaffAccountReader,
    private readonly admin: StaffAdmin,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: '{items: StaffAccountView[]}' })
  async list(): Promise<{ items: StaffAccountView[] }> {
    const rows = await this.accounts.list();
    const items = rows.map((a) => ({
      username: a.username,
      roles: a.roles,
      disabled: a.disabled,
      mfaEnrolled: a.mfaEnrolled,
      createdAt: new Date(a.createdAt).toISOString(),
    }));
    return { items };
  }

  @Post()
  @Roles('admin')
  @ApiBadRequestResponse({ description: 'STAFF.ROLES_CONFLICT: admin together with a case role' })
  async create(@ActingUser() actor: Actor, @Body() body: CreateStaffDto) {
    const roles = await this.admin.create(actor.username, body.username, body.roles, body.password);
    return { username: body.username, roles, disabled: false, mfaEnrolled: false };
  }

  /** Disabling takes effect at the account's next request; re-enabling does not revive its older tokens. */
  @Patch(':username')
  @HttpCode(200)
  @Roles('admin')
  @ApiForbiddenResponse({ description: SELF })
  @ApiNotFoundResponse({ description: 'STAFF.NOT_FOUND' })
  async setDisabled(@ActingUser() actor: Actor, @Param('username') username: string, @Body() body: UpdateStaffDto) {
    await this.admin.setDisabled(actor.username, username, body.disabled);
    return { username, disabled: body.disabled };
  }

  /** The account's older tokens end: it signs in again under its new roles. */
  @Put(':username/roles')
  @HttpCode(200)
  @Roles('admin')
  @ApiBadRequestResponse({ description: 'STAFF.ROLES_CONFLICT: admin together with a case role' })
  @ApiForbiddenResponse({ description: `${SELF} (nor grant it roles)` })
  @ApiNotFoundResponse({ description: 'STAFF.NOT_FOUND' })
  async setRoles(@ActingUser() actor: Actor, @Param('username') username: string, @Body() body: SetRolesDto) {
    return { username, roles: await this.admin.setRoles(actor.username, username, body.roles) };
  }

  /** For a lost phone: the account sets up two-factor sign-in again at its next sign-in. */
  @Post(':username/mfa/reset')
  @HttpCode(200)
  @Roles('admin')
  @ApiForbiddenResponse({ description: SELF })
  @ApiNotFoundResponse({ description: 'STAFF.NOT_FOUND' })
  async resetSecondFactor(@ActingUser() actor: Actor, @Param('username') username: string) {
    await this.admin.resetSecondFactor(actor.username, username);
    return { username, mfaEnrolled: false };
  }
}
