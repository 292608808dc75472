import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { sealStaffEntry } from './seal-staff-entry';
import { StaffChange } from './staff-audit-entry';
import { staffSigningKey } from './staff-audit-signing';

/**
 * Appends account changes to the staff audit chain, inside the caller's transaction: the change and its entry
 * commit together or not at all, so the chain never records a change that did not happen, nor misses one.
 */
@Injectable()
export class StaffAuditChain {
  async append(manager: EntityManager, change: StaffChange): Promise<void> {
    // One chain, one writer at a time: the lock is held until the transaction ends.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('staff_audit_entries'))`);
    const [last] = (await manager.query('SELECT seq, hash FROM staff_audit_entries ORDER BY seq DESC LIMIT 1')) as {
      seq: number;
      hash: string;
    }[];
    const entry = sealStaffEntry(
      last && { seq: Number(last.seq), hash: last.hash },
      change,
      new Date(),
      staffSigningKey(),
    );
    await manager.query(
      `INSERT INTO staff_audit_entries (seq, at, actor, type, data, prev_hash, hash, key_id, signature)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        entry.seq,
        entry.at,
        entry.actor,
        entry.type,
        JSON.stringify(entry.data),
        entry.prevHash,
        entry.hash,
        entry.keyId,
        entry.signature,
      ],
    );
  }
}
