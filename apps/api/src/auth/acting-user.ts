import { createParamDecorator, ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, STAFF_ROLES, StaffRole } from '@sg/workflows/case/case.types';

/**
 * Who is making the request. Until staff login exists this is read from the `X-Actor` and `X-Actor-Role`
 * headers; this function is the one place the token-based identity replaces.
 */
export function actingUserOf(request: Request): Actor {
  const username = request.header('x-actor');
  const role = request.header('x-actor-role');
  if (!username || !/^[a-z0-9._-]{1,100}$/i.test(username) || !STAFF_ROLES.includes(role as StaffRole)) {
    throw new UnauthorizedException('Say who you are: X-Actor (a username) and X-Actor-Role (a staff role)');
  }
  return { username, role: role as StaffRole };
}

/** The acting user, as a controller parameter. */
export const ActingUser = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => actingUserOf(context.switchToHttp().getRequest<Request>()));
