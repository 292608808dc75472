import { KeyObject } from 'node:crypto';
import { SignedLogEntry } from './chain-audit';
import { PublishedKey, SigningKey } from './keyring';
import { SIGNATURE_PURPOSE, SignedCheckpoint, signStatement, verifyStatement } from './signatures';

/*
 * The NDJSON export (GET /audit/export): one JSON object per line, ordered by case then seq.
 *   entry       SPEC §4's eight fields plus `signature` and `keyId` (no `kind`: an entry line is the entry)
 *   anchor      {kind:'anchor', caseId, seq, hash, signature, keyId}: the entry just before the range, for a case
 *               whose log started earlier, so the first exported entry's link can still be checked
 *   checkpoint  {kind:'checkpoint', ...SignedCheckpoint}: every checkpoint whose head falls in the range
 *   export      the last line: counts, the sha256 of every line before it and every public key of the log, signed,
 *               so a line removed from or added to the file (a whole case, a checkpoint) is evident
 */

export interface ExportAnchor {
  kind: 'anchor';
  caseId: string;
  seq: number;
  hash: string;
  signature: string | null;
  keyId?: string | null;
}

export interface ExportTrailerBody {
  exportId: string;
  from: string;
  to: string;
  exportedAt: string;
  cases: number;
  entries: number;
  checkpoints: number;
  /** sha256 (hex) of the file's bytes before this line */
  contentSha256: string;
  /** the key that signed this trailer */
  keyId: string;
  /** every public key of the log, current first: a convenience, verify with keys obtained independently */
  publicKeys?: PublishedKey[];
}

export interface ExportTrailer extends ExportTrailerBody {
  kind: 'export';
  /** exports made before key ids existed: the PEM of the one signing key */
  publicKey?: string;
  signature: string;
}

export type ExportLine =
  { kind: 'entry'; entry: SignedLogEntry } | ExportAnchor | ({ kind: 'checkpoint' } & SignedCheckpoint) | ExportTrailer;

export function entryLine(e: SignedLogEntry): string {
  const { caseId, seq, at, actor, type, data, prevHash, hash } = e;
  const signed = { signature: e.signature ?? null, keyId: e.keyId ?? null };
  return `${JSON.stringify({ caseId, seq, at, actor, type, data, prevHash, hash, ...signed })}\n`;
}

export function anchorLine(
  caseId: string,
  seq: number,
  hash: string,
  signature: string | null,
  keyId: string | null = null,
): string {
  return `${JSON.stringify({ kind: 'anchor', caseId, seq, hash, signature, keyId })}\n`;
}

export function checkpointLine(c: SignedCheckpoint): string {
  const { caseId, seq, headHash, headAt, checkpointedAt, signature } = c;
  const line = { kind: 'checkpoint', caseId, seq, headHash, headAt, checkpointedAt, signature, keyId: c.keyId ?? null };
  return `${JSON.stringify(line)}\n`;
}

const trailerBody = (t: ExportTrailerBody): ExportTrailerBody => {
  const { exportId, from, to, exportedAt, cases, entries, checkpoints, contentSha256, keyId, publicKeys } = t;
  return { exportId, from, to, exportedAt, cases, entries, checkpoints, contentSha256, keyId, publicKeys };
};

export function trailerLine(signer: SigningKey, body: ExportTrailerBody): string {
  const signed = trailerBody({ ...body, keyId: signer.keyId });
  const signature = signStatement(signer.privateKey, SIGNATURE_PURPOSE.export, { ...signed });
  return `${JSON.stringify({ kind: 'export', ...signed, signature })}\n`;
}

export function verifyTrailer(publicKey: KeyObject, trailer: ExportTrailer): boolean {
  return verifyStatement(publicKey, SIGNATURE_PURPOSE.export, { ...trailerBody(trailer) }, trailer.signature);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isSeq = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const isHash = (v: unknown): v is string => isString(v) && /^[0-9a-f]{64}$/.test(v);

/** Reads one line; throws with a plain reason when it is not one of the four kinds. */
export function parseExportLine(text: string): ExportLine {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error('not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
  const v = value;
  if (v.kind === undefined) {
    const ok =
      isString(v.caseId) &&
      isSeq(v.seq) &&
      isString(v.at) &&
      isString(v.actor) &&
      isString(v.type) &&
      v.data !== null &&
      typeof v.data === 'object' &&
      isHash(v.prevHash) &&
      isHash(v.hash);
    if (!ok) throw new Error('not a log entry (caseId, seq, at, actor, type, data, prevHash, hash)');
    return { kind: 'entry', entry: v as unknown as SignedLogEntry };
  }
  if (v.kind === 'anchor' && isString(v.caseId) && isSeq(v.seq) && isHash(v.hash)) return v as unknown as ExportAnchor;
  if (
    v.kind === 'checkpoint' &&
    isString(v.caseId) &&
    isSeq(v.seq) &&
    isHash(v.headHash) &&
    isString(v.headAt) &&
    isString(v.checkpointedAt)
  ) {
    return v as unknown as ExportLine;
  }
  if (v.kind === 'export' && isString(v.exportId) && isString(v.contentSha256) && isString(v.keyId))
    return v as unknown as ExportTrailer;
  throw new Error(`not a valid ${String(v.kind)} line`);
}
