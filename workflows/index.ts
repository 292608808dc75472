// Entry point of the workflow bundle: every workflow the worker runs.
export { caseWorkflow } from './case/case.workflow';
// The case log's checkpoints and tree heads (docs/audit.md), run by a Temporal Schedule.
export { caseLogCheckpointWorkflow } from './checkpoint/checkpoint.workflow';
// Open cases whose workflow stopped (docs/operations.md), run by a Temporal Schedule.
export { caseReconcilerWorkflow } from './reconcile/reconcile.workflow';
