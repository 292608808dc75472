import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTemporalCli } from '../../scripts/stack/temporal-cli';

export const HISTORIES_DIR = join(__dirname, '..', 'fixtures', 'histories');

/**
 * With RECORD_HISTORIES=1, saves a finished case's workflow history as a replay fixture
 * (test/fixtures/histories/<name>.json), so later workflow changes that would break running cases fail CI.
 * The Temporal CLI writes the canonical proto JSON (the SDK's own converter trips over Jest's module registry).
 */
export async function recordHistory(
  temporalAddress: string,
  caseId: string,
  name: string,
  /** a run of the case other than its latest (a case continued as new has several) */
  runId?: string,
): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const run = runId ? ['--run-id', runId] : [];
  const json = execFileSync(
    ensureTemporalCli(),
    ['workflow', 'show', '--address', temporalAddress, '--workflow-id', `case-${caseId}`, ...run, '--output', 'json'],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), json);
}
