import { consistencyProof, leafHash, rootHash, verifyConsistency } from './merkle';

// The inputs and roots of the Certificate Transparency reference tests (the C++ merkle_tree_test, as Trillian keeps
// them): leaf i's data, and the root of the tree of the first k leaves.
const INPUTS = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const leaves = INPUTS.map((hex) => leafHash(Buffer.from(hex, 'hex')));

describe('RFC 9162 Merkle tree', () => {
  it('gives the reference roots, and SHA-256 of nothing for the empty tree', () => {
    expect(ROOTS.map((_, k) => rootHash(leaves.slice(0, k + 1)))).toEqual(ROOTS);
    expect(rootHash([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('proves every earlier tree consistent with every later one', () => {
    for (let n = 1; n <= 8; n++)
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(leaves.slice(0, n), m);
        expect([m, n, verifyConsistency(m, n, ROOTS[m - 1], ROOTS[n - 1], proof)]).toEqual([m, n, true]);
      }
    // RFC 9162 §2.1.4.1's example: PROOF(3, D[7]) is [c, d, g, l], four hashes
    expect(consistencyProof(leaves.slice(0, 7), 3)).toHaveLength(4);
  });

  it('refuses a proof when a leaf of the earlier tree was removed or changed, or the proof was altered', () => {
    const removed = [...leaves.slice(0, 2), ...leaves.slice(3)]; // leaf 2 gone: 7 leaves left
    expect(verifyConsistency(4, 7, ROOTS[3], rootHash(removed), consistencyProof(removed, 4))).toBe(false);
    const changed = leaves.map((h, i) => (i === 1 ? leafHash('forged') : h));
    expect(verifyConsistency(3, 8, ROOTS[2], rootHash(changed), consistencyProof(changed, 3))).toBe(false);
    const proof = consistencyProof(leaves, 5);
    const flipped = proof.map((h, i) => (i === 1 ? `${h.slice(0, -1)}${h.endsWith('0') ? '1' : '0'}` : h));
    expect(verifyConsistency(5, 8, ROOTS[4], ROOTS[7], flipped)).toBe(false);
    expect(verifyConsistency(5, 8, ROOTS[4], ROOTS[7], proof.slice(1))).toBe(false);
    expect(verifyConsistency(5, 8, ROOTS[3], ROOTS[7], proof)).toBe(false);
    // the same size: equal roots and no proof, nothing else
    expect(verifyConsistency(6, 6, ROOTS[5], ROOTS[5], [])).toBe(true);
    expect(verifyConsistency(6, 6, ROOTS[5], rootHash(removed.slice(0, 6)), [])).toBe(false);
  });

  it('proves consistency across a larger tree, at every size', () => {
    const many = Array.from({ length: 37 }, (_, i) => leafHash(`leaf ${i}`));
    for (let m = 1; m <= 37; m++)
      expect(verifyConsistency(m, 37, rootHash(many.slice(0, m)), rootHash(many), consistencyProof(many, m))).toBe(
        true,
      );
  });
});
