// Writes docs/policy-rules.md from renderPolicyDocs(). Run with `npm run docs:policy`
// (that is: build, then `node dist/scripts/policy-docs/generate.js`).
import { existsSync, mkdirSync, writeFileSync } from 'fs';
import { dirname, join } from 'path';
import { renderPolicyDocs } from './render-policy-docs';

/** The repository root: the nearest folder above this file holding package.json (works from dist/ too). */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export const POLICY_DOCS_PATH = join('docs', 'policy-rules.md');

if (require.main === module) {
  const target = join(repoRoot(), POLICY_DOCS_PATH);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, renderPolicyDocs(), 'utf8');
  console.log(`wrote ${target}`);
}
