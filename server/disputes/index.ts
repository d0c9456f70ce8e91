import type { Guard } from '../platform/actor.ts';
import type { WorkingCalendar } from '../platform/calendar/calendar.core.ts';
import type { YearChangeListener } from '../platform/calendar/calendar.service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Db } from '../platform/db.ts';
import type { Http } from '../platform/http.ts';
import type { PdfRenderer } from '../platform/pdf.ts';
import { agreementRoutes } from './agreement.routes.ts';
import { createAgreementPrinter } from './agreement.service.ts';
import { disputeFigureRoutes } from './dispute-figures.routes.ts';
import { createDisputeFigures } from './dispute-figures.service.ts';
import { disputeSettingRoutes } from './dispute-settings.routes.ts';
import { disputeWarningRoutes } from './dispute-warnings.routes.ts';
import { createDisputeWarnings } from './dispute-warnings.service.ts';
import { disputeRoutes } from './disputes.routes.ts';
import { createDisputesService, type ReportEvent, type SourceCaseOf } from './disputes.service.ts';
import { recomputeMediationDeadlines } from './mediation-recompute.ts';
import type { MissedFollowUps } from './missed-visits.ts';

export type { FigureRow } from './dispute-figures.core.ts';
/** The dispute figures of an area and months by one dimension, for the assessment and the briefing (the caller checks scope). */
export { disputeFigures, type FigureQuery } from './dispute-figures.service.ts';
/** The agreements' follow-ups an account owes, for the to-do (app.ts hands it to the loop's inbox). */
export { agreementFollowUpsOwed, type DisputesService, type ReportEvent, type SourceCase, type SourceCaseOf } from './disputes.service.ts';
export type { MissedFollowUp, MissedFollowUps } from './missed-visits.ts';

/** 矛盾纠纷排查化解: screening rounds, the dispute record, mediation tier by tier, warnings (预警) and figures. */
export async function createDisputes({
  app,
  db,
  clock,
  calendar,
  onCalendarYearChanged,
  guard,
  reportEvent,
  pdf,
  missedFollowUps,
  sourceCase,
}: {
  app: Http;
  db: Db;
  clock: Clock;
  calendar: WorkingCalendar;
  /** Registers what moves the running mediations' deadlines when a year's holidays are entered or dropped. */
  onCalendarYearChanged: (listener: YearChangeListener) => void;
  guard: Guard;
  reportEvent: ReportEvent;
  /** Prints the mediation agreement (人民调解协议书). */
  pdf: PdfRenderer;
  /** Fieldwork's missed follow-ups of tagged people: what the missed_visits warning rules read. */
  missedFollowUps: MissedFollowUps;
  /** The loop's case as the caller may see it: what a dispute turned from a field report, a dispute item or a 12345 order reads. */
  sourceCase: SourceCaseOf;
}) {
  onCalendarYearChanged(recomputeMediationDeadlines);
  const warnings = createDisputeWarnings({ db, clock, missedFollowUps });
  const figures = createDisputeFigures({ db, clock });
  await figures.catchUp();
  const disputes = createDisputesService({ db, clock, calendar, reportEvent, warnings, figures, sourceCase });
  disputeRoutes(app, { disputes, guard });
  agreementRoutes(app, { agreements: createAgreementPrinter({ disputes, pdf, db, clock }), guard });
  disputeWarningRoutes(app, { warnings, guard });
  disputeFigureRoutes(app, { figures, disputes, guard });
  disputeSettingRoutes(app, { disputes, guard });
  return { disputes, warnings };
}
