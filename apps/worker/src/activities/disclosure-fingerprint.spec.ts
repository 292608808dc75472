import { createHash } from 'node:crypto';
import { canonicalJson } from '@sg/case-log';
import type { CaseEntity } from '@sg/persistence';
import { disclosureFingerprint } from './disclosure-fingerprint';

const found = {
  channel: 'boards',
  occurredAt: new Date('2026-11-20T21:15:00Z'),
  summary: 'plan tonight',
  subjectExternalUserId: 'user-1',
  subjectAge: 15,
  subjectContact: { platformMessage: true },
  identifying: null,
} as unknown as CaseEntity;

describe('disclosure fingerprint', () => {
  it('is keyed: without the key, hashing a guessed disclosure does not find it', () => {
    const keyed = disclosureFingerprint(found, 'k'.repeat(32));
    const guess = {
      channel: 'boards',
      occurredAt: '2026-11-20T21:15:00.000Z',
      summary: 'plan tonight',
      subject: { externalUserId: 'user-1', age: 15, contact: { platformMessage: true } },
      identifying: null,
    };
    expect(keyed).toMatch(/^[0-9a-f]{64}$/);
    expect(keyed).not.toBe(createHash('sha256').update(canonicalJson(guess)).digest('hex'));
    expect(disclosureFingerprint(found, 'k'.repeat(32))).toBe(keyed);
    expect(disclosureFingerprint(found, 'j'.repeat(32))).not.toBe(keyed);
    expect(disclosureFingerprint({ ...found, summary: 'edited' } as CaseEntity, 'k'.repeat(32))).not.toBe(keyed);
  });
});
