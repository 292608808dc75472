import { createParamDecorator, ExecutionContext, ForbiddenException } from '@nestjs/common';
import type { Actor } from '@sg/workflows/case/case.types';
import { AuthenticatedRequest, Principal, PRINCIPAL } from './principal';

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>()[PRINCIPAL];
  if (!principal) throw new ForbiddenException('Not authenticated'); // the guard always sets it first
  return principal;
}

/** The authenticated caller, as a controller parameter. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal =>
  principalOf(context),
);

/** The staff member acting, as the workflow and the log name them. */
export const ActingUser = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const principal = principalOf(context);
  if (principal.kind !== 'staff') throw new ForbiddenException('This step is for staff');
  return { username: principal.username, roles: principal.roles };
});
