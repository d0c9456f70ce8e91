import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { trainingRoutes } from './training.routes.ts';
import { createTrainingService } from './training.service.ts';

export type { TrainingService } from './training.service.ts';

/** 培训: sessions (topic, day, hours, trainer) with attendees from the area's team, each one's history, figures per area. */
export function createTraining({ app, db, clock, guard }: { app: Http; db: Db; clock: Clock; guard: Guard }) {
  const training = createTrainingService({ db, clock });
  trainingRoutes(app, { training, guard });
  return { training };
}
