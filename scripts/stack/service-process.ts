import { spawn } from 'node:child_process';
import { EXIT_CONFIGURATION } from '../../libs/config/src/configuration-error';
import { ManagedProcess, superviseOnce } from './managed-process';
import { SERVICE_NODE_FLAGS } from './service-node-flags';

export interface SupervisedService {
  /** the current process (it changes when the service is restarted) */
  current(): ManagedProcess;
  stop(): Promise<void>;
}

/**
 * How long to wait before restarting a service that died. A crash loop at boot backs off (boot itself takes a
 * few seconds, so even the cap is gentle), but never for long: while the worker is down no case moves.
 */
export const RESTART_BACKOFF = { firstMs: 1000, maxMs: 5000, resetAfterUptimeMs: 10_000 };

export function nextRestartDelay(previousMs: number, uptimeMs: number): number {
  return uptimeMs > RESTART_BACKOFF.resetAfterUptimeMs
    ? RESTART_BACKOFF.firstMs
    : Math.min(previousMs * 2, RESTART_BACKOFF.maxMs);
}

/**
 * Runs a compiled service (`node <flags> <script>`) and restarts it with backoff if it dies, so a crash never
 * leaves cases without a worker; stop() ends it for good. A refused configuration (exit 78) is not restarted.
 */
export function superviseService(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  log: (line: string) => void = console.log,
  /** called when the service refuses its configuration: restarting it would only refuse again */
  onRefused: () => void = () => undefined,
): SupervisedService {
  let stopping = false;
  let delayMs = RESTART_BACKOFF.firstMs / 2;
  let process_ = launch();

  function launch(): ManagedProcess {
    const startedAt = Date.now();
    const managed = superviseOnce(
      name,
      spawn(process.execPath, [...SERVICE_NODE_FLAGS, script], { env, stdio: ['ignore', 'pipe', 'pipe'] }),
      log,
    );
    void managed.exited.then((code) => {
      if (stopping) return;
      if (code === EXIT_CONFIGURATION) {
        log(`[${name}] refused to start: fix the configuration it names above`);
        onRefused();
        return;
      }
      delayMs = nextRestartDelay(delayMs, Date.now() - startedAt);
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
