import { Outbox } from './outbox';
import type { AgencyReferral } from './messages';
import { postSignedJson } from './webhook';

/** Sends a referral through an agency's electronic route; throws when delivery fails. */
export interface ReferralSender {
  send(referral: AgencyReferral, deliveryId: string): Promise<string>;
}

/** Per-agency webhooks from configuration (REFERRAL_WEBHOOK_<AGENCY>); agencies without one go to the outbox. */
export class ConfiguredReferralSender implements ReferralSender {
  constructor(
    private readonly outbox: Outbox,
    private readonly webhooks: Record<string, string>,
    private readonly secret: string,
  ) {}

  async send(referral: AgencyReferral, deliveryId: string): Promise<string> {
    const url = this.webhooks[referral.agency];
    if (url) {
      await postSignedJson(url, this.secret, referral, deliveryId);
      return 'agency-webhook';
    }
    await this.outbox.write({
      dedupeKey: deliveryId,
      kind: 'agency.referral',
      caseId: referral.caseId,
      recipient: referral.agency,
      payload: referral,
    });
    return 'outbox';
  }
}
