import type { Guard } from '../platform/actor.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { PdfRenderer } from '../platform/pdf.ts';
import { agreementRoutes } from './agreement.routes.ts';
import { disputeRoutes } from './disputes.routes.ts';
import { createDisputesService, type ReportEvent } from './disputes.service.ts';

export type { DisputesService, ReportEvent } from './disputes.service.ts';

/** 矛盾纠纷排查化解: screening rounds, the dispute record, and mediation tier by tier. */
export function createDisputes({
  app,
  db,
  clock,
  guard,
  reportEvent,
  pdf,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  guard: Guard;
  reportEvent: ReportEvent;
  /** Prints the mediation agreement (人民调解协议书). */
  pdf: PdfRenderer;
}) {
  const disputes = createDisputesService({ db, clock, reportEvent });
  disputeRoutes(app, { disputes, guard });
  agreementRoutes(app, { disputes, guard, pdf, db, clock });
  return { disputes };
}
