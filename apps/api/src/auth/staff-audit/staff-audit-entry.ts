/**
 * One entry of the staff audit chain. It is hashed exactly as a case log entry is (SPEC §4), with `caseId` the
 * chain's name, so the same rule verifies both: hash = sha256_hex(JCS({caseId, seq, at, actor, type, data,
 * prevHash})) with caseId = "staff-accounts".
 */
export const STAFF_CHAIN_ID = 'staff-accounts';

/** What each signature over a staff entry says it is, so it can never pass for a case log signature. */
export const STAFF_ENTRY_SIGNATURE_PURPOSE = 'sg.staff-audit.entry.v1';

/** Every kind of account change. The data of each names the account, never a password, secret or code. */
export const STAFF_AUDIT_TYPES = [
  'staff.created',
  'staff.roles_changed',
  'staff.disabled',
  'staff.enabled',
  'staff.password_changed',
  'staff.mfa_enrolled',
  'staff.mfa_reset',
  'staff.recovery_code_used',
] as const;
export type StaffAuditType = (typeof STAFF_AUDIT_TYPES)[number];

/** An account change about to be recorded: who did what to which account. */
export interface StaffChange {
  actor: string;
  type: StaffAuditType;
  data: { username: string } & Record<string, unknown>;
}

export interface StaffAuditEntry {
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prevHash: string;
  hash: string;
  /** which signing key signed it (a short id of its public key) */
  keyId: string;
  /** base64 Ed25519 signature of `{hash, purpose}` in canonical JSON */
  signature: string;
}

export interface StaffAuditRow {
  seq: number;
  at: Date;
  actor: string;
  type: string;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
  key_id: string;
  signature: string;
}

export function fromRow(row: StaffAuditRow): StaffAuditEntry {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actor: row.actor,
    type: row.type,
    data: row.data,
    prevHash: row.prev_hash,
    hash: row.hash,
    keyId: row.key_id,
    signature: row.signature,
  };
}
