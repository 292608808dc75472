import type { BookkeepingSettings } from '../case-record.activities';

/** For tests: a fingerprint key of their own, and every contact route usable (as in development, by the outbox). */
export const TEST_BOOKKEEPING: BookkeepingSettings = {
  fingerprintKey: 'a-test-only-disclosure-fingerprint-key',
  canTellBy: () => true,
};
