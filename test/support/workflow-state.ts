import { Client, Connection } from '@temporalio/client';
import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { encryptedDataConverter } from '../../libs/temporal/src/data-converter';
import { PayloadKeyring } from '../../libs/temporal/src/payload-keyring';
import { caseStateQuery } from '../../workflows/case/case.messages';
import type { CaseState } from '../../workflows/case/case.types';

/**
 * The case workflow's own state, asked of the workflow (its `caseState` query) instead of waiting a while and
 * concluding from silence. The read model may lag a step; this is what the workflow itself holds now.
 */
export async function workflowState(temporalAddress: string, caseId: string): Promise<CaseState> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    const client = new Client({
      connection,
      dataConverter: encryptedDataConverter(PayloadKeyring.fromBase64(DEVELOPMENT_SECRETS.TEMPORAL_PAYLOAD_KEY)),
    });
    return await client.workflow.getHandle(`case-${caseId}`).query(caseStateQuery);
  } finally {
    await connection.close();
  }
}
