import { computeEntryHash, GENESIS_HASH, signStatement, toJsonValue } from '@sg/case-log';
import { STAFF_CHAIN_ID, STAFF_ENTRY_SIGNATURE_PURPOSE, StaffAuditEntry, StaffChange } from './staff-audit-entry';
import type { StaffSigningKey } from './staff-audit-signing';

/** The entry that records `change` after `previous` (none: the chain's first), hashed and signed. */
export function sealStaffEntry(
  previous: Pick<StaffAuditEntry, 'seq' | 'hash'> | undefined,
  change: StaffChange,
  at: Date,
  key: StaffSigningKey,
): StaffAuditEntry {
  const seq = previous ? previous.seq + 1 : 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const { actor, type } = change;
  const data = toJsonValue(change.data);
  const body = { seq, at: at.toISOString(), actor, type, data, prevHash };
  const hash = computeEntryHash({ caseId: STAFF_CHAIN_ID, ...body });
  const signature = signStatement(key.privateKey, STAFF_ENTRY_SIGNATURE_PURPOSE, { hash });
  return { ...body, hash, keyId: key.keyId, signature };
}
