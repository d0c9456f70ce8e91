import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import { createLedgerService } from './ledger.service.ts';
import { rewardsRoutes } from './rewards.routes.ts';
import { createRulesService } from './rules.service.ts';

export type { LedgerService } from './ledger.service.ts';
export type { RulesService } from './rules.service.ts';

/**
 * 奖补 (rewards): a county's rules — per verified case by item class, per worker of a commissioned task, per star
 * level — and its monthly ledger, computed from verified outcomes only, approved by the county and then final, with
 * the payout workbook (decision 0025). `ledger.postTaskSubsidy` is how the tasks feature will post into it.
 */
export function createRewards({ app, db, clock, guard }: { app: Http; db: Db; clock: Clock; guard: Guard }) {
  const rules = createRulesService({ db, clock });
  const ledger = createLedgerService({ db, clock });
  rewardsRoutes(app, { rules, ledger, guard });
  return { rules, ledger };
}
