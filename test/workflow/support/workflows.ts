// The workflow bundle of the fast suite: today's entry point, and the frozen legacy code on its own, so the suite can
// run a case as cases started before `case-workflow-v2` run.
export { caseWorkflow } from '../../../workflows/case/case.workflow';
export { legacyCaseWorkflow } from '../../../workflows/case/legacy/case.workflow';
