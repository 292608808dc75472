import { createHash } from 'node:crypto';
import { SignedLogEntry } from './chain-audit';
import { anchorLine, checkpointLine, entryLine, trailerLine } from './export-format';
import { ExportVerifier } from './export-verifier';
import { PublicKeys, publishedKeys, SigningKey } from './keyring';
import { SignedCheckpoint } from './signatures';
import { checkpointOf, rewriteFrom, signedChain, testKeys } from './testing/signed-chain';

const key = testKeys();
const privateKey: SigningKey = key;
const publicKey: PublicKeys = key.keys;
const A = signedChain(privateKey, 'case-a', 4);
const B = signedChain(privateKey, 'case-b', 3);

/** An export as the service writes it (trailer signed over the lines before it), as an array of lines. */
function exportLines(
  entries: SignedLogEntry[],
  checkpoints: SignedCheckpoint[],
  anchors: string[] = [],
  signer: SigningKey = privateKey,
): string[] {
  const body = [...anchors, ...entries.map(entryLine), ...checkpoints.map(checkpointLine)];
  const trailer = trailerLine(signer, {
    exportId: 'x1',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-02T00:00:00.000Z',
    exportedAt: '2026-01-02T00:00:01.000Z',
    cases: new Set(entries.map((e) => e.caseId)).size,
    entries: entries.length,
    checkpoints: checkpoints.length,
    contentSha256: createHash('sha256').update(body.join('')).digest('hex'),
    keyId: signer.keyId,
    publicKeys: publishedKeys(publicKey),
  });
  return [...body, trailer].join('').trimEnd().split('\n');
}

function verify(lines: string[], key = publicKey) {
  const verifier = new ExportVerifier(key);
  lines.forEach((line) => verifier.line(line));
  return verifier.finish();
}

const clean = () => exportLines([...A, ...B], [checkpointOf(privateKey, A[3]), checkpointOf(privateKey, B[1])]);

describe('ExportVerifier', () => {
  it('verifies a clean export case by case', () => {
    const report = verify(clean());
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.cases).toEqual([
      expect.objectContaining({ caseId: 'case-a', valid: true, firstSeq: 1, lastSeq: 4, checkpointedSeq: 4 }),
      expect.objectContaining({ caseId: 'case-b', valid: true, firstSeq: 1, lastSeq: 3, checkpointedSeq: 2 }),
    ]);
  });

  it('names the case and entry whose data was edited in the file', () => {
    const lines = clean();
    lines[5] = lines[5].replace('"n":2', '"n":20'); // case-b seq 2
    const report = verify(lines);
    expect(report.ok).toBe(false);
    expect(report.cases.find((c) => c.caseId === 'case-b')).toMatchObject({ valid: false, firstInvalidSeq: 2 });
    expect(report.cases.find((c) => c.caseId === 'case-a')).toMatchObject({ valid: true });
    expect(report.problems).toContainEqual(expect.stringMatching(/content differs/));
  });

  it('catches a chain rewritten consistently before export, at its first rewritten entry', () => {
    const report = verify(exportLines([...rewriteFrom(A, 2), ...B], [checkpointOf(privateKey, B[2])]));
    expect(report.cases.find((c) => c.caseId === 'case-a')).toMatchObject({ valid: false, firstInvalidSeq: 2 });
  });

  it('catches entries missing before a checkpoint, including a case with none left', () => {
    const report = verify(exportLines(A.slice(0, 2), [checkpointOf(privateKey, A[3]), checkpointOf(privateKey, B[2])]));
    expect(report.cases.find((c) => c.caseId === 'case-a')).toMatchObject({ valid: false, firstInvalidSeq: 3 });
    expect(report.cases.find((c) => c.caseId === 'case-b')).toMatchObject({
      valid: false,
      firstInvalidSeq: 1,
      entries: 0,
    });
  });

  it('checks a chain that began before the range from its anchor', () => {
    const anchor = anchorLine('case-a', 2, A[1].hash, A[1].signature!);
    expect(verify(exportLines(A.slice(2), [], [anchor]))).toMatchObject({
      ok: true,
      cases: [expect.objectContaining({ firstSeq: 3, lastSeq: 4 })],
    });
    expect(verify(exportLines(A.slice(2), [])).cases[0]).toMatchObject({ valid: false, firstInvalidSeq: 1 });
    const unsigned = anchorLine('case-a', 2, A[1].hash, null);
    expect(verify(exportLines(A.slice(2), [], [unsigned])).cases[0]).toMatchObject({
      valid: false,
      firstInvalidSeq: 2,
    });
  });

  it('refuses a file cut short, with lines removed, or with garbage', () => {
    const lines = clean();
    expect(verify(lines.slice(0, -1)).problems).toContainEqual(expect.stringMatching(/no export trailer/));
    const withoutCheckpoint = lines.filter((l) => !l.includes('"kind":"checkpoint"') || !l.includes('case-b'));
    expect(verify(withoutCheckpoint).problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/content differs/),
        expect.stringMatching(/2 checkpoints, the file has 1/),
      ]),
    );
    expect(verify(['not json', ...lines]).problems).toContainEqual('line 1: not JSON');
    expect(verify([...lines, lines[0]]).problems).toContainEqual(expect.stringMatching(/after the export trailer/));
  });

  it('refuses the export under another key, and a trailer signed by another key', () => {
    expect(verify(clean(), testKeys().keys).problems).toContainEqual(expect.stringMatching(/signed with key/));
    // a forger's key, naming ours
    const forged = exportLines([...A], [], [], { ...testKeys(), keyId: key.keyId });
    expect(verify(forged).problems).toContainEqual(expect.stringMatching(/trailer signature/));
  });
});
