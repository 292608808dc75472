import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * How many events each recorded case history holds (test/fixtures/histories), and how many of them are workflow
 * tasks, activities and local-activity markers: the round trips a case costs Temporal. `npm run history:events`.
 */
function main(): void {
  const dir = process.argv[2] ?? join(__dirname, '../../test/fixtures/histories');
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const { events } = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { events: { eventType: string }[] };
      const count = (type: string) => events.filter((e) => e.eventType === `EVENT_TYPE_${type}`).length;
      return {
        history: file.replace(/\.json$/, ''),
        events: events.length,
        workflowTasks: count('WORKFLOW_TASK_COMPLETED'),
        activities: count('ACTIVITY_TASK_SCHEDULED'),
        markers: count('MARKER_RECORDED'),
      };
    });
  console.table(rows);
}

main();
