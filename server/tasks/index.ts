import type { FileStore } from '../files/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { createRecordLookup } from '../registry/index.ts';
import { taskRoutes } from './tasks.routes.ts';
import { createTasksService, type TaskSubsidies } from './tasks.service.ts';

export type { TaskSubsidies, TasksService } from './tasks.service.ts';

/**
 * 委托任务 (tasks commissioned to workers): a department or a centre drafts a task over grids, the county admits it
 * (准入制), the workers of those grids fill its form per house or person, progress per grid, results as a workbook;
 * closing it pays each worker who filled it through the rewards ledger, whose functions app.ts hands in.
 */
export async function createTasks({
  app,
  db,
  clock,
  guard,
  files,
  subsidies,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  files: FileStore;
  subsidies: TaskSubsidies;
}) {
  const tasks = createTasksService({ db, clock, files, records: createRecordLookup({ db }), subsidies });
  await taskRoutes(app, { tasks, guard });
  return { tasks };
}
