import { spawnSync } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { e2eEnv } from './support/env';
import { as, assess, exclusively, logOnce, openCase, SignedEntryJson } from './support/audit';
import { firstBrokenSeq, jcs } from './support/independent-jcs';
import { staffHeaders } from './support/staff';

const { apiUrl } = e2eEnv();
const VERIFIER = resolve(__dirname, '../dist/scripts/verify-log-export.js');
const dir = mkdtempSync(join(tmpdir(), 'sg-audit-export-'));

async function exportRange(from: string, to: string) {
  const response = await fetch(`${apiUrl}/audit/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, {
    headers: await staffHeaders('auditor.eve'),
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    exportId: response.headers.get('x-export-id'),
    text: await response.text(),
  };
}

function verifyOffline(name: string, text: string, publicKeyFile?: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const result = spawnSync(
    process.execPath,
    [VERIFIER, file, ...(publicKeyFile ? ['--public-key', publicKeyFile] : [])],
    { encoding: 'utf8' },
  );
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('GET /audit/export', () => {
  it('refuses other roles (403) and a missing, malformed or backwards range (400)', async () => {
    expect(
      (await as('officer.amy', 'GET', '/audit/export?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z')).status,
    ).toBe(403);
    for (const query of [
      '',
      '?from=2026-01-01T00:00:00Z',
      '?from=yesterday&to=2026-02-01T00:00:00Z',
      '?from=2026-01-01T00:00:00&to=2026-02-01T00:00:00Z',
      '?from=2026-02-30T00:00:00Z&to=2026-03-01T00:00:00Z',
      '?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z',
    ]) {
      const { status, body } = await as('auditor.eve', 'GET', `/audit/export${query}`);
      expect([query, status]).toEqual([query, 400]);
      expect(body.errors.length).toBeGreaterThan(0);
    }
  });

  it('streams NDJSON that verifies offline with only the public key; an edited copy fails naming the entry', async () => {
    await exclusively(async () => {
      const from = new Date(Date.now() - 1).toISOString();
      const cases = [await openCase(), await openCase()];
      expect((await as('auditor.eve', 'POST', '/audit/checkpoints')).status).toBe(200);
      const to = new Date(Date.now() + 1).toISOString();
      // Other test files' cases written meanwhile are in the range too: the export is of a time range, not of cases.
      const exported = await exportRange(from, to);
      expect(exported.status).toBe(200);
      expect(exported.type).toMatch(/^application\/x-ndjson/);
      const lines = exported.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      const entries: SignedEntryJson[] = lines.filter((l) => l.kind === undefined);
      const keyOf = (e: SignedEntryJson) => `${e.caseId}:${String(e.seq).padStart(9, '0')}`;
      expect(entries.map(keyOf)).toEqual(entries.map(keyOf).sort()); // by case, then seq
      for (const caseId of cases) {
        const own = entries.filter((e) => e.caseId === caseId);
        expect(own[0]).toEqual({
          caseId,
          seq: 1,
          at: expect.any(String),
          actor: expect.any(String),
          type: 'case.opened',
          data: expect.any(Object),
          prevHash: '0'.repeat(64),
          hash: expect.any(String),
          signature: expect.any(String),
          keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
        });
        expect(firstBrokenSeq(own)).toBeUndefined();
      }
      expect(lines[lines.length - 1]).toMatchObject({
        kind: 'export',
        exportId: exported.exportId,
        entries: entries.length,
      });

      const publicKey = await as('auditor.eve', 'GET', '/audit/public-key');
      const keyFile = join(dir, 'public-key.pem');
      writeFileSync(keyFile, publicKey.body.publicKey);
      const clean = verifyOffline('clean.ndjson', exported.text, keyFile);
      expect(clean).toEqual({ code: 0, out: expect.stringContaining(`ok    case ${cases[0]}: seq 1-`) });

      const at = lines.findIndex((l) => l.caseId === cases[1] && l.seq === 1 && l.kind === undefined);
      const edited = [...lines];
      edited[at] = { ...lines[at], data: { ...lines[at].data, channel: 'chat' } };
      const tampered = verifyOffline(
        'tampered.ndjson',
        `${edited.map((l) => JSON.stringify(l)).join('\n')}\n`,
        keyFile,
      );
      expect(tampered.code).toBe(1);
      expect(tampered.out).toContain(
        `FAIL  case ${cases[1]}: first bad entry seq 1: hash does not match the entry content`,
      );
      expect(tampered.out).toContain(`ok    case ${cases[0]}`);

      // A checkpoint checked by hand with node:crypto and the public key alone, as docs/audit.md describes.
      const checkpoint = lines.find((l) => l.kind === 'checkpoint' && l.caseId === cases[0]);
      // keyId names the key to check with; it is not part of the signed message
      const { kind: _kind, signature, keyId, ...signed } = checkpoint;
      expect(keyId).toBe(publicKey.body.keyId);
      const check = (body: object) =>
        verify(
          null,
          Buffer.from(jcs({ ...body, purpose: 'sg.case-log.checkpoint.v1' })),
          createPublicKey(publicKey.body.publicKey),
          Buffer.from(signature, 'base64'),
        );
      expect(check(signed)).toBe(true);
      expect(check({ ...signed, seq: signed.seq + 1 })).toBe(false);
      expect(signed.headHash).toBe(entries.find((e) => e.caseId === cases[0] && e.seq === signed.seq)!.hash);

      // Afterwards, each exported case says so in its own log.
      for (const caseId of cases) {
        const log = await logOnce(
          caseId,
          (es) => es.some((e) => e.type === 'log.exported' && e.data.exportId === exported.exportId),
          'log.exported',
        );
        const count = entries.filter((e) => e.caseId === caseId).length;
        expect(log.find((e) => e.type === 'log.exported')).toMatchObject({
          actor: 'auditor.eve',
          data: { exportId: exported.exportId, entries: count, complete: true },
        });
      }
    });
  });

  it('exports a log that began before the range from an anchor, which still verifies', async () => {
    await exclusively(async () => {
      const caseId = await openCase();
      await new Promise((r) => setTimeout(r, 5));
      const from = new Date().toISOString();
      await assess(caseId); // seq 2 onwards fall in the range, case.opened does not
      const exported = await exportRange(from, new Date(Date.now() + 1).toISOString());
      expect(exported.status).toBe(200);
      const own = exported.text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l))
        .filter((l) => l.caseId === caseId);
      expect(own.slice(0, 2).map((l) => [l.kind ?? 'entry', l.seq])).toEqual([
        ['anchor', 1],
        ['entry', 2],
      ]);
      expect(verifyOffline('anchored.ndjson', exported.text)).toEqual({
        code: 0,
        out: expect.stringContaining(`ok    case ${caseId}: seq 2-`),
      });
      const withoutAnchor = exported.text
        .split('\n')
        .filter((l) => !(l.includes('"kind":"anchor"') && l.includes(caseId)))
        .join('\n');
      expect(verifyOffline('unanchored.ndjson', withoutAnchor)).toMatchObject({
        code: 1,
        out: expect.stringContaining(`FAIL  case ${caseId}: first bad entry seq 1`),
      });
    });
  });
});
