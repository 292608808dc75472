import type { CheckpointRun } from '../../libs/case-log/src/checkpointing/checkpoint-run';

export type { CheckpointRun };

export const CHECKPOINT_WORKFLOW_TYPE = 'caseLogCheckpointWorkflow';
/** The Temporal Schedule that runs it every LOG_CHECKPOINT_INTERVAL. */
export const CHECKPOINT_SCHEDULE_ID = 'case-log-checkpoints';

/** A run an auditor asks for (POST /audit/checkpoints); the schedule's runs get ids from the schedule. */
export const onDemandCheckpointWorkflowId = (requestId: string) => `case-log-checkpoint-on-demand-${requestId}`;

/** Takes no input; an object, so fields can be added later without breaking running schedules. */
export type CheckpointWorkflowInput = Record<string, never>;

/** The contract between the checkpoint workflow and the worker's activity. */
export interface CheckpointActivities {
  /** One checkpointing run (libs/case-log/src/checkpointing): chains that grew, then a signed tree head. */
  checkpointCaseLogs(): Promise<CheckpointRun>;
}
