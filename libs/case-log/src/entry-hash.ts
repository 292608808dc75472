import { hash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { UnhashedEntry } from './log-entry';

/** hash = sha256_hex(JCS({caseId, seq, at, actor, type, data, prevHash})) — SPEC §4, nothing more. */
export function computeEntryHash(entry: UnhashedEntry): string {
  return hash('sha256', canonicalEntry(entry), 'hex');
}

const json = JSON.stringify;

/**
 * The RFC 8785 form of the seven hashed fields. Verification spends most of its time here, so the usual shape (string
 * fields, an integer seq) is written out with the keys already in RFC 8785 order, and only `data` goes through the
 * general canonicaliser; anything else takes the general path. entry-hash.spec.ts checks both give the same bytes.
 */
export function canonicalEntry(entry: UnhashedEntry): string {
  const { caseId, seq, at, actor, type, data, prevHash } = entry;
  const usual =
    typeof actor === 'string' &&
    typeof at === 'string' &&
    typeof caseId === 'string' &&
    typeof prevHash === 'string' &&
    typeof type === 'string' &&
    Number.isSafeInteger(seq);
  if (!usual) return canonicalJson({ caseId, seq, at, actor, type, data, prevHash });
  return (
    `{"actor":${json(actor)},"at":${json(at)},"caseId":${json(caseId)},"data":${canonicalJson(data)},` +
    `"prevHash":${json(prevHash)},"seq":${seq},"type":${json(type)}}`
  );
}
