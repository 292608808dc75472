import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** Only open tasks are listed: done ones are in each case's log. */
export const TASK_FILTERS = ['open'] as const;

export class ListTasksQuery {
  @ApiProperty({ enum: TASK_FILTERS, description: 'open: tasks not done yet' })
  @IsIn(TASK_FILTERS)
  status!: (typeof TASK_FILTERS)[number];
}

/** A task someone must do for a case, without its description (the case page shows that). */
export class TaskSummary {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({
    example: 'CHECK_IN',
    description: 'CHECK_IN, NOTIFICATION_DEFERRAL_REVIEW, FEEDBACK, NOTIFICATION_FAILED, …',
  })
  kind!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ enum: TASK_FILTERS }) status!: 'open';
}

export class TaskList {
  @ApiProperty({ type: TaskSummary, isArray: true }) items!: TaskSummary[];
}
