import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/roles.guard';
import { ListTasksQuery, TaskList } from './list-tasks.query';

/** Open tasks is a bounded list: each case has a few at most, and done ones drop out. */
const MAX_TASKS = 500;

interface TaskRow {
  id: string;
  case_id: string;
  kind: string;
  due_at: Date | null;
}

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @Roles('officer', 'on_call', 'supervisor')
  @ApiOkResponse({ type: TaskList, description: 'Open tasks of every case, soonest due first (undated ones last)' })
  async list(@Query() _query: ListTasksQuery): Promise<TaskList> {
    const rows = (await this.dataSource.query(
      `SELECT id::text, case_id, kind, due_at FROM case_tasks WHERE completed_at IS NULL
       ORDER BY due_at ASC NULLS LAST, created_at ASC, id ASC LIMIT ${MAX_TASKS}`,
    )) as TaskRow[];
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        kind: r.kind,
        dueAt: r.due_at?.toISOString() ?? null,
        status: 'open',
      })),
    };
  }
}
