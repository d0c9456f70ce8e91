import { caseLogs, caseLogsReported, catalogueItemNames, REPEAT_REPORTS } from '../events/index.ts';
import { departmentsByCode } from '../org/index.ts';
import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { nodeNames } from '../territory/index.ts';
import { createCommandCentre } from './command.service.ts';
import { figuresRoutes } from './figures.routes.ts';
import { createFiguresService } from './figures.service.ts';

export { FACTS, type Fact, INDICATORS } from './figures.core.ts';
export type { FiguresService } from './figures.service.ts';

/**
 * 指标 (figures): indicators over areas, units and periods, from roll-ups kept as cases move (decision 0016). The
 * loop tells the figures of each change through `service.track`, which app.ts registers on events.
 */
export function createFigures({
  app,
  db,
  clock,
  guard,
  tiandituKey,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  tiandituKey: string | null;
}) {
  const service = createFiguresService({
    db,
    clock,
    repeatReports: REPEAT_REPORTS,
    caseLogs,
    caseLogsReported,
    nodeNames,
    departmentsByCode,
  });
  const command = createCommandCentre({ db, clock, nodeNames, departmentsByCode, itemNames: catalogueItemNames, tiandituKey });
  figuresRoutes(app, { figures: service, command, guard });
  return { service };
}
