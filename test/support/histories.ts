import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORIES_DIR = join(__dirname, '..', 'fixtures', 'histories');

/**
 * With RECORD_HISTORIES=1, saves a finished case's workflow history as a replay fixture
 * (test/fixtures/histories/<name>.json), so later workflow changes that would break running cases fail CI.
 */
export async function recordHistory(temporalAddress: string, caseId: string, name: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const history = await new Client({ connection }).workflow.getHandle(`case-${caseId}`).fetchHistory();
    // The canonical proto JSON, as `temporal workflow show --output json` writes it.
    writeFileSync(join(HISTORIES_DIR, `${name}.json`), historyToJSON(history));
  } finally {
    await connection.close();
  }
}
