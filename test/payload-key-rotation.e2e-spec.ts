import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { payloadKeyId } from '../libs/temporal/src/payload-keyring';
import { disclosure } from './support/disclosures';
import { eventually } from './support/eventually';
import { E2E_TIMINGS } from './support/global-setup';
import { request } from './support/http';
import { platformHeaders } from './support/staff';
import { launchStack, TestStack } from './support/stack';
import { DEVELOPMENT_SECRETS } from '../libs/config/src/development-secrets';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

const tokens = new Map<string, Promise<Record<string, string>>>();

/** Logs in once per stack and person (logins are throttled). */
function as(stack: TestStack, username: string): Promise<Record<string, string>> {
  const key = `${stack.apiUrl} ${username}`;
  if (!tokens.has(key))
    tokens.set(
      key,
      request(stack.apiUrl, 'POST', '/auth/login', {
        body: { username, password: DEVELOPMENT_SECRETS.DEMO_PASSWORD },
      }).then((login) => ({ Authorization: `Bearer ${login.body.accessToken}` })),
    );
  return tokens.get(key)!;
}

/** The key id of every encrypted payload in the case's history, in order. */
async function keyIdsInHistory(stack: TestStack, caseId: string): Promise<string[]> {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  try {
    const history = await new Client({ connection }).workflow.getHandle(`case-${caseId}`).fetchHistory();
    const ids: string[] = [];
    const visit = (value: unknown): void => {
      if (!value || typeof value !== 'object') return;
      const id = (value as { metadata?: Record<string, Uint8Array> }).metadata?.['encryption-key-id'];
      if (id) ids.push(Buffer.from(id).toString());
      else Object.values(value).forEach(visit);
    };
    visit(history);
    return ids;
  } finally {
    await connection.close();
  }
}

/** Its own stack: a case opened and reviewed under key A, then the service restarted with keyring [B, A]. */
describe('rotating TEMPORAL_PAYLOAD_KEY while a case runs', () => {
  it('completes the case under the new key, reading what the old key wrote', async () => {
    const first = await launchStack({ env: { ...E2E_TIMINGS, TEMPORAL_PAYLOAD_KEY: keyA.toString('base64') } });
    let caseId: string;
    try {
      const created = await request(first.apiUrl, 'POST', '/disclosures', {
        body: disclosure(),
        headers: platformHeaders(),
      });
      caseId = created.body.caseId;
      await eventually('the workflow to start', async () => {
        const found = await request(first.apiUrl, 'GET', `/cases/${caseId}`, {
          headers: await as(first, 'officer.amy'),
        });
        return found.body.workflowStarted === true ? true : undefined;
      });
      const assessed = await request(first.apiUrl, 'POST', `/cases/${caseId}/assessment`, {
        headers: await as(first, 'officer.amy'),
        body: {
          adultAtRisk: false,
          indicators: ['SUICIDE_PLAN_IMMEDIATE'],
          declaredSafe: false,
          informationComplete: true,
          hasSocialWorker: false,
          notes: 'n',
        },
      });
      expect(assessed.status).toBe(200);
      const reviewed = await request(first.apiUrl, 'POST', `/cases/${caseId}/review`, {
        headers: await as(first, 'oncall.cat'),
        body: { decision: 'APPROVE' },
      });
      expect(reviewed.body.status).toBe('AWAITING_REFERRAL');
    } finally {
      await first.stop();
    }

    const second = await launchStack({
      dataDir: first.dataDir,
      ports: first.ports,
      env: {
        ...E2E_TIMINGS,
        TEMPORAL_PAYLOAD_KEY: keyB.toString('base64'),
        TEMPORAL_PAYLOAD_PREVIOUS_KEYS: keyA.toString('base64'),
      },
    });
    try {
      const referred = await request(second.apiUrl, 'POST', `/cases/${caseId}/referrals`, {
        headers: await as(second, 'officer.amy'),
        body: { agency: 'EMERGENCY_SERVICES', method: 'PHONE', sharedData: { concernSummary: 'plan tonight' } },
      });
      expect(referred.status).toBe(201);
      const closed = await eventually('the case to close', async () => {
        const found = await request(second.apiUrl, 'GET', `/cases/${caseId}`, {
          headers: await as(second, 'supervisor.dan'),
        });
        return found.body.status === 'CLOSED' ? found.body : undefined;
      });
      expect(closed.status).toBe('CLOSED');
      const ids = new Set(await keyIdsInHistory(second, caseId));
      expect([...ids].sort()).toEqual([payloadKeyId(keyA), payloadKeyId(keyB)].sort());
    } finally {
      await second.stop();
    }
  });
});
