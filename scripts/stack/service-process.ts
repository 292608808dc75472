import { spawn } from 'node:child_process';
import { ManagedProcess, superviseOnce } from './managed-process';

export interface SupervisedService {
  /** the current process (it changes when the service is restarted) */
  current(): ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Runs a compiled service (`node <script>`) and restarts it with backoff if it dies, so a crash never
 * leaves cases without a worker; stop() ends it for good.
 */
export function superviseService(name: string, script: string, env: NodeJS.ProcessEnv, log: (line: string) => void = console.log): SupervisedService {
  let stopping = false;
  let delayMs = 1000;
  let process_ = launch();

  function launch(): ManagedProcess {
    const startedAt = Date.now();
    const managed = superviseOnce(name, spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] }), log);
    void managed.exited.then((code) => {
      if (stopping) return;
      delayMs = Date.now() - startedAt > 60_000 ? 1000 : Math.min(delayMs * 2, 30_000);
      log(`[${name}] exited with code ${code}; restarting in ${delayMs / 1000}s`);
      setTimeout(() => {
        if (!stopping) process_ = launch();
      }, delayMs);
    });
    return managed;
  }

  return {
    current: () => process_,
    async stop() {
      stopping = true;
      await process_.stop();
    },
  };
}
