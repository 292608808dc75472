import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import * as ts from 'typescript';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseLogStore } from './case-log.store';
import { LOG_ENTRY_TYPES } from './log-entry-types';

const ROOT = join(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'console' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `type` literals of every object literal that also names a `stepKey`: what the code appends to a case log. */
function appendedTypes(): { type: string; where: string }[] {
  const found: { type: string; where: string }[] = [];
  for (const file of ['apps', 'libs', 'workflows'].flatMap((d) => sourceFiles(join(ROOT, d)))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const named = (name: string) =>
          node.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === name);
        const type = named('type');
        if (named('stepKey') && type && ts.isPropertyAssignment(type)) {
          const literals = (n: ts.Node): void => {
            if (ts.isStringLiteralLike(n)) found.push({ type: n.text, where: relative(ROOT, file) });
            n.forEachChild(literals);
          };
          literals(type.initializer);
        }
      }
      node.forEachChild(visit);
    };
    visit(source);
  }
  return found;
}

describe('log entry types', () => {
  it('lists every type the service appends (found by reading the code)', () => {
    const appended = appendedTypes();
    // the scan itself must see the workflow's and the API's appends, or it proves nothing
    expect(appended.map((a) => a.type)).toEqual(
      expect.arrayContaining(['case.opened', 'referral.recorded', 'case.viewed', 'log.exported', 'room.removed']),
    );
    const known: readonly string[] = LOG_ENTRY_TYPES;
    expect(appended.filter((a) => !known.includes(a.type))).toEqual([]);
  });

  it('refuses an unknown type at append, non-retryably, before touching the database', async () => {
    const untouched = () => {
      throw new Error('the database was used');
    };
    const store = new CaseLogStore({ transaction: untouched, query: untouched } as unknown as DataSource);
    const request = { caseId: 'c1', stepKey: 'x', actor: 'system', type: 'staff.teleported', data: {} };
    const manager = { query: untouched, getRepository: untouched } as unknown as EntityManager;
    for (const attempt of [store.append(request), store.append(request, manager)]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApplicationFailure);
      expect(error).toMatchObject({ type: 'LOG.UNKNOWN_ENTRY_TYPE', nonRetryable: true });
      expect((error as Error).message).toContain('staff.teleported');
    }
  });
});
