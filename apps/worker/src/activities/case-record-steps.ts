import type { StepRecord } from '@sg/workflows/case/case.activities';
import type { CaseLedgerTx } from './case-ledger';

/**
 * Writes steps in order: each log entry with its read-model changes and tasks. A step already written (a retry) is
 * left as it is, and its read-model changes are not applied again over later ones.
 */
export async function writeSteps(tx: CaseLedgerTx, caseId: string, steps: readonly StepRecord[]): Promise<void> {
  for (const step of steps) {
    const { created } = await tx.append({
      caseId,
      stepKey: step.stepKey,
      actor: step.actor,
      type: step.type,
      data: step.data,
    });
    if (!created) continue;
    if (step.readModel) await tx.updateCase(caseId, step.readModel);
    for (const task of step.openTasks ?? []) await tx.openTask(caseId, task);
    if (step.completeTasks?.length) await tx.completeTasks(caseId, step.completeTasks);
  }
}
