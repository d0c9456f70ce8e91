import type { FileStore } from '../files/index.ts';
import type { Actor, Guard } from '../platform/actor.ts';
import { calendarRoutes } from '../platform/calendar/calendar.routes.ts';
import { createCalendarDays, liveCalendar } from '../platform/calendar/calendar.service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import type { Db, Tx } from '../platform/db.ts';
import { openFieldCrypto } from '../platform/field-keys.ts';
import type { Http } from '../platform/http.ts';
import { createRecordLookup } from '../registry/index.ts';
import type { TerritoryService } from '../territory/index.ts';
import { createCatalogueMemory } from './catalogue/catalogue.memory.ts';
import { catalogueRoutes } from './catalogue/catalogue.routes.ts';
import { DEFAULT_CATALOGUE } from './catalogue/catalogue.seed.ts';
import { createCatalogueService } from './catalogue/catalogue.service.ts';
import { seedCatalogue } from './catalogue/catalogue.store.ts';
import { createNotifier, type Notice, type NotificationChannel, robotChannel } from './inbox/inbox.channels.ts';
import { inboxRoutes } from './inbox/inbox.routes.ts';
import { type AgreementFollowUpsDue, createInboxService, type FollowUpsDue } from './inbox/inbox.service.ts';
import { createChannelIntake } from './intake/channels.ts';
import { intakeSource } from './intake/intake.core.ts';
import { intakeRoutes } from './intake/intake.routes.ts';
import { createIntakeService } from './intake/intake.service.ts';
import { publicRoutes } from './intake/public.routes.ts';
import { type CasesTouched, createCaseHooks, type FactsRecorded, type FiledWrites } from './loop/case-log.ts';
import { provisionalDeadlineCounter, recomputeDeadlines } from './loop/deadline-recompute.ts';
import { eventListRoutes } from './loop/event-list.routes.ts';
import { eventsRoutes } from './loop/events.routes.ts';
import { createEventsService, type StaffReportInput } from './loop/events.service.ts';
import { supervisionRoutes } from './oversight/supervision.routes.ts';
import { createSupervisionService } from './oversight/supervision.service.ts';
import { sweep } from './oversight/sweep.ts';
import { warningsRoutes } from './oversight/warnings.routes.ts';
import { createWarnings } from './oversight/warnings.service.ts';

/** Catalogue items' names by code, for figures that split by item. */
export { nodeNamesOf as catalogueItemNames } from './catalogue/catalogue.store.ts';
/** What an open interface (server/open311) uses of the loop: citizens' reports through it, and reading them back. */
export type {
  Channel,
  ChannelCase,
  ChannelCaseQuery,
  ChannelIntake,
  ChannelReceipt,
  ChannelReportInput,
  CitizenService,
} from './intake/channels.ts';
export { newTrackingCode, REPEAT_REPORTS } from './intake/intake.core.ts';
export {
  type CaseLog,
  type CaseRef,
  type CasesTouched,
  caseLogs,
  caseLogsReported,
  type FactCase,
  type FactsRecorded,
  type FiledWrites,
  type LoopFact,
} from './loop/case-log.ts';
/** The cases a staff account filed within a span: what a patrol's summary links to. */
export { casesReportedBy, type ReportedCase } from './loop/cases-reported-by.ts';
/** A citizen's own reports by their phone's keyed hash (the public pages' "my reports"). */
export { type CitizenReport, citizenReports, countyOfReporter } from './loop/citizen-reports.ts';
/** Cases closed as real after a unit handled them, by their reporter: what the rewards ledger pays for. */
export { type ConfirmedCase, confirmedCases } from './loop/confirmed-cases.ts';
export { DEADLINE_RECOMPUTED, isProvisional } from './loop/deadline-recompute.ts';
/** The loop's statuses and a limit in words, for what an interface says about a case. */
export type { StageLimit } from './loop/deadlines.core.ts';
/** A deadline's light (green, yellow near due, red overdue) on the working-day calendar, for areas with their own time limits (disputes). */
export { trafficLight } from './loop/deadlines.core.ts';
/** What a composition root hands the demo to drive the loop. */
export type { ActionInput, EventActionName } from './loop/event-actions.core.ts';
export type { EventsService } from './loop/events.service.ts';
/** What the province exchange reads of the cases changed in a range of finished transactions (decision 0028). */
export { casesChanged, casesForExchange, type ExchangedCase } from './loop/exchange-feed.ts';
/** Cases under a 督办 order, by number: the briefing's typical cases of that rule. */
export { supervisedCaseNos } from './oversight/supervised-cases.ts';
export type { SupervisionService } from './oversight/supervision.service.ts';
export { startSweeper } from './oversight/sweep.ts';

export async function createEvents({
  app,
  db,
  clock,
  config,
  guard,
  territory,
  files,
  followUpsDue,
  agreementFollowUpsDue,
  channels: otherChannels = [],
}: {
  app: Http;
  db: Db;
  clock: Clock;
  config: Config;
  guard: Guard;
  territory: TerritoryService;
  files: FileStore;
  /** The follow-ups of tagged people the caller owes (fieldwork, above the loop), counted as to-do work. */
  followUpsDue: FollowUpsDue;
  /** The mediation agreements' follow-ups the caller owes (disputes, above the loop), counted as to-do work. */
  agreementFollowUpsDue: AgreementFollowUpsDue;
  /** Where notices go besides the inbox and the group robot (app.ts: SMS). */
  channels?: readonly NotificationChannel[];
}) {
  const calendarDays = createCalendarDays({ db, clock, provisionalDeadlines: provisionalDeadlineCounter(db) });
  // Entering a year's holidays moves the open deadlines counted across it, in the same transaction.
  calendarDays.onYearChanged(recomputeDeadlines);
  const warnings = createWarnings({ db, clock });
  await Promise.all([calendarDays.holder.reload(), warnings.reload()]);
  // Everything that counts working time reads the administrator's overrides through this one calendar.
  const calendar = liveCalendar(calendarDays.holder);
  const fieldCrypto = openFieldCrypto(config);
  const records = createRecordLookup({ db });
  const hooks = createCaseHooks();
  const catalogue = createCatalogueMemory(db);
  const service = createEventsService({
    hooks,
    catalogue,
    db,
    clock,
    calendar,
    warningRules: warnings.rules,
    territory,
    fieldCrypto,
    repeats: config.repeats,
    records,
  });
  eventsRoutes(app, { events: service, guard });
  eventListRoutes(app, { events: service, guard });
  const intake = createIntakeService({ db, clock, config, territory, events: service, fieldCrypto, catalogue, calendar });
  intakeRoutes(app, { intake, guard });
  publicRoutes(app, { intake, files, config });
  catalogueRoutes(app, { catalogue: createCatalogueService({ db, clock, memory: catalogue }), guard });
  const supervision = createSupervisionService({
    db,
    clock,
    calendar,
    unvisitedWorkingDays: config.unvisitedWorkingDays,
    hooks,
  });
  supervisionRoutes(app, { supervision, guard });
  calendarRoutes(app, { days: calendarDays, guard });
  warningsRoutes(app, { warnings, guard });
  const notifier = createNotifier({
    db,
    channels: [...(config.robot ? [robotChannel(config.robot)] : []), ...otherChannels],
    onError: (channel, err) => app.log.warn({ err, channel }, 'notification channel failed'),
  });
  const inbox = createInboxService({
    db,
    clock,
    notifier,
    events: service,
    callsToLocate: intake.calls.waitingCount,
    followUpsDue,
    agreementFollowUpsDue,
  });
  service.onChange(inbox.onEventChange);
  inboxRoutes(app, { inbox, guard });
  /** One deadline sweep; it first reloads the rules and overrides, so edits made on another server apply here too. */
  const runSweep = async () => {
    await Promise.all([calendarDays.holder.reload(), warnings.reload()]);
    return sweep({
      db,
      clock,
      calendar,
      rules: warnings.rules,
      notifier,
      reminderWorkingDays: config.reminderWorkingDays,
      hooks,
      otherNotices: intake.calls.overdueNotices,
    });
  };
  /**
   * A case another area files for its caller (a dispute a department must act on): the source follows the caller's
   * role as on the report form, and the point must lie in a grid, as for any staff report.
   */
  const report = (actor: Actor, input: Omit<StaffReportInput, 'source' | 'photos'>) =>
    service.report(actor, { ...input, photos: [], source: intakeSource(actor, {}) });
  const channels = createChannelIntake({ db, clock, config, territory, events: service, fieldCrypto, records, calls: intake.calls });
  /**
   * Notices another area writes (a ten-household alert): into the inbox inside the caller's transaction; the function
   * answered sends those new to the inbox on to the other channels, after the commit.
   */
  const notifyIn = async (tx: Tx, notices: Notice[]) => {
    const fresh = await notifier.record(tx, notices);
    return () => notifier.send(fresh);
  };
  return {
    service,
    notifyIn,
    supervision,
    sweep: runSweep,
    channels,
    report,
    /** 五色预警 sanctions: the units warned on cases of a scope over a span, with their cases (assessment's rankings). */
    unitSanctions: warnings.sanctioned,
    /** The working-day calendar with the administrator's overrides, for areas that count working time (disputes). */
    calendar,
    /** Tells another area's listener of a year's holidays entered or dropped, in that transaction (disputes' mediations). */
    onCalendarYearChanged: calendarDays.onYearChanged,
    /**
     * Registers what runs inside every transaction that writes a case's action row or warning (app.ts: the figures),
     * and what it writes for cases being filed, in the statement that files them.
     */
    onCasesTouched: (hook: CasesTouched, filed: FiledWrites) => {
      hooks.add(hook);
      hooks.addFiled(filed);
    },
    /**
     * Registers what runs inside every transaction that records a fact an outside system may be told of (app.ts: the
     * webhooks' outbox), so the outbox commits with the change or not at all; `filed`, the same for cases being filed.
     */
    onFactsRecorded: (hook: FactsRecorded, filed: FiledWrites) => {
      hooks.addFacts(hook);
      hooks.addFiled(filed);
    },
  };
}

/** Reference data every database starts with: the default catalogue, loaded into an empty catalogue only. */
export function seedDefaultCatalogue(db: Db): Promise<void> {
  return seedCatalogue(db, DEFAULT_CATALOGUE);
}
