import { generateKeyPairSync } from 'node:crypto';
import { publicKeyId } from '@sg/case-log';
import { sealStaffEntry } from './seal-staff-entry';
import type { StaffAuditEntry, StaffChange } from './staff-audit-entry';
import { verifyStaffChain } from './verify-staff-chain';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey, keyId: publicKeyId(publicKey) };
}

const service = keyPair();
const keyFor = (id: string) => (id === service.keyId ? service.publicKey : undefined);

const CHANGES: StaffChange[] = [
  { actor: 'admin.fay', type: 'staff.created', data: { username: 'lead.sam', roles: ['supervisor'] } },
  { actor: 'lead.sam', type: 'staff.mfa_enrolled', data: { username: 'lead.sam' } },
  {
    actor: 'admin.fay',
    type: 'staff.roles_changed',
    data: { username: 'lead.sam', from: ['supervisor'], to: ['officer'] },
  },
  { actor: 'admin.fay', type: 'staff.disabled', data: { username: 'lead.sam' } },
];

function chain(key = service): StaffAuditEntry[] {
  const entries: StaffAuditEntry[] = [];
  CHANGES.forEach((change, i) =>
    entries.push(sealStaffEntry(entries[i - 1], change, new Date(Date.UTC(2026, 10, 1, 12, i)), key)),
  );
  return entries;
}

/** An insider's rewrite: entry `seq` changed, its hash and every later link recomputed, but no signing key. */
function rewritten(entries: StaffAuditEntry[], seq: number, data: Record<string, unknown>): StaffAuditEntry[] {
  const forger = keyPair();
  const out: StaffAuditEntry[] = [];
  entries.forEach((e, i) => {
    if (e.seq < seq) return out.push(e);
    const change = { actor: e.actor, type: e.type, data: e.seq === seq ? data : e.data } as StaffChange;
    const forged = sealStaffEntry(out[i - 1], change, new Date(e.at), forger);
    out.push({ ...forged, keyId: e.keyId, signature: e.signature });
  });
  return out;
}

describe('the staff audit chain verifies like a case log', () => {
  it('a chain as written verifies, its head the last hash', () => {
    const entries = chain();
    expect(verifyStaffChain(entries, keyFor)).toEqual({ valid: true, entries: 4, headHash: entries[3].hash });
  });

  it('an empty chain is valid, its head the genesis hash', () => {
    expect(verifyStaffChain([], keyFor)).toEqual({ valid: true, entries: 0, headHash: '0'.repeat(64) });
  });

  it('a changed field is caught at its entry', () => {
    const entries = chain();
    entries[2] = { ...entries[2], data: { ...entries[2].data, to: ['admin', 'officer'] } };
    expect(verifyStaffChain(entries, keyFor)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      reason: expect.stringMatching(/hash/),
    });
  });

  it('a rewrite with recomputed hashes is caught by the signature', () => {
    const forged = rewritten(chain(), 3, { username: 'lead.sam', from: ['supervisor'], to: ['supervisor'] });
    expect(verifyStaffChain(forged, keyFor)).toMatchObject({
      valid: false,
      firstInvalidSeq: 3,
      reason: expect.stringMatching(/signature/),
    });
  });

  it('a removed entry is caught where the gap shows, and a broken link where it breaks', () => {
    const entries = chain();
    expect(verifyStaffChain([entries[0], entries[2], entries[3]], keyFor)).toMatchObject({
      valid: false,
      firstInvalidSeq: 2,
      reason: 'expected seq 2, found 3',
    });
    const relinked = [entries[0], { ...entries[1], prevHash: entries[1].hash }, entries[2], entries[3]];
    expect(verifyStaffChain(relinked, keyFor)).toMatchObject({
      valid: false,
      firstInvalidSeq: 2,
      reason: expect.stringMatching(/prevHash/),
    });
  });

  it('an entry signed with a key the service does not know is refused', () => {
    const other = keyPair();
    expect(verifyStaffChain(chain(other), keyFor)).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      reason: expect.stringMatching(/key/),
    });
  });
});
