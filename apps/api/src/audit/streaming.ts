import type { Writable } from 'node:stream';
import type { QueryRunner } from 'typeorm';

/** Rows of a query, a batch at a time, through a server-side cursor (the runner must be in a transaction). */
export async function* cursorRows<T>(
  runner: QueryRunner,
  name: string,
  sql: string,
  params: unknown[],
  batch = 500,
): AsyncGenerator<T> {
  await runner.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
  try {
    for (;;) {
      const rows: T[] = await runner.query(`FETCH ${batch} FROM ${name}`);
      yield* rows;
      if (rows.length < batch) return;
    }
  } finally {
    await runner.query(`CLOSE ${name}`).catch(() => undefined);
  }
}

/** Writes and waits while the client's buffer is full, so a slow reader never makes the export pile up in memory. */
export function writeWithBackpressure(out: Writable, chunk: string): Promise<void> {
  if (out.destroyed) return Promise.reject(new Error('the client went away'));
  if (out.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onClose = () => settle(new Error('the client went away'));
    out.once('drain', onDrain);
    out.once('close', onClose);
  });
}
