import { DataSource } from 'typeorm';
import { AppendResult, CaseNotFoundError } from './case-log.store';
import { LogEntry } from './log-entry';
import { isLogEntryType, unknownLogEntryType } from './log-entry-types';
import { AppendRequest, INSERTED_COLUMNS, nextEntry } from './next-entry';

/** Another append took the seq (or step key) read as free; reading the heads again resolves it. */
const ATTEMPTS = 3;
const UNIQUE_VIOLATION = '23505';

interface HeadRow {
  case_id: string;
  head_seq: number | null;
  head_hash: string | null;
  // the entry already written for the request's step key, if any
  seq: number | null;
  at: Date | null;
  actor: string | null;
  type: string | null;
  data: Record<string, unknown> | null;
  prev_hash: string | null;
  hash: string | null;
}

const HEADS_SQL = `SELECT r.case_id, h.seq AS head_seq, h.hash AS head_hash,
       s.seq, s.at, s.actor, s.type, s.data, s.prev_hash, s.hash
  FROM unnest($1::uuid[], $2::text[]) AS r (case_id, step_key)
  JOIN cases c ON c.id = r.case_id
  LEFT JOIN LATERAL (SELECT seq, hash FROM case_log_entries e WHERE e.case_id = r.case_id ORDER BY seq DESC LIMIT 1) h
    ON true
  LEFT JOIN case_log_entries s ON s.case_id = r.case_id AND s.step_key = r.step_key`;

// The cases' rows are locked as CaseLogStore.append locks them, so an append holding one never finds its next seq
// taken by this statement; the primary key (case_id, seq) refuses this statement if one took it first.
const INSERT_SQL = `WITH locked AS (SELECT id FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE)
INSERT INTO case_log_entries (${INSERTED_COLUMNS})
SELECT v.* FROM unnest($1::uuid[], $2::int[], $3::timestamptz[], $4::text[], $5::text[], $6::jsonb[], $7::text[],
                       $8::text[], $9::text[], $10::text[], $11::text[])
         AS v (case_id, seq, at, actor, type, data, prev_hash, hash, step_key, signature, key_id)
  JOIN locked ON locked.id = v.case_id
RETURNING case_id`;

/** The last entry of a case's chain, which the next one follows. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** What is known of a case before appending: its head (none: an empty chain), and any entry for the step key. */
interface Known {
  head?: ChainHead;
  written?: LogEntry;
}

/**
 * Appends one entry to the log of each of several cases (at most one request per case) in two round trips: one
 * statement reads the cases' heads, one INSERT writes every entry and commits, all or none. Chained, signed and
 * once per (case, stepKey) as CaseLogStore.append, which holds a transaction open across six round trips instead;
 * this is for a request that must record itself before it answers. Not for use inside a transaction: a conflict
 * is retried by reading the heads again.
 *
 * `readHeads`: the heads of every request's case, if the caller has just read them with what it answers; they
 * save the first round trip, and if one is no longer the head the primary key refuses the INSERT and the heads
 * (and step keys) are read again.
 */
export async function appendToEach(
  dataSource: DataSource,
  requests: AppendRequest[],
  readHeads?: ReadonlyMap<string, ChainHead>,
): Promise<AppendResult[]> {
  const unknown = requests.find((request) => !isLogEntryType(request.type));
  if (unknown) throw unknownLogEntryType(unknown.type);
  if (new Set(requests.map((request) => request.caseId)).size !== requests.length)
    throw new Error('appendToEach takes at most one request per case');
  if (requests.length === 0) return [];
  for (let attempt = 1; ; attempt++) {
    try {
      const known =
        attempt === 1 && readHeads && requests.every((request) => readHeads.has(request.caseId))
          ? new Map([...readHeads].map(([caseId, head]) => [caseId, { head }]))
          : await knownOf(dataSource, requests);
      return await appendOnce(dataSource, requests, known);
    } catch (error) {
      if (attempt >= ATTEMPTS || (error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    }
  }
}

async function knownOf(dataSource: DataSource, requests: AppendRequest[]): Promise<Map<string, Known>> {
  const rows: HeadRow[] = await dataSource.query(HEADS_SQL, [
    requests.map((request) => request.caseId),
    requests.map((request) => request.stepKey),
  ]);
  return new Map(
    rows.map((row) => [
      row.case_id,
      {
        head: row.head_seq === null ? undefined : { seq: row.head_seq, hash: row.head_hash! },
        written: writtenFor(row),
      },
    ]),
  );
}

async function appendOnce(
  dataSource: DataSource,
  requests: AppendRequest[],
  byCase: ReadonlyMap<string, Known>,
): Promise<AppendResult[]> {
  const results: AppendResult[] = [];
  const columns: unknown[][] = Array.from({ length: 11 }, () => []);
  for (const request of requests) {
    const known = byCase.get(request.caseId);
    if (!known) throw new CaseNotFoundError(request.caseId);
    if (known.written) {
      results.push({ entry: known.written, created: false });
      continue;
    }
    const { entry, values } = nextEntry(request, known.head);
    values.forEach((value, i) => columns[i].push(value));
    results.push({ entry, created: true });
  }
  const toWrite = columns[0].length;
  if (toWrite > 0) {
    const inserted: unknown[] = await dataSource.query(INSERT_SQL, columns);
    // Only a case row that vanished could make the join drop an entry; the service may not delete cases.
    if (inserted.length !== toWrite) throw new Error(`appendToEach wrote ${inserted.length} of ${toWrite} entries`);
  }
  return results;
}

function writtenFor(row: HeadRow): LogEntry | undefined {
  if (row.seq === null) return undefined;
  return {
    caseId: row.case_id,
    seq: row.seq,
    at: row.at!.toISOString(),
    actor: row.actor!,
    type: row.type!,
    data: row.data!,
    prevHash: row.prev_hash!,
    hash: row.hash!,
  };
}
