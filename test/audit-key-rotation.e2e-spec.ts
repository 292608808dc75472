import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEVELOPMENT_SECRETS } from '../libs/config/src/development-secrets';
import { withDb } from './support/db';
import { disclosure } from './support/disclosures';
import { eventually } from './support/eventually';
import { request } from './support/http';
import { launchStack, TestStack } from './support/stack';
import { consistent, TreeHead, treeHeadSignedByKey } from './support/tree-heads';

const VERIFIER = resolve(__dirname, '../dist/scripts/verify-log-export.js');
const dir = mkdtempSync(join(tmpdir(), 'sg-rotation-'));
const privatePem = (k: KeyObject) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
const publicPem = (k: KeyObject) => k.export({ type: 'spki', format: 'pem' }).toString();

/** A person at the stack's API, signed in once. */
function client(stack: TestStack) {
  const tokens = new Map<string, Promise<string>>();
  const login = (username: string) =>
    request(stack.apiUrl, 'POST', '/auth/login', {
      body: { username, password: DEVELOPMENT_SECRETS.DEMO_PASSWORD },
    }).then(({ body }) => body.accessToken as string);
  return async (username: string, method: string, path: string, body?: unknown) => {
    if (!tokens.has(username)) tokens.set(username, login(username));
    return request(stack.apiUrl, method, path, {
      body,
      headers: { Authorization: `Bearer ${await tokens.get(username)}` },
    });
  };
}

const hasEntry = (stack: TestStack, caseId: string, type: string) =>
  eventually(`${type} in case ${caseId}`, () =>
    withDb(stack.databaseUrl, async (db) =>
      (await db.query('SELECT 1 FROM case_log_entries WHERE case_id = $1 AND type = $2', [caseId, type])).rowCount
        ? true
        : undefined,
    ),
  );

/** Its own stack, started with one LOG_SIGNING_KEY, then again on the same data with the next one. */
describe('rotating the log signing key', () => {
  it('keeps old chains, a case running across the rotation, its tree heads and exports verifiable', async () => {
    const [oldKey, newKey] = [generateKeyPairSync('ed25519'), generateKeyPairSync('ed25519')];
    const first = await launchStack({ env: { LOG_SIGNING_KEY: privatePem(oldKey.privateKey) } });
    const caseIds: string[] = [];
    let before: TreeHead;
    try {
      const as = client(first);
      for (let i = 0; i < 2; i++) {
        const created = await as('officer.amy', 'POST', '/disclosures', disclosure());
        caseIds.push(created.body.caseId);
        await hasEntry(first, created.body.caseId, 'case.opened');
      }
      before = (await as('auditor.eve', 'POST', '/audit/checkpoints')).body.treeHead;
    } finally {
      await first.stop();
    }

    const second = await launchStack({
      dataDir: first.dataDir,
      ports: first.ports,
      env: {
        LOG_SIGNING_KEY: privatePem(newKey.privateKey),
        LOG_SIGNING_PREVIOUS_PUBLIC_KEYS: publicPem(oldKey.publicKey),
      },
    });
    try {
      const as = client(second);
      const keys = (await as('auditor.eve', 'GET', '/audit/public-key')).body;
      expect(keys.publicKey).toBe(publicPem(newKey.publicKey));
      expect(keys.keys.map((k: { publicKey: string }) => k.publicKey)).toEqual([
        publicPem(newKey.publicKey),
        publicPem(oldKey.publicKey),
      ]);
      const [oldKeyId, newKeyId] = [keys.keys[1].keyId, keys.keyId];

      // The second case carries on under the new key: its chain now holds both.
      const running = caseIds[1];
      const assessment = { adultAtRisk: false, indicators: [], declaredSafe: false, informationComplete: true };
      const assessed = await as('officer.amy', 'POST', `/cases/${running}/assessment`, {
        ...assessment,
        hasSocialWorker: false,
        notes: 'after the rotation',
      });
      expect(assessed.status).toBe(200);
      await hasEntry(second, running, 'review.requested');
      const signers = await withDb(second.databaseUrl, async (db) =>
        (await db.query('SELECT DISTINCT key_id FROM case_log_entries WHERE case_id = $1', [running])).rows.map(
          (r) => r.key_id,
        ),
      );
      expect(signers.sort()).toEqual([oldKeyId, newKeyId].sort());
      for (const caseId of caseIds)
        expect((await as('auditor.eve', 'GET', `/cases/${caseId}/log/verify`)).body).toMatchObject({ valid: true });

      // The tree head signed before the rotation still verifies, and the tree only grew since.
      const after: TreeHead = (await as('auditor.eve', 'POST', '/audit/checkpoints')).body.treeHead;
      expect(treeHeadSignedByKey(before, publicPem(oldKey.publicKey))).toBe(true);
      expect(treeHeadSignedByKey(after, publicPem(newKey.publicKey))).toBe(true);
      const proof = await as(
        'auditor.eve',
        'GET',
        `/audit/tree-heads/consistency?from=${before.treeSize}&to=${after.treeSize}`,
      );
      expect(consistent(before.treeSize, after.treeSize, before.rootHash, after.rootHash, proof.body.proof)).toBe(true);

      // An export verifies offline with the keys the service publishes, and not with the new key alone.
      const range = `from=2000-01-01T00:00:00Z&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`;
      const exported = await fetch(`${second.apiUrl}/audit/export?${range}`, {
        headers: { Authorization: `Bearer ${(await login(second)).accessToken}` },
      }).then((r) => r.text());
      writeFileSync(join(dir, 'export.ndjson'), exported);
      writeFileSync(join(dir, 'keys.json'), JSON.stringify(keys));
      writeFileSync(join(dir, 'new-key.pem'), publicPem(newKey.publicKey));
      const verify = (keyFile: string) =>
        spawnSync(process.execPath, [VERIFIER, join(dir, 'export.ndjson'), '--public-key', join(dir, keyFile)], {
          encoding: 'utf8',
        });
      const withBoth = verify('keys.json');
      expect([withBoth.status, withBoth.stdout]).toEqual([0, expect.stringContaining(`ok    case ${running}`)]);
      const withNewOnly = verify('new-key.pem');
      expect(withNewOnly.status).toBe(1);
      expect(withNewOnly.stdout).toContain(`which is not one of the log's public keys`);
    } finally {
      await second.stop();
    }
  });
});

const login = (stack: TestStack) =>
  request(stack.apiUrl, 'POST', '/auth/login', {
    body: { username: 'auditor.eve', password: DEVELOPMENT_SECRETS.DEMO_PASSWORD },
  }).then(({ body }) => body as { accessToken: string });
