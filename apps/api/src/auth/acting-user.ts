import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@sg/workflows/case/case.types';
import { DomainError } from '../common/domain-error';
import { AuthenticatedRequest, Principal, PRINCIPAL } from './principal';

function principalOf(context: ExecutionContext): Principal {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>()[PRINCIPAL];
  if (!principal) throw new DomainError('AUTH.NOT_AUTHENTICATED', 'Not authenticated'); // the guard always sets it first
  return principal;
}

/** The authenticated caller, as a controller parameter. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal =>
  principalOf(context),
);

/** The staff member acting, as the workflow and the log name them. */
export const ActingUser = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const principal = principalOf(context);
  if (principal.kind !== 'staff') throw new DomainError('AUTH.FORBIDDEN', 'This step is for staff');
  return { username: principal.username, roles: principal.roles };
});
