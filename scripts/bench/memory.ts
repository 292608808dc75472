import { readdirSync, readFileSync } from 'node:fs';

/** Peak resident memory (VmHWM) of the stack's API and worker, found by their script and the stack's DATA_DIR. */
export function peakMemory(dataDir: string): Record<'api' | 'worker', number | undefined> {
  const found: Record<'api' | 'worker', number | undefined> = { api: undefined, worker: undefined };
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const which = cmdline.includes('apps/api/src/main.js')
        ? 'api'
        : cmdline.includes('apps/worker/src/main.js')
          ? 'worker'
          : undefined;
      if (!which || !readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`DATA_DIR=${dataDir}\0`)) continue;
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      found[which] = Math.round(kb / 1024);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}
