import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { UnhashedEntry } from './log-entry';

/** hash = sha256_hex(JCS({caseId, seq, at, actor, type, data, prevHash})) — SPEC §4, nothing more. */
export function computeEntryHash(entry: UnhashedEntry): string {
  const { caseId, seq, at, actor, type, data, prevHash } = entry;
  const canonical = canonicalJson({ caseId, seq, at, actor, type, data, prevHash });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
