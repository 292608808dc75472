import { createPublicKey, KeyObject } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
// Only the verification code, by path: an outsider's tool needs no database or framework libraries.
import { ExportReport, ExportVerifier, parseExportLine } from '../libs/case-log/src/audit';

/**
 * Verifies a case log export (GET /audit/export) offline:
 *   npm run verify:export -- <file.ndjson> [--public-key <file>]
 * Exit 0: every chain, signature, checkpoint and the trailer hold. Exit 1: something does not (the first bad
 * entry of each case is named). Exit 2: bad usage or unreadable input.
 */
const USAGE = 'usage: npm run verify:export -- <file.ndjson> [--public-key <file>]';

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; keyFile?: string } {
  let file: string | undefined;
  let keyFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--public-key') keyFile = argv[++i] ?? fail('--public-key needs a file');
    else if (argv[i] === '--help' || argv[i] === '-h') fail('');
    else if (argv[i].startsWith('-') || file) fail(`unexpected argument ${argv[i]}`);
    else file = argv[i];
  }
  return { file: file ?? fail('give the export file'), keyFile };
}

function fail(message: string): never {
  throw new UsageError(message);
}

/** A public key as SPKI PEM, base64 SPKI DER, or the JSON answer of GET /audit/public-key. */
function readPublicKey(path: string): KeyObject {
  const text = readFileSync(path, 'utf8').trim();
  try {
    if (text.startsWith('{')) return createPublicKey(JSON.parse(text).publicKey);
    if (text.includes('-----BEGIN')) return createPublicKey(text);
    return createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
  } catch {
    return fail(`${path} does not hold a public key (SPKI PEM, base64 DER, or GET /audit/public-key's answer)`);
  }
}

/** The key named in the export's own trailer: it only shows the file agrees with itself, not who made it. */
function keyFromTrailer(path: string): KeyObject {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const last = tail.toString('utf8').trimEnd().split('\n').pop() ?? '';
    const line = parseExportLine(last);
    if (line.kind !== 'export') throw new Error();
    return createPublicKey(line.publicKey);
  } catch {
    return fail('the file has no readable trailer with a public key; pass --public-key');
  } finally {
    closeSync(fd);
  }
}

async function verifyFile(path: string, publicKey: KeyObject): Promise<ExportReport> {
  const verifier = new ExportVerifier(publicKey);
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) verifier.line(line);
  return verifier.finish();
}

function print(report: ExportReport, out: (line: string) => void): void {
  const t = report.trailer;
  if (t)
    out(
      `Export ${t.exportId}: entries at or after ${t.from} and before ${t.to}, exported ${t.exportedAt}, key ${t.keyId}`,
    );
  for (const c of report.cases) {
    const seqs = c.entries ? `seq ${c.firstSeq}-${c.lastSeq}` : 'no entries';
    const checkpointed = c.checkpointedSeq ? `, checkpointed to seq ${c.checkpointedSeq}` : '';
    if (c.valid) out(`ok    case ${c.caseId}: ${seqs}${checkpointed}`);
    else out(`FAIL  case ${c.caseId}: first bad entry seq ${c.firstInvalidSeq}: ${c.reason} (${seqs}${checkpointed})`);
  }
  for (const problem of report.problems) out(`FAIL  export: ${problem}`);
  const badCases = report.cases.filter((c) => !c.valid).length;
  out(
    report.ok
      ? `Verified: ${report.cases.length} case(s), every chain, signature and checkpoint holds.`
      : `NOT VERIFIED: ${badCases} of ${report.cases.length} case(s) fail, ${report.problems.length} problem(s) with the file.`,
  );
}

async function main(argv: string[]): Promise<number> {
  try {
    const { file, keyFile } = parseArgs(argv);
    const key = keyFile ? readPublicKey(keyFile) : keyFromTrailer(file);
    if (!keyFile)
      console.log(
        'WARNING: no --public-key given; checking against the key inside the export, which proves only that the file agrees with itself.',
      );
    const report = await verifyFile(file, key);
    print(report, (line) => console.log(line));
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message) console.error(error.message);
      console.error(USAGE);
      return 2;
    }
    console.error(`Cannot verify: ${(error as Error).message}`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => process.exit(code));
}
