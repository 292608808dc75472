// Keeps docs/policy-rules.md in step with the rule table the engine runs.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { RULES } from '@sg/policy';
import { POLICY_DOCS_PATH, repoRoot } from './generate';
import { renderPolicyDocs } from './render-policy-docs';

describe('docs/policy-rules.md', () => {
  it('matches the policy the engine runs', () => {
    const path = join(repoRoot(), POLICY_DOCS_PATH);
    const onDisk = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (onDisk !== renderPolicyDocs()) {
      throw new Error(
        `${POLICY_DOCS_PATH} is out of date with libs/policy. Run \`npm run docs:policy\` and commit the result.`,
      );
    }
    expect(onDisk).toBe(renderPolicyDocs());
  });

  it('names every rule with its versions and policy wording', () => {
    const page = renderPolicyDocs();
    for (const rule of RULES) {
      expect(page).toContain(`### \`${rule.id}\``);
      expect(page).toContain(`> ${rule.wording}`);
    }
    expect(page).toContain(
      '| `UNDER13_CONCERN` | a concern about a child aged 12 or under | protective | 12 or under only |',
    );
  });
});
