import { Injectable, Logger } from '@nestjs/common';
import { logCheckpointIntervalMs } from '@sg/config';
import { TemporalClient } from '@sg/temporal';
import { CHECKPOINT_SCHEDULE_ID, CHECKPOINT_WORKFLOW_TYPE } from '@sg/workflows/checkpoint/checkpoint.types';
import { EnsuredSchedule, ScheduleDefinition } from '../common/ensured-schedule';

/** The one checkpointer (docs/audit.md): a Temporal Schedule checkpoints the case log every LOG_CHECKPOINT_INTERVAL. */
@Injectable()
export class CheckpointSchedule extends EnsuredSchedule {
  constructor(temporal: TemporalClient) {
    super(temporal, new Logger('checkpoints'));
  }

  protected definition(): ScheduleDefinition {
    return {
      scheduleId: CHECKPOINT_SCHEDULE_ID,
      workflowType: CHECKPOINT_WORKFLOW_TYPE,
      workflowId: 'case-log-checkpoint',
      everyMs: logCheckpointIntervalMs(process.env),
      what: 'Case log checkpoints',
    };
  }
}
