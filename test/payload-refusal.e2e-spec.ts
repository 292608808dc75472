import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ensureTemporalCli } from '../scripts/stack/temporal-cli';
import { e2eEnv } from './support/env';
import { AMY, assess, expectAnswer, logOf, openCase } from './support/lifecycle-api';

const run = promisify(execFile);

/** The `temporal` CLI as an attacker with network access to Temporal would use it: no payload key. */
async function temporalCli(args: string[]): Promise<{ ok: boolean; output: string }> {
  const cli = ensureTemporalCli(() => undefined);
  try {
    const { stdout, stderr } = await run(cli, [...args, '--address', e2eEnv().temporalAddress], { timeout: 60_000 });
    return { ok: true, output: stdout + stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

const forgedAssessment = JSON.stringify({
  actor: { username: 'ghost.officer', roles: ['officer'] },
  input: {
    adultAtRisk: false,
    indicators: [],
    declaredSafe: true,
    informationComplete: true,
    hasSocialWorker: false,
    notes: 'forged',
  },
});

describe('unencrypted Temporal payloads (issue 10: only the service moves a case)', () => {
  it('refuses a forged update sent with the temporal CLI; the case is not wedged and logs nothing of it', async () => {
    const { caseId } = await openCase();
    const workflowId = `case-${caseId}`;

    const forged = await temporalCli([
      'workflow',
      'update',
      'execute',
      '--workflow-id',
      workflowId,
      '--name',
      'submitAssessment',
      '--input',
      forgedAssessment,
    ]);
    expect(forged.ok).toBe(false);
    expect(forged.output).toMatch(/Encoded failure/); // the workflow's rejection, encrypted like any failure

    // A signal stays in history: had decoding it failed the workflow task, every retry would fail again.
    const signalled = await temporalCli([
      'workflow',
      'signal',
      '--workflow-id',
      workflowId,
      '--name',
      'anything',
      '--input',
      '{"x":1}',
    ]);
    expect(signalled.ok).toBe(true);

    // The case still moves, for the people allowed to move it.
    const real = await assess(caseId, { indicators: ['SUICIDE_PLAN_IMMEDIATE'] }, AMY);
    expectAnswer(real, 200);
    expect(real.body.recommendation.level).toBe('EMERGENCY');
    const entries = await logOf(caseId);
    expect(entries.filter((e) => JSON.stringify(e).includes('ghost.officer'))).toEqual([]);
    expect(entries.filter((e) => e.type === 'assessment.submitted').map((e) => e.actor)).toEqual(['officer.amy']);
  });
});
