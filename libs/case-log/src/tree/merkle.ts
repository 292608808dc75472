import { createHash } from 'node:crypto';

/*
 * The Merkle tree of RFC 9162 (Certificate Transparency 2.0), section 2.1: SHA-256, a 0x00 prefix on leaves and 0x01
 * on interior nodes (so a leaf can never pass for a node), the tree over n leaves split at the largest power of two
 * below n. Hashes are hex strings here, as everywhere in the case log.
 */

const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export const leafHash = (data: Buffer | string): string =>
  sha256(LEAF, Buffer.isBuffer(data) ? data : Buffer.from(data, 'utf8')).toString('hex');

const nodeHash = (left: Buffer, right: Buffer) => sha256(NODE, left, right);

/** The largest power of two smaller than n (n > 1). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

function mth(leaves: readonly Buffer[], from: number, to: number): Buffer {
  const n = to - from;
  if (n === 0) return sha256();
  if (n === 1) return leaves[from];
  const k = split(n);
  return nodeHash(mth(leaves, from, from + k), mth(leaves, from + k, to));
}

const bytes = (hashes: readonly string[]) => hashes.map((h) => Buffer.from(h, 'hex'));

/** MTH(D[n]): the root hash of the tree whose leaf hashes are given, in order. */
export function rootHash(leafHashes: readonly string[]): string {
  return mth(bytes(leafHashes), 0, leafHashes.length).toString('hex');
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the tree of the first m leaves is a prefix of the tree of all n. */
export function consistencyProof(leafHashes: readonly string[], m: number): string[] {
  const n = leafHashes.length;
  if (!Number.isInteger(m) || m < 1 || m > n) throw new RangeError(`no consistency proof from size ${m} to ${n}`);
  const leaves = bytes(leafHashes);
  const proof: Buffer[] = [];
  const subproof = (size: number, from: number, to: number, whole: boolean): void => {
    if (size === to - from) {
      if (!whole) proof.push(mth(leaves, from, to));
      return;
    }
    const k = split(to - from);
    if (size <= k) {
      subproof(size, from, from + k, whole);
      proof.push(mth(leaves, from + k, to));
    } else {
      subproof(size - k, from + k, to, false);
      proof.push(mth(leaves, from, from + k));
    }
  };
  subproof(m, 0, n, true);
  return proof.map((h) => h.toString('hex'));
}

/** RFC 9162 §2.1.4.2: true when `proof` shows the tree of size `first` (root `firstRoot`) is a prefix of `second`'s. */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: string,
  secondRoot: string,
  proof: readonly string[],
): boolean {
  if (!Number.isInteger(first) || !Number.isInteger(second) || first < 1 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot === secondRoot;
  const path = bytes((first & (first - 1)) === 0 ? [firstRoot, ...proof] : proof);
  if (!path.length) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn & 1) [fn, sn] = [fn >> 1, sn >> 1];
  let fr = path[0];
  let sr = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn & 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (!(fn & 1)) while (!(fn & 1) && fn !== 0) [fn, sn] = [fn >> 1, sn >> 1];
    } else {
      sr = nodeHash(sr, c);
    }
    [fn, sn] = [fn >> 1, sn >> 1];
  }
  return fr.toString('hex') === firstRoot && sr.toString('hex') === secondRoot && sn === 0;
}
