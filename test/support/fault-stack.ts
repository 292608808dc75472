import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { temporalAnswers } from '../../scripts/stack/temporal-dev-server';
import { testStackEnv } from './global-setup';
import { launchStack, TestStack } from './stack';
import { WebhookReceiver } from './webhook-receiver';

/**
 * A stack of its own for one fault scenario (the real start command, as global-setup launches it: second-long
 * timings and a local webhook receiver), plus the means to find its processes and break them:
 * kill -9 the worker (the start command restarts it), stop and start Temporal and PostgreSQL again.
 */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const randomBetween = (min: number, max: number) => Math.round(min + Math.random() * (max - min));

interface ProcessInfo {
  pid: number;
  argv: string[];
}

function readArgv(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8')
      .split('\0')
      .filter((a, i, all) => a !== '' || i < all.length - 1);
  } catch {
    return undefined;
  }
}

function readEnviron(pid: number): string[] {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  } catch {
    return [];
  }
}

/** Alive and not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const argv = readArgv(Number(name));
    if (argv?.length) found.push({ pid: Number(name), argv });
  }
  return found;
}

const argAfter = (argv: string[], flag: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};

export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  everyMs = 100,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(50);
  }
  return !isAlive(pid);
}

export interface PostgresStop {
  pid: number;
  /**
   * SIGTERM (smart shutdown) when it sufficed; SIGINT (fast shutdown) when smart shutdown was still waiting for clients
   */
  stoppedBy: 'SIGTERM' | 'SIGINT' | 'SIGQUIT';
  ms: number;
}

export class FaultStack {
  /** Temporal dev servers this test started again itself (the stack does not restart Temporal). */
  private readonly ownTemporal: ChildProcess[] = [];
  private postgresRestarted = false;
  private readonly firstSeen = new Map<number, number>();

  private constructor(
    readonly stack: TestStack,
    readonly receiver: WebhookReceiver,
  ) {}

  /** Launches a stack with the env global-setup passes (testStackEnv), plus `env`. */
  static async launch(env: NodeJS.ProcessEnv = {}): Promise<FaultStack> {
    const receiver = new WebhookReceiver();
    await receiver.start();
    try {
      const stack = await launchStack({ env: { ...testStackEnv(receiver), ...env } });
      const faults = new FaultStack(stack, receiver);
      await faults.waitForWorker();
      return faults;
    } catch (error) {
      await receiver.stop();
      throw error;
    }
  }

  get apiUrl(): string {
    return this.stack.apiUrl;
  }

  get databaseUrl(): string {
    return this.stack.databaseUrl;
  }

  get temporalAddress(): string {
    return this.stack.temporalAddress;
  }

  get dataDir(): string {
    return this.stack.dataDir;
  }

  /** The start command's output (every child's lines, prefixed with its name). */
  stackLog(): string {
    const logs = readdirSync(this.dataDir)
      .filter((f) => /^stack-\d+\.log$/.test(f))
      .sort();
    return logs.length ? readFileSync(join(this.dataDir, logs.at(-1)!), 'utf8') : '';
  }

  /** How many times a worker of this stack has said it is polling its task queue. */
  workerPollingCount(): number {
    return this.stackLog()
      .split('\n')
      .filter((l) => l.startsWith('[worker]') && l.includes('Polling task queue')).length;
  }

  // ---- the worker ----

  /** The worker: `node …/dist/apps/worker/src/main.js` whose environment has this stack's DATA_DIR. */
  workerPid(): number | undefined {
    const pids = processes()
      .filter(
        (p) =>
          p.argv.some((a) => a.endsWith('dist/apps/worker/src/main.js')) &&
          readEnviron(p.pid).includes(`DATA_DIR=${this.dataDir}`) &&
          isAlive(p.pid),
      )
      .map((p) => p.pid);
    if (pids.length > 1) throw new Error(`More than one worker for ${this.dataDir}: ${pids.join(', ')}`);
    if (pids[0] !== undefined && !this.firstSeen.has(pids[0])) this.firstSeen.set(pids[0], Date.now());
    return pids[0];
  }

  /** When this test first saw the worker `pid` (a little after the start command spawned it). */
  workerSeenAt(pid: number): number {
    return this.firstSeen.get(pid) ?? Date.now();
  }

  /**
   * Waits for a live worker other than `notPid`, and for it to poll (one more "Polling task queue" line than
   * `pollingBefore`).
   */
  async waitForWorker(notPid?: number, pollingBefore = 0, timeoutMs = 90_000): Promise<number> {
    let pid: number | undefined;
    await waitUntil(
      'a worker polling its task queue',
      () => {
        pid = this.workerPid();
        return pid !== undefined && pid !== notPid && this.workerPollingCount() > pollingBefore;
      },
      timeoutMs,
      100,
    );
    return pid!;
  }

  /** kill -9 the worker; resolves when it is gone. */
  async killWorker(): Promise<number> {
    const pid = this.workerPid();
    if (pid === undefined) throw new Error('No worker to kill');
    process.kill(pid, 'SIGKILL');
    if (!(await waitForExit(pid, 10_000))) throw new Error(`Worker ${pid} survived SIGKILL`);
    return pid;
  }

  // ---- Temporal ----

  /** The `temporal server start-dev` process with `--port <ports.temporal>`. */
  temporalProcess(): ProcessInfo | undefined {
    return processes().find(
      (p) =>
        p.argv.includes('server') &&
        p.argv.includes('start-dev') &&
        argAfter(p.argv, '--port') === String(this.stack.ports.temporal) &&
        isAlive(p.pid),
    );
  }

  /** SIGTERM the Temporal dev server; returns its command line (read before killing it) to start it again. */
  async stopTemporal(): Promise<string[]> {
    const found = this.temporalProcess();
    if (!found) throw new Error('No Temporal dev server found');
    process.kill(found.pid, 'SIGTERM');
    if (!(await waitForExit(found.pid, 30_000))) {
      process.kill(found.pid, 'SIGKILL');
      await waitForExit(found.pid, 10_000);
    }
    return found.argv;
  }

  /** Starts the Temporal dev server again with the same binary and arguments; resolves when it answers. */
  async startTemporal(argv: string[]): Promise<void> {
    const log = openSync(join(this.dataDir, 'temporal-restarted.log'), 'a');
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', log, log] });
    closeSync(log);
    this.ownTemporal.push(child);
    await waitUntil(
      'Temporal to answer again',
      () => temporalAnswers(this.temporalAddress).catch(() => false),
      60_000,
      250,
    );
  }

  /** The ids of every `case-*` workflow Temporal knows of (visibility), with their run ids and status. */
  async caseWorkflows(): Promise<{ workflowId: string; runId: string; status: string }[]> {
    const connection = await Connection.connect({ address: this.temporalAddress });
    try {
      const client = new Client({ connection });
      const found: { workflowId: string; runId: string; status: string }[] = [];
      for await (const wf of client.workflow.list()) {
        if (wf.workflowId.startsWith('case-'))
          found.push({ workflowId: wf.workflowId, runId: wf.runId, status: wf.status.name });
      }
      return found;
    } finally {
      await connection.close();
    }
  }

  /** The current run of a case's workflow (describe, not visibility). */
  async describeCaseWorkflow(caseId: string): Promise<{ runId: string; status: string }> {
    const connection = await Connection.connect({ address: this.temporalAddress });
    try {
      const described = await new Client({ connection }).workflow.getHandle(`case-${caseId}`).describe();
      return { runId: described.runId, status: described.status.name };
    } finally {
      await connection.close();
    }
  }

  // ---- PostgreSQL ----

  /** The embedded postmaster: `postgres -D <dataDir>/postgres …`. */
  postgresProcess(): ProcessInfo | undefined {
    const dir = join(this.dataDir, 'postgres');
    return processes().find((p) => p.argv[0].endsWith('/postgres') && argAfter(p.argv, '-D') === dir && isAlive(p.pid));
  }

  /**
   * SIGTERM the postmaster. SIGTERM is PostgreSQL's smart shutdown, which waits for every client to
   * disconnect; connection pools never do, so after `smartWaitMs` it is asked for a fast shutdown (SIGINT).
   */
  async stopPostgres(smartWaitMs = 5000): Promise<PostgresStop & { argv: string[] }> {
    const found = this.postgresProcess();
    if (!found) throw new Error('No postmaster found');
    const started = Date.now();
    process.kill(found.pid, 'SIGTERM');
    let stoppedBy: PostgresStop['stoppedBy'] = 'SIGTERM';
    if (!(await waitForExit(found.pid, smartWaitMs))) {
      stoppedBy = 'SIGINT';
      process.kill(found.pid, 'SIGINT');
      if (!(await waitForExit(found.pid, 30_000))) {
        stoppedBy = 'SIGQUIT';
        process.kill(found.pid, 'SIGQUIT');
        await waitForExit(found.pid, 10_000);
      }
    }
    return { pid: found.pid, stoppedBy, ms: Date.now() - started, argv: found.argv };
  }

  /** pg_ctl (beside the same postgres binary) start on the same data directory and port, as the postgres user. */
  startPostgres(argv: string[]): void {
    const pgCtl = join(dirname(argv[0]), 'pg_ctl');
    const dir = argAfter(argv, '-D')!;
    const port = argAfter(argv, '-p') ?? String(this.stack.ports.postgres);
    execFileSync(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        pgCtl,
        '-D',
        dir,
        '-o',
        `-p ${port}`,
        '-l',
        join(dir, 'restarted.log'),
        '-w',
        '-t',
        '60',
        'start',
      ],
      { stdio: 'pipe' },
    );
    this.postgresRestarted = true;
  }

  // ---- teardown ----

  /**
   * Stops the stack (Ctrl-C), then whatever this test started itself: a Temporal server started again, a
   * postmaster started again with pg_ctl. Removes the data folder unless `keepData`.
   */
  async stop(keepData = false): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      this.stack.stop().then(() => true),
      new Promise<boolean>((r) => (timer = setTimeout(() => r(false), 60_000))),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      // The start command did not exit: end it (only this stack's, found by its DATA_DIR).
      for (const p of processes()) {
        if (
          p.argv.some((a) => a.endsWith('dist/scripts/stack/start.js')) &&
          readEnviron(p.pid).includes(`DATA_DIR=${this.dataDir}`)
        )
          process.kill(p.pid, 'SIGKILL');
      }
    }
    for (const child of this.ownTemporal) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        if (!(await waitForExit(child.pid!, 20_000))) child.kill('SIGKILL');
      }
    }
    const postmaster = this.postgresProcess();
    if (postmaster) {
      if (this.postgresRestarted) {
        const pgCtl = join(dirname(postmaster.argv[0]), 'pg_ctl');
        try {
          execFileSync(
            'runuser',
            ['-u', 'postgres', '--', pgCtl, '-D', argAfter(postmaster.argv, '-D')!, '-m', 'fast', '-w', 'stop'],
            { stdio: 'pipe' },
          );
        } catch {
          process.kill(postmaster.pid, 'SIGQUIT');
        }
      } else {
        process.kill(postmaster.pid, 'SIGINT');
      }
      await waitForExit(postmaster.pid, 20_000);
    }
    // Any service of this stack still running (there should be none).
    for (const p of processes()) {
      if (
        p.argv.some((a) => /dist\/apps\/(api|worker)\/src\/main\.js$/.test(a)) &&
        readEnviron(p.pid).includes(`DATA_DIR=${this.dataDir}`)
      )
        process.kill(p.pid, 'SIGKILL');
    }
    await this.receiver.stop();
    if (!keepData && existsSync(this.dataDir)) rmSync(this.dataDir, { recursive: true, force: true });
  }
}
