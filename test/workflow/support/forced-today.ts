// A bundle entry that runs today's case code whatever the history says: replaying an older history with it must fail,
// which shows that the versioning markers (case.workflow.ts) are what keep running cases safe.
import { runCase } from '../../../workflows/case/run-case';
import type { CaseWorkflowInput } from '../../../workflows/case/case.types';

export const caseWorkflow = (input: CaseWorkflowInput): Promise<void> => runCase(input, 3);
