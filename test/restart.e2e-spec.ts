import { Connection, Client } from '@temporalio/client';
import { disclosure } from './support/disclosures';
import { logWith } from './support/eventually';
import { request } from './support/http';
import { platformHeaders, staffHeaders } from './support/staff';
import { launchStack } from './support/stack';

/** Its own stack, stopped with Ctrl-C and started again on the same data folder, as a person would. */
describe('stopping and starting the service again', () => {
  it('keeps the case and its running workflow', async () => {
    const first = await launchStack();
    let caseId: string;
    try {
      const created = await request(first.apiUrl, 'POST', '/disclosures', {
        body: disclosure(),
        headers: platformHeaders(),
      });
      expect(created.status).toBe(201);
      caseId = created.body.caseId;
      expect(await workflowStatus(first.temporalAddress, caseId)).toBe('RUNNING');
    } finally {
      await first.stop();
    }

    const second = await launchStack({ dataDir: first.dataDir, ports: first.ports });
    try {
      const found = await request(second.apiUrl, 'GET', `/cases/${caseId}`, {
        headers: await staffHeaders('officer.amy'),
      });
      expect(found.status).toBe(200);
      expect(found.body.status).toBe('AWAITING_ASSESSMENT');
      expect(await workflowStatus(second.temporalAddress, caseId)).toBe('RUNNING');
      // If the first stack stopped before case.opened was written, the worker writes it now: once.
      const entries = await logWith(second.apiUrl, caseId, 'case.opened', undefined, second.databaseUrl);
      expect(entries.filter((e) => e.type !== 'case.viewed').map((e) => e.type)).toEqual(['case.opened']);
      expect(entries.filter((e) => e.type === 'case.viewed').map((e) => e.actor)).toEqual([
        'officer.amy',
        'auditor.eve',
      ]);
    } finally {
      await second.stop();
    }
  });
});

async function workflowStatus(address: string, caseId: string): Promise<string | undefined> {
  const connection = await Connection.connect({ address });
  try {
    const description = await new Client({ connection }).workflow.getHandle(`case-${caseId}`).describe();
    return description.status.name;
  } finally {
    await connection.close();
  }
}
