/** Latency percentiles and throughput of a batch of timed operations. */
export interface Figures {
  count: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export function percentile(sortedMs: number[], p: number): number {
  if (!sortedMs.length) return NaN;
  return sortedMs[Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1)];
}

/** Runs `op` `total` times with `concurrency` in flight; each op's latency is measured on its own. */
export async function timed(total: number, concurrency: number, op: (i: number) => Promise<void>): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsedS = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    count: total,
    perSecond: total / elapsedS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const rate = (n: number) => `${n.toFixed(0)}/s`;
