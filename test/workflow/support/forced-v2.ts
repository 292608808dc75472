// A bundle entry that runs today's case code whatever the history says: replaying an older history with it must fail,
// which shows that the `case-workflow-v2` branch is what keeps running cases safe.
export { runCase as caseWorkflow } from '../../../workflows/case/run-case';
