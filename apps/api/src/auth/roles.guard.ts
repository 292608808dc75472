import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error';
import { Authenticator } from './authenticator';
import { Audience, audiencesOf, AuthenticatedRequest, PRINCIPAL } from './principal';

const ROLES = 'roles';

/** Who may call an endpoint. Every endpoint names its audience; only health and the docs are open. */
export const Roles = (...audiences: Audience[]) => SetMetadata(ROLES, audiences);
export const Public = () => SetMetadata(ROLES, 'public');

/** Runs before validation, so a caller without the right role learns nothing about the body's rules. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const audiences = this.reflector.getAllAndOverride<Audience[] | 'public' | undefined>(ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (audiences === 'public') return true;
    // An endpoint that forgot to say who may call it is closed, not open.
    if (!audiences) throw new DomainError('AUTH.ENDPOINT_CLOSED', 'This endpoint is not open to anyone');
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = await this.authenticator.authenticate(request);
    if (!principal)
      throw new DomainError('AUTH.NOT_AUTHENTICATED', 'Sign in first (POST /auth/login), or send the platform API key');
    if (!audiencesOf(principal).some((a) => audiences.includes(a)))
      throw new DomainError('AUTH.FORBIDDEN', `This is for ${audiences.join(', ')}`);
    request[PRINCIPAL] = principal;
    return true;
  }
}
