import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';

/**
 * Where sensitive data must not end up, read raw: Temporal's own record of a workflow (no codec, no data
 * converter), its visibility records, and the stack's combined log file.
 */
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Every event of a workflow's history, exactly as the server stores it, page by page. */
export async function rawHistory(
  address: string,
  workflowId: string,
  namespace = 'default',
): Promise<{ events: HistoryEvent[]; pages: number }> {
  const connection = await Connection.connect({ address });
  try {
    const events: HistoryEvent[] = [];
    let nextPageToken: Uint8Array | undefined;
    let pages = 0;
    do {
      const page = await connection.workflowService.getWorkflowExecutionHistory({
        namespace,
        execution: { workflowId },
        nextPageToken,
        maximumPageSize: 25,
      });
      events.push(...(page.history?.events ?? []));
      pages += 1;
      nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
    } while (nextPageToken);
    return { events, pages };
  } finally {
    await connection.close();
  }
}

/** Runs `use` with a raw connection (the workflow service, no data converter). */
export async function withTemporal<T>(address: string, use: (connection: Connection) => Promise<T>): Promise<T> {
  const connection = await Connection.connect({ address });
  try {
    return await use(connection);
  } finally {
    await connection.close();
  }
}

/**
 * Every piece of text in a decoded protobuf message: strings, map keys, and every byte field read both as
 * UTF-8 and as Latin-1 (so any byte sequence, valid UTF-8 or not, is searchable).
 */
export function textsOf(value: unknown, out: string[] = [], seen = new Set<object>()): string[] {
  if (typeof value === 'string') {
    out.push(value);
  } else if (ArrayBuffer.isView(value)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    out.push(bytes.toString('utf8'), bytes.toString('latin1'));
  } else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [key, inner] of Object.entries(value)) {
      out.push(key);
      textsOf(inner, out, seen);
    }
  }
  return out;
}

/** Every Temporal payload ({metadata, data}) anywhere inside a message. */
export function payloadsOf(
  value: unknown,
  out: { metadata?: Record<string, Uint8Array> | null; data?: Uint8Array | null }[] = [],
  seen = new Set<object>(),
) {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value) || seen.has(value)) return out;
  seen.add(value);
  const candidate = value as { metadata?: unknown; data?: unknown };
  if (candidate.metadata && typeof candidate.metadata === 'object' && ArrayBuffer.isView(candidate.data))
    out.push(candidate as never);
  for (const inner of Object.values(value)) payloadsOf(inner, out, seen);
  return out;
}

/** Which of `needles` occur in any of `texts` (case-insensitive for e-mail addresses and markers alike). */
export function found(texts: string[], needles: string[]): string[] {
  const haystack = texts.join('\n').toLowerCase();
  return needles.filter((n) => haystack.includes(n.toLowerCase()));
}

/**
 * The combined log of the suite's stack: the newest `sg-e2e-*` data folder's `stack-*.log` (test/support/stack.ts)
 * whose text mentions `mention`. Other stacks (other runs, other people) may have left folders behind.
 */
export function stackLogMentioning(mention: string): { file: string; text: string } | undefined {
  const root = tmpdir();
  const files: { file: string; mtime: number }[] = [];
  for (const dir of readdirSync(root).filter((d) => d.startsWith('sg-e2e-'))) {
    try {
      for (const name of readdirSync(join(root, dir)).filter((n) => /^stack-\d+\.log$/.test(n))) {
        const file = join(root, dir, name);
        files.push({ file, mtime: statSync(file).mtimeMs });
      }
    } catch {
      // another user's folder, or one being removed
    }
  }
  for (const { file } of files.sort((a, b) => b.mtime - a.mtime)) {
    try {
      const text = readFileSync(file, 'utf8');
      if (text.includes(mention)) return { file, text };
    } catch {
      // unreadable: not ours
    }
  }
  return undefined;
}
