import { createHash } from 'node:crypto';
import { ChainAuditor, LogAudit } from './chain-audit';
import { ExportTrailer, parseExportLine, verifyTrailer } from './export-format';
import { PublicKeys, signatureProblem } from './keyring';
import { SignedCheckpoint } from './signatures';

export interface CaseVerdict extends LogAudit {
  caseId: string;
  /** the seqs exported: from `firstSeq` (1 unless the case's log started before the range) to `lastSeq` */
  firstSeq: number;
  lastSeq: number;
}

export interface ExportReport {
  ok: boolean;
  cases: CaseVerdict[];
  /** problems with the file as a whole (not tied to one case's chain) */
  problems: string[];
  trailer?: ExportTrailer;
}

/**
 * Verifies an export line by line with nothing but the log's public keys: every chain by SPEC §4's rule, every
 * checkpoint and the entry signatures no checkpoint covers, and the signed trailer that fixes the file's content and
 * counts.
 */
export class ExportVerifier {
  private readonly content = createHash('sha256');
  private readonly auditors = new Map<string, ChainAuditor>();
  private readonly checkpoints = new Map<string, SignedCheckpoint[]>();
  private readonly problems: string[] = [];
  private entries = 0;
  private checkpointCount = 0;
  private lineNumber = 0;
  private trailer?: ExportTrailer;

  constructor(private readonly keys: PublicKeys) {}

  line(text: string): void {
    this.lineNumber++;
    if (this.trailer) return this.problem(`line ${this.lineNumber}: found after the export trailer`);
    let parsed;
    try {
      parsed = parseExportLine(text);
    } catch (error) {
      return this.problem(`line ${this.lineNumber}: ${(error as Error).message}`);
    }
    if (parsed.kind === 'export') {
      this.trailer = parsed;
      return;
    }
    this.content.update(`${text}\n`, 'utf8');
    if (parsed.kind === 'entry') {
      this.entries++;
      this.auditorFor(parsed.entry.caseId).add(parsed.entry);
    } else if (parsed.kind === 'anchor') {
      if (this.auditors.has(parsed.caseId))
        return this.problem(`line ${this.lineNumber}: anchor of case ${parsed.caseId} after its entries`);
      this.auditors.set(parsed.caseId, new ChainAuditor(parsed.caseId, this.keys, parsed));
    } else {
      this.checkpointCount++;
      const { kind: _kind, ...checkpoint } = parsed;
      this.checkpoints.set(checkpoint.caseId, [...(this.checkpoints.get(checkpoint.caseId) ?? []), checkpoint]);
    }
  }

  finish(): ExportReport {
    this.checkTrailer();
    // a checkpointed case with no entries in the file: its entries were removed
    for (const caseId of this.checkpoints.keys()) this.auditorFor(caseId);
    const cases = [...this.auditors.entries()].map(([caseId, auditor]): CaseVerdict => {
      const { first, last } = auditor.range;
      return { caseId, firstSeq: first, lastSeq: last, ...auditor.finish(this.checkpoints.get(caseId) ?? []) };
    });
    return {
      ok: this.problems.length === 0 && cases.every((c) => c.valid),
      cases,
      problems: this.problems,
      trailer: this.trailer,
    };
  }

  private checkTrailer(): void {
    const t = this.trailer;
    if (!t) return this.problem('no export trailer: the file is incomplete (cut short, or not an export)');
    const forged = signatureProblem(this.keys, t.keyId, (key) => verifyTrailer(key, t));
    if (forged) this.problem(`the export trailer ${forged}`);
    if (t.contentSha256 !== this.content.digest('hex'))
      this.problem('the file content differs from what the service exported (lines changed, added or removed)');
    const casesWithEntries = [...this.auditors.values()].filter((a) => a.range.last >= a.range.first).length;
    const counted = { cases: casesWithEntries, entries: this.entries, checkpoints: this.checkpointCount };
    for (const [name, n] of Object.entries(counted)) {
      if (t[name as keyof typeof counted] !== n)
        this.problem(`the trailer says ${t[name as keyof typeof counted]} ${name}, the file has ${n}`);
    }
  }

  private auditorFor(caseId: string): ChainAuditor {
    let auditor = this.auditors.get(caseId);
    if (!auditor) this.auditors.set(caseId, (auditor = new ChainAuditor(caseId, this.keys)));
    return auditor;
  }

  private problem(text: string): void {
    this.problems.push(text);
  }
}
