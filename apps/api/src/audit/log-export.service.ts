import { createHash, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import {
  anchorLine,
  CaseLogStore,
  CHECKPOINT_COLUMNS,
  checkpointLine,
  CheckpointRow,
  ENTRY_COLUMNS,
  entryLine,
  EntryRow,
  toCheckpoint,
  toSignedEntry,
  trailerLine,
} from '@sg/case-log';
import { AuditKeys } from './audit-keys';
import { cursorRows, writeWithBackpressure } from './streaming';

export interface ExportRange {
  from: Date;
  to: Date;
}

/**
 * GET /audit/export: every entry with `at` in [from, to), by case then seq, then the checkpoints whose head is
 * in the range, then the signed trailer (libs/case-log/src/export-format.ts). Read from one snapshot through a
 * cursor and written with backpressure, so neither concurrent appends nor a large range disturb it.
 */
@Injectable()
export class LogExportService {
  private readonly logger = new Logger('export');
  private readonly log: CaseLogStore;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: AuditKeys,
  ) {
    this.log = new CaseLogStore(dataSource);
  }

  async export(range: ExportRange, auditor: string, res: Response): Promise<void> {
    const exportId = randomUUID();
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="case-log-${exportId}.ndjson"`);
    res.setHeader('X-Export-Id', exportId);
    const exported = new Map<string, number>();
    let complete = false;
    try {
      await this.write(exportId, range, res, exported);
      complete = true;
      res.end();
    } catch (error) {
      if (!res.headersSent) throw error; // nothing sent yet: the error filter can still answer properly
      // Headers are gone: all that is left is to cut the response short; the missing trailer shows it.
      this.logger.error(`Export ${exportId} stopped: ${(error as Error).message}`);
      res.destroy();
    }
    await this.recordExport(exportId, range, auditor, exported, complete);
  }

  private async write(
    exportId: string,
    range: ExportRange,
    out: Response,
    exported: Map<string, number>,
  ): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    const content = createHash('sha256');
    const emit = (line: string) => {
      content.update(line, 'utf8');
      return writeWithBackpressure(out, line);
    };
    const params = [range.from, range.to];
    let entries = 0;
    let checkpoints = 0;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const entrySql = `SELECT ${ENTRY_COLUMNS} FROM case_log_entries WHERE at >= $1 AND at < $2 ORDER BY case_id, seq`;
      for await (const row of cursorRows<EntryRow>(runner, 'export_entries', entrySql, params)) {
        if (!exported.has(row.case_id)) {
          exported.set(row.case_id, 0);
          if (row.seq > 1) {
            // The case's log began before the range: the entry before it lets the first link be checked.
            const [before]: Pick<EntryRow, 'hash' | 'signature' | 'key_id'>[] = await runner.query(
              'SELECT hash, signature, key_id FROM case_log_entries WHERE case_id = $1 AND seq = $2',
              [row.case_id, row.seq - 1],
            );
            if (before) await emit(anchorLine(row.case_id, row.seq - 1, before.hash, before.signature, before.key_id));
          }
        }
        exported.set(row.case_id, exported.get(row.case_id)! + 1);
        entries++;
        await emit(entryLine(toSignedEntry(row)));
      }
      const checkpointSql = `SELECT ${CHECKPOINT_COLUMNS} FROM case_log_checkpoints WHERE head_at >= $1 AND head_at < $2 ORDER BY case_id, seq`;
      for await (const row of cursorRows<CheckpointRow>(runner, 'export_checkpoints', checkpointSql, params)) {
        checkpoints++;
        await emit(checkpointLine(toCheckpoint(row)));
      }
      await writeWithBackpressure(
        out,
        trailerLine(this.keys.signing, {
          exportId,
          from: range.from.toISOString(),
          to: range.to.toISOString(),
          exportedAt: new Date().toISOString(),
          cases: exported.size,
          entries,
          checkpoints,
          contentSha256: content.digest('hex'),
          keyId: this.keys.signing.keyId,
          publicKeys: this.keys.published,
        }),
      );
    } finally {
      await runner.query('COMMIT').catch(() => undefined);
      await runner.release();
    }
  }

  /** After the export: every case whose entries left the service says so in its own log. */
  private async recordExport(
    exportId: string,
    range: ExportRange,
    auditor: string,
    exported: Map<string, number>,
    complete: boolean,
  ): Promise<void> {
    for (const [caseId, entries] of exported) {
      try {
        await this.log.append({
          caseId,
          stepKey: `log.exported:${exportId}`,
          actor: auditor,
          type: 'log.exported',
          data: { exportId, from: range.from.toISOString(), to: range.to.toISOString(), entries, complete },
        });
      } catch (error) {
        this.logger.error(`Export ${exportId}: log.exported not recorded for case ${caseId}: ${(error as Error).name}`);
      }
    }
  }
}
