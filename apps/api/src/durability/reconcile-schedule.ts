import { Injectable, Logger } from '@nestjs/common';
import { durationMs, validateEnvironment } from '@sg/config';
import { TemporalClient } from '@sg/temporal';
import {
  RECONCILE_SCHEDULE_ID,
  RECONCILE_WORKFLOW_ID,
  RECONCILE_WORKFLOW_TYPE,
} from '@sg/workflows/reconcile/reconcile.types';
import { EnsuredSchedule, ScheduleDefinition } from '../common/ensured-schedule';

/**
 * The reconciler (docs/operations.md): a Temporal Schedule looks for stopped case workflows every
 * CASE_RECONCILE_INTERVAL.
 */
@Injectable()
export class ReconcileSchedule extends EnsuredSchedule {
  constructor(temporal: TemporalClient) {
    super(temporal, new Logger('reconciler'));
  }

  protected definition(): ScheduleDefinition {
    return {
      scheduleId: RECONCILE_SCHEDULE_ID,
      workflowType: RECONCILE_WORKFLOW_TYPE,
      workflowId: RECONCILE_WORKFLOW_ID,
      everyMs: durationMs(validateEnvironment(process.env).CASE_RECONCILE_INTERVAL),
      what: 'Stopped case workflows looked for',
    };
  }
}
