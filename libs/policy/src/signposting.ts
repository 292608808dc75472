// Rule 11: where to turn when no referral is made. Only the contacts SPEC §2 gives are listed;
// Papyrus's own number is not in the policy, so it is named by its line, HOPELINE247.
import type { Signpost } from './types';

export const SIGNPOSTING: readonly Signpost[] = Object.freeze([
  Object.freeze({ name: 'Crisis text line', contact: 'Text THEMIX to 85258' }),
  Object.freeze({ name: 'Samaritans', contact: 'Call 116 123' }),
  Object.freeze({ name: 'Papyrus', contact: 'HOPELINE247' }),
  Object.freeze({ name: 'Childline', contact: 'Call 0800 1111 (under 19s)' }),
]);
