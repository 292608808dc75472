// Entry point of the workflow bundle: every workflow the worker runs.
export { caseWorkflow } from './case/case.workflow';
