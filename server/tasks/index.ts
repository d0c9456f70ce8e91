import type { FileStore } from '../files/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import { createRecordLookup, type DeclaredPeople } from '../registry/index.ts';
import type { TerritoryService } from '../territory/index.ts';
import { declarationRoutes } from './declare/declare.routes.ts';
import { createDeclarations } from './declare/declare.service.ts';
import { taskRoutes } from './tasks.routes.ts';
import { createTasksService, type TaskSubsidies } from './tasks.service.ts';

export type { TaskSubsidies, TasksService } from './tasks.service.ts';

/**
 * 委托任务 (tasks commissioned to workers): a department or a centre drafts a task over grids, the county admits it
 * (准入制), the workers of those grids fill its form per house or person, progress per grid, results as a workbook;
 * closing it pays each worker who filled it through the rewards ledger, whose functions app.ts hands in. A screening
 * task publishes QR codes (扫码申报): residents declare, the worker confirms into the people records through the
 * registry's `declaredPeople`, handed in by app.ts.
 */
export async function createTasks({
  app,
  db,
  clock,
  config,
  guard,
  files,
  subsidies,
  territory,
  declaredPeople,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  config: Config;
  guard: Guard;
  files: FileStore;
  subsidies: TaskSubsidies;
  territory: TerritoryService;
  declaredPeople: DeclaredPeople;
}) {
  const records = createRecordLookup({ db });
  const tasks = createTasksService({ db, clock, files, records, subsidies });
  await taskRoutes(app, { tasks, guard });
  const declarations = createDeclarations({
    db,
    clock,
    fieldCrypto: openFieldCrypto(config),
    records,
    people: declaredPeople,
    locate: async (lng, lat) => (await territory.locate(lng, lat))?.grid.code ?? null,
  });
  declarationRoutes(app, { declarations, guard });
  return { tasks };
}
