import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { TOOLS_BIN } from './paths';

const CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

/**
 * The Temporal CLI: TEMPORAL_CLI, else `temporal` on PATH, else the project's tools folder, else built
 * there with `go install` (later tags carry a replace directive that go install refuses).
 */
export function ensureTemporalCli(log: (line: string) => void = console.log): string {
  const explicit = process.env.TEMPORAL_CLI;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TEMPORAL_CLI points to ${explicit}, which does not exist`);
    return explicit;
  }
  const onPath = (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, 'temporal'))
    .find((file) => existsSync(file));
  if (onPath) return onPath;
  const local = join(TOOLS_BIN, 'temporal');
  if (existsSync(local)) return local;

  if (spawnSync('go', ['version']).status !== 0) {
    throw new Error(
      'The Temporal CLI was not found and Go is not installed to build it.\n' +
        '  Install one of: the Temporal CLI (https://docs.temporal.io/cli, put `temporal` on PATH),\n' +
        `  or Go 1.22+ (then this command builds it with: go install ${CLI_MODULE}),\n` +
        '  or point TEMPORAL_ADDRESS at an existing Temporal server.',
    );
  }
  log(`Building the Temporal CLI into ${TOOLS_BIN} (first run only; takes a few minutes)...`);
  mkdirSync(TOOLS_BIN, { recursive: true });
  execFileSync('go', ['install', CLI_MODULE], { stdio: 'inherit', env: { ...process.env, GOBIN: TOOLS_BIN } });
  return local;
}
