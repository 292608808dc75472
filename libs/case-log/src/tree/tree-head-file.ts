import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { SignedTreeHead } from './tree-head';

/** LOG_TREE_HEAD_DIR, else `<DATA_DIR, else .data>/tree-heads`: the folder the tree heads are published in. */
export function treeHeadDir(env: Record<string, string | undefined>): string {
  return resolve(env.LOG_TREE_HEAD_DIR?.trim() || join(env.DATA_DIR?.trim() || '.data', 'tree-heads'));
}

/**
 * The published tree heads: one JSON line per head, only ever appended (and synced to disk before the run that made
 * it reports success). Outside the database on purpose: whoever owns the database cannot take a head back. Keep the
 * folder on storage the database's operators cannot rewrite (append-only mount, object lock), or copy it off.
 */
export class TreeHeadFile {
  readonly path: string;

  constructor(dir: string) {
    this.path = join(dir, 'tree-heads.ndjson');
  }

  all(): SignedTreeHead[] {
    if (!existsSync(this.path)) return [];
    return readFileSync(this.path, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as SignedTreeHead);
  }

  /** The newest head, read from the end of the file (it grows by one line a run). */
  latest(): SignedTreeHead | undefined {
    if (!existsSync(this.path)) return undefined;
    const fd = openSync(this.path, 'r');
    try {
      const size = fstatSync(fd).size;
      const tail = Buffer.alloc(Math.min(size, 4096));
      readSync(fd, tail, 0, tail.length, size - tail.length);
      const last = tail.toString('utf8').trimEnd().split('\n').pop();
      return last ? (JSON.parse(last) as SignedTreeHead) : undefined;
    } finally {
      closeSync(fd);
    }
  }

  append(head: SignedTreeHead): void {
    mkdirSync(resolve(this.path, '..'), { recursive: true });
    const fd = openSync(this.path, 'a', 0o644);
    try {
      writeSync(fd, `${JSON.stringify(head)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
