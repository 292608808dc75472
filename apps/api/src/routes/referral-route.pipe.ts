import { Inject, Injectable, PipeTransform } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { hasReferralRoute } from '@sg/agencies';
import { routesConfig } from '@sg/agencies/routes.config';
import { DomainError } from '../common/domain-error';

/**
 * An electronic referral (any method but PHONE) needs a configured route to that agency; without one it is refused
 * here, before anything is written, rather than logged as sent and left where nobody reads it.
 */
@Injectable()
export class ReferralRoutePipe implements PipeTransform<{ agency: string; method: string }> {
  constructor(@Inject(routesConfig.KEY) private readonly routes: ConfigType<typeof routesConfig>) {}

  transform<T extends { agency: string; method: string }>(body: T): T {
    if (body.method !== 'PHONE' && !hasReferralRoute(this.routes, body.agency)) {
      throw new DomainError(
        'REFERRAL.NO_ROUTE',
        `There is no electronic route to ${body.agency}: make the referral by phone and record it with method PHONE`,
      );
    }
    return body;
  }
}
