import type { AgencyReferral } from './messages';
import { PermanentDeliveryError } from './delivery-errors';
import { postSignedJson } from './webhook';

/** Sends a referral through an agency's electronic route; throws when delivery fails. */
export interface ReferralSender {
  send(referral: AgencyReferral, deliveryId: string): Promise<string>;
}

/**
 * Per-agency webhooks from configuration (REFERRAL_WEBHOOK_<AGENCY>). The API refuses an electronic referral to an
 * agency without one, so reaching here without a route means the configuration changed meanwhile: an officer
 * must send it another way, and the log says it was not sent.
 */
export class ConfiguredReferralSender implements ReferralSender {
  constructor(
    private readonly webhooks: Partial<Record<string, string>>,
    private readonly secret: string,
  ) {}

  async send(referral: AgencyReferral, deliveryId: string): Promise<string> {
    const url = this.webhooks[referral.agency];
    if (!url) throw new PermanentDeliveryError(`no electronic route to ${referral.agency} is configured`);
    await postSignedJson(url, this.secret, referral, deliveryId);
    return 'agency-webhook';
  }
}
