import { createHmac } from 'node:crypto';
import { canonicalJson } from '@sg/case-log';
import { disclosureFingerprintKey } from '@sg/config/disclosure-fingerprint-key';
import type { CaseEntity } from '@sg/persistence';

/**
 * HMAC-SHA256 (key DISCLOSURE_FINGERPRINT_KEY) of the disclosure as received, in canonical JSON. It makes any
 * later edit of the stored disclosure evident to whoever holds the key, and, unlike a plain hash, cannot be used
 * to guess a short disclosure by hashing candidates.
 */
export function disclosureFingerprint(found: CaseEntity, key: string = disclosureFingerprintKey()): string {
  const disclosure = {
    channel: found.channel,
    occurredAt: found.occurredAt.toISOString(),
    summary: found.summary,
    subject: { externalUserId: found.subjectExternalUserId, age: found.subjectAge, contact: found.subjectContact },
    identifying: found.identifying,
  };
  return createHmac('sha256', key).update(canonicalJson(disclosure)).digest('hex');
}
