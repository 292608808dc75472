import { request } from './http';

/** Polls until `check` returns a value (not undefined), or fails with `what` after the timeout. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface LogEntryJson {
  caseId: string;
  seq: number;
  at: string;
  actor: string;
  type: string;
  data: any;
  prevHash: string;
  hash: string;
}

/** The case's log once it has an entry of `type` (entries are appended by workflow activities, asynchronously). */
export function logWith(apiUrl: string, caseId: string, type: string, timeoutMs?: number): Promise<LogEntryJson[]> {
  return eventually(
    `${type} in the log of case ${caseId}`,
    async () => {
      const { body } = await request<{ entries: LogEntryJson[] }>(apiUrl, 'GET', `/cases/${caseId}/log`);
      return body.entries?.some((e) => e.type === type) ? body.entries : undefined;
    },
    timeoutMs,
  );
}
