import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { StaffRole } from '@sg/workflows/case/case.types';
import { actingUserOf } from './acting-user';

const ROLES = 'roles';

/** The roles allowed to call an endpoint; an endpoint without it is open (health, docs). */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES, roles);

/** Runs before validation, so a caller without the right role learns nothing about the body's rules. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const actor = actingUserOf(context.switchToHttp().getRequest<Request>());
    if (!roles.includes(actor.role)) throw new ForbiddenException(`This is for ${roles.join(', ')}`);
    return true;
  }
}
