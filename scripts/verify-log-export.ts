import { createPublicKey, KeyObject } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
// Only the verification code, by path: an outsider's tool needs no database or framework libraries.
import {
  ExportReport,
  ExportVerifier,
  parseExportLine,
  PublicKeys,
  publicKeysFromText,
  publicKeysOf,
} from '../libs/case-log/src/audit';

/**
 * Verifies a case log export (GET /audit/export) offline:
 *   npm run verify:export -- <file.ndjson> [--public-key <file>]...
 * Exit 0: every chain, signature, checkpoint and the trailer hold. Exit 1: something does not (the first bad
 * entry of each case is named). Exit 2: bad usage or unreadable input.
 */
const USAGE = 'usage: npm run verify:export -- <file.ndjson> [--public-key <file>]...';

class UsageError extends Error {}

function parseArgs(argv: string[]): { file: string; keyFiles: string[] } {
  let file: string | undefined;
  const keyFiles: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--public-key') keyFiles.push(argv[++i] ?? fail('--public-key needs a file'));
    else if (argv[i] === '--help' || argv[i] === '-h') fail('');
    else if (argv[i].startsWith('-') || file) fail(`unexpected argument ${argv[i]}`);
    else file = argv[i];
  }
  return { file: file ?? fail('give the export file'), keyFiles };
}

function fail(message: string): never {
  throw new UsageError(message);
}

/** Public keys as SPKI PEM, base64 SPKI DER, or the JSON answer of GET /audit/public-key (every key it lists). */
function readPublicKeys(path: string): KeyObject[] {
  try {
    return publicKeysFromText(readFileSync(path, 'utf8'));
  } catch {
    return fail(`${path} does not hold public keys (SPKI PEM, base64 DER, or GET /audit/public-key's answer)`);
  }
}

/** The keys in the export's own trailer: they only show the file agrees with itself, not who made it. */
function keysFromTrailer(path: string): PublicKeys {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const tail = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const last = tail.toString('utf8').trimEnd().split('\n').pop() ?? '';
    const line = parseExportLine(last);
    if (line.kind !== 'export') throw new Error();
    const pems = line.publicKeys?.map((k) => k.publicKey) ?? [line.publicKey!];
    return publicKeysOf(pems.map((pem) => createPublicKey(pem)));
  } catch {
    return fail('the file has no readable trailer with a public key; pass --public-key');
  } finally {
    closeSync(fd);
  }
}

async function verifyFile(path: string, keys: PublicKeys): Promise<ExportReport> {
  const verifier = new ExportVerifier(keys);
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
    const { file, keyFiles } = parseArgs(argv);
    const keys = keyFiles.length ? publicKeysOf(keyFiles.flatMap(readPublicKeys)) : keysFromTrailer(file);
    if (!keyFiles.length)
      console.log(
        'WARNING: no --public-key given; checking against the keys inside the export, which proves only that the file agrees with itself.',
      );
    const report = await verifyFile(file, keys);
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
