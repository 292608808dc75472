import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The servers a stack started, by pid, so that the next start can stop them if the previous one was killed
 * without a chance to clean up (kill -9, a closed terminal).
 */
export class StackPidFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, 'stack.pids.json');
  }

  record(pids: Record<string, number | undefined>): void {
    writeFileSync(this.file, JSON.stringify(pids));
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }

  async stopLeftovers(log: (line: string) => void): Promise<void> {
    if (!existsSync(this.file)) return;
    const pids = JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, number | undefined>;
    for (const [name, pid] of Object.entries(pids)) {
      if (pid && isAlive(pid) && runs(pid, name)) {
        log(`Stopping ${name} (pid ${pid}) left running by an earlier start`);
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
        if (isAlive(pid)) process.kill(pid, 'SIGKILL');
      }
    }
    this.clear();
  }
}

/** Guards against a pid reused by an unrelated process since. */
function runs(pid: number, name: string): boolean {
  const cmdline = `/proc/${pid}/cmdline`;
  return !existsSync(cmdline) || readFileSync(cmdline, 'utf8').includes(name);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
